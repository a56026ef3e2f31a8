import Foundation
import VaultCrypto

/// The vault's signature beside an export file, so a receiver who pinned the vault's public
/// key knows the file came from this vault unaltered. The signature is Ed25519 over the
/// encrypted file's bytes, stored raw (64 bytes) in `FILE.sig`, and the public key is given as a
/// PEM SubjectPublicKeyInfo (RFC 8410), so that the stock `openssl pkeyutl -verify -rawin`
/// checks it too. The PEM is built here by hand: it is a fixed 12-byte DER prefix before the
/// 32-byte key, pinned by a test against `openssl`.
public enum ExportSignature {
    /// Appended to an export's file name for its signature.
    public static let fileSuffix = ".sig"

    private static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    private static let pemBegin = "-----BEGIN PUBLIC KEY-----"
    private static let pemEnd = "-----END PUBLIC KEY-----"

    /// The PEM form of a 32-byte Ed25519 public key, ending in a newline.
    public static func publicKeyPEM(_ key: [UInt8]) -> String {
        "\(pemBegin)\n\(Data(spkiPrefix + key).base64EncodedString())\n\(pemEnd)\n"
    }

    /// The 32-byte key of a PEM Ed25519 public key; nil when the text is not one.
    public static func publicKey(fromPEM text: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 3, lines[0] == pemBegin, lines[2] == pemEnd, let der = Data(base64Encoded: lines[1]).map(Array.init),
              der.count == spkiPrefix.count + 32, Array(der.prefix(spkiPrefix.count)) == spkiPrefix else { return nil }
        return Array(der.suffix(32))
    }

    /// `SHA256:` and the unpadded base64 of the key's SHA-256, for reading a key aloud or
    /// comparing it on the phone.
    public static func fingerprint(_ key: [UInt8]) throws -> String {
        let digest = Data(try SHA256.hash(key)).base64EncodedString()
        return "SHA256:" + digest.trimmingCharacters(in: CharacterSet(charactersIn: "="))
    }

    /// True only if `signature` is the signature of `file` under `publicKey`.
    public static func isValid(_ signature: [UInt8], for file: [UInt8], publicKey: [UInt8]) -> Bool {
        Ed25519.isValidSignature(signature, for: file, publicKey: publicKey)
    }
}
