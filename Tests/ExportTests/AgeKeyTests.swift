@testable import Export
import VaultCrypto
import XCTest

/// Bech32 (BIP-173) and the age key encodings built on it.
final class AgeKeyTests: XCTestCase {
    /// A pair written by age-keygen 1.1.1 (test data only).
    private let secretKey = "AGE-SECRET-KEY-188QCSMVLTJEE6TJMFLJLMHEGJ9KGGHGS55FUPWXCKGV2JJREUKYSGNH95F"
    private let publicKey = "age1phmdktz3m9sq7y3lcmtp5ccr3l82nzypv0cyz9dw75rhv3xpm3dsxt3s4y"

    private func secret(_ text: String) -> SecretBytes { SecretBytes(Array(text.utf8)) }

    /// The valid strings of BIP-173, in both cases, decode, and re-encode to their lowercase form.
    func testBIP173ValidStrings() throws {
        for text in ["A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                     "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl",
                     "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs"] {
            let decoded = try XCTUnwrap(Bech32.decode(Array(text.utf8)), text)
            let hrp = String(decoding: decoded.hrp, as: UTF8.self).lowercased()
            XCTAssertEqual(String(decoding: Bech32.encode(hrp: hrp, data: decoded.data), as: UTF8.self), text.lowercased())
        }
    }

    /// BIP-173's invalid strings, a mixed-case string and a one-character change are refused.
    func testBIP173InvalidStrings() {
        for text in ["pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\u{7f}", "A1G7SGD8", "10a06t8",
                     "1qzzfhee", "A12uEL5L", "a12uel5m", " a12uel5l"] {
            XCTAssertNil(Bech32.decode(Array(text.utf8)), text)
        }
    }

    func testAgeKeygenPairParses() throws {
        let identity = try AgeIdentity(parsing: secret(secretKey))
        XCTAssertEqual(identity.recipient.description, publicKey)
        XCTAssertEqual(try AgeRecipient(parsing: publicKey), identity.recipient)
        XCTAssertEqual(String(decoding: identity.encoded().copyBytes(), as: UTF8.self), secretKey)
    }

    /// age writes recipients in lower case and identities in upper case and accepts only that.
    func testWrongCaseAndBadChecksumsAreRefused() {
        let badChecksum = String(publicKey.dropLast()) + (publicKey.hasSuffix("q") ? "p" : "q")
        for text in [publicKey.uppercased(), badChecksum, "age1", publicKey + " ", secretKey] {
            XCTAssertThrowsError(try AgeRecipient(parsing: text), text) { XCTAssertEqual($0 as? AgeError, .invalidKey) }
        }
        for text in [secretKey.lowercased(), String(secretKey.dropLast()) + "Q", secretKey + "\n", publicKey] {
            XCTAssertThrowsError(try AgeIdentity(parsing: secret(text)), text) { XCTAssertEqual($0 as? AgeError, .invalidKey) }
        }
    }

    /// Printing an identity (as a log line or an error message might) shows only its recipient.
    func testIdentityPrintsNoSecret() throws {
        let identity = try AgeIdentity(parsing: secret(secretKey))
        for text in [String(describing: identity), String(reflecting: identity), "\(identity)"] {
            XCTAssertEqual(text, "AgeIdentity(\(publicKey))")
        }
    }

    /// A low-order recipient (here the all-zero point) cannot be encrypted to.
    func testLowOrderRecipientIsRefused() throws {
        let recipient = try AgeRecipient(publicKey: [UInt8](repeating: 0, count: 32))
        XCTAssertThrowsError(try AgeEncryptor.encrypt([1], to: [recipient])) { XCTAssertEqual($0 as? AgeError, .invalidKey) }
        XCTAssertThrowsError(try AgeRecipient(publicKey: [UInt8](repeating: 9, count: 31))) { XCTAssertEqual($0 as? AgeError, .invalidKey) }
    }

    /// The vault's own X25519 key is usable as an identity: its recipient is its public key.
    func testIdentityFromRawKey() throws {
        let key = try X25519PrivateKey.generate()
        let identity = try AgeIdentity(privateKey: key.rawValue)
        XCTAssertEqual(identity.recipient.publicKey, try key.publicKey())
        XCTAssertThrowsError(try AgeIdentity(privateKey: SecretBytes([UInt8](repeating: 1, count: 31))))
        let parsed = try AgeIdentity(parsing: identity.encoded())
        XCTAssertEqual(parsed.recipient, identity.recipient)
    }
}
