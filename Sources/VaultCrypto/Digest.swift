internal import COpenSSL

/// A message digest implementation fetched once from the default provider.
final class FetchedDigest: @unchecked Sendable {
    let pointer: OpaquePointer?

    init(_ name: String) { pointer = EVP_MD_fetch(nil, name, nil) }

    static let sha256 = FetchedDigest("SHA256")

    func require() throws -> OpaquePointer {
        guard let pointer else { throw VaultCryptoError.libraryFailure("digest unavailable") }
        return pointer
    }
}

/// SHA-256, for the audit hash chain and for naming exported files.
public enum SHA256 {
    /// Length of a digest in bytes.
    public static let length = 32

    /// The digest of `data`.
    public static func hash(_ data: [UInt8]) throws -> [UInt8] {
        let digest = try FetchedDigest.sha256.require()
        var output = [UInt8](repeating: 0, count: length)
        var outLength: UInt32 = 0
        let status = withNonNullBytes(data) { input, count in
            EVP_Digest(input, count, &output, &outLength, digest, nil)
        }
        guard status == 1, outLength == length else { throw VaultCryptoError.libraryFailure("sha256") }
        return output
    }
}
