internal import COpenSSL

/// scrypt (RFC 7914), which turns a user's passphrase into the key that opens their key slot.
public struct ScryptParameters: Sendable, Equatable, Codable {
    /// log2 of the CPU/memory cost N.
    public var logN: UInt8
    /// Block size r.
    public var r: UInt32
    /// Parallelism p.
    public var p: UInt32

    public init(logN: UInt8, r: UInt32, p: UInt32) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// The production cost of design.md: N = 2^17, r = 8, p = 1 (128 MiB, about half a second).
    public static let interactive = ScryptParameters(logN: 17, r: 8, p: 1)

    /// Memory scrypt needs for these parameters, in bytes.
    public var memoryBytes: UInt64 { 128 * UInt64(r) * ((UInt64(1) << logN) + UInt64(p) + 2) }
}

/// scrypt key derivation through `EVP_PBE_scrypt`.
public enum Scrypt {
    /// Highest accepted log2(N): refuses absurd parameters read from a hostile file.
    public static let maximumLogN: UInt8 = 22
    /// Highest accepted block size r.
    public static let maximumR: UInt32 = 32
    /// Highest accepted parallelism p.
    public static let maximumP: UInt32 = 16
    /// Most memory the large array V may take, 128 · r · N bytes: 4 GiB (N = 2^22 with r = 8).
    public static let maximumMemoryBytes: UInt64 = 1 << 32
    /// Most work, N · r · p block mixes: twice the N = 2^22, r = 8, p = 1 derivation, so that a
    /// hostile slot cannot make unlock run for minutes within the other bounds.
    public static let maximumWork: UInt64 = 1 << 26

    /// Refuses parameters outside the bounds above (a slot is read from a file that may be
    /// hostile) without deriving anything. `deriveKey` calls it first.
    public static func check(_ parameters: ScryptParameters) throws {
        let n = UInt64(1) << min(parameters.logN, 63)
        let r = UInt64(parameters.r), p = UInt64(parameters.p)
        guard parameters.logN >= 1, parameters.logN <= maximumLogN,
              parameters.r >= 1, parameters.r <= maximumR,
              parameters.p >= 1, parameters.p <= maximumP,
              128 * r * n <= maximumMemoryBytes, n * r * p <= maximumWork
        else { throw VaultCryptoError.invalidParameter("scrypt parameters") }
    }

    /// Derives `length` bytes from `passphrase` and `salt`.
    public static func deriveKey(passphrase: SecretBytes, salt: [UInt8], parameters: ScryptParameters, length: Int) throws -> SecretBytes {
        try check(parameters)
        guard length > 0, length <= 1024 else { throw VaultCryptoError.invalidParameter("scrypt length") }
        var output = [UInt8](repeating: 0, count: length)
        defer { SecretBytes.cleanse(&output) }
        let maxMemory = parameters.memoryBytes + (1 << 20)
        let status = passphrase.withUnsafeBytes { pass in
            withNonNullBytes(pass) { passPointer, passCount in
                withNonNullBytes(salt) { saltPointer, saltCount in
                    passPointer.withMemoryRebound(to: CChar.self, capacity: max(passCount, 1)) { passChars in
                        EVP_PBE_scrypt(passChars, passCount, saltPointer, saltCount,
                                       UInt64(1) << parameters.logN, UInt64(parameters.r), UInt64(parameters.p),
                                       maxMemory, &output, length)
                    }
                }
            }
        }
        guard status == 1 else { throw VaultCryptoError.libraryFailure("scrypt") }
        return SecretBytes(output)
    }
}
