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

    /// Derives `length` bytes from `passphrase` and `salt`.
    public static func deriveKey(passphrase: SecretBytes, salt: [UInt8], parameters: ScryptParameters, length: Int) throws -> SecretBytes {
        guard parameters.logN >= 1, parameters.logN <= maximumLogN, parameters.r >= 1, parameters.p >= 1,
              UInt64(parameters.r) * UInt64(parameters.p) < (1 << 30), length > 0, length <= 1024
        else { throw VaultCryptoError.invalidParameter("scrypt parameters") }
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
