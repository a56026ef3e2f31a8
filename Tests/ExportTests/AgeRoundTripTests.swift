import Export
import VaultCrypto
import XCTest

/// Files written by AgeEncryptor read back with AgeDecryptor, and their layout is age's.
final class AgeRoundTripTests: XCTestCase {
    private let chunk = 64 * 1024

    private func header(of file: [UInt8]) -> String {
        let end = file.indices.first { file[$0...].starts(with: Array("\n---".utf8)) }!
        return String(decoding: file[..<end], as: UTF8.self)
    }

    /// Sizes around the chunk boundary: the file is header, 16-byte nonce, the plaintext and one
    /// 16-byte tag per chunk (an empty plaintext and exactly 64 KiB are one chunk each).
    func testRecipientsRoundTripAtChunkBoundaries() throws {
        let identities = try (0..<3).map { _ in try AgeIdentity.generate() }
        for (size, chunks) in [(0, 1), (1, 1), (chunk - 1, 1), (chunk, 1), (chunk + 1, 2), (3 * chunk - 5, 3), (3 * chunk, 3)] {
            let plaintext = try SecureRandom.bytes(count: size)
            let file = try AgeEncryptor.encrypt(plaintext, to: identities.map(\.recipient))
            let headerLength = file.firstRange(of: Array("\n--- ".utf8))!.upperBound + 43 + 1
            XCTAssertEqual(file.count, headerLength + 16 + size + 16 * chunks, "size \(size)")
            for identity in identities {
                XCTAssertEqual(try AgeDecryptor.decrypt(file, with: .identities([identity])), plaintext, "size \(size)")
            }
            XCTAssertThrowsError(try AgeDecryptor.decrypt(file, with: .identities([try AgeIdentity.generate()]))) {
                XCTAssertEqual($0 as? AgeError, .noMatch)
            }
        }
    }

    func testHeaderLayout() throws {
        let recipients = try (0..<2).map { _ in try AgeIdentity.generate().recipient }
        let file = try AgeEncryptor.encrypt(Array("x".utf8), to: recipients)
        let lines = header(of: file).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(lines[0], "age-encryption.org/v1")
        for index in [1, 3] {
            XCTAssertTrue(lines[index].hasPrefix("-> X25519 "))
            XCTAssertEqual(lines[index].count, "-> X25519 ".count + 43)
            XCTAssertEqual(lines[index + 1].count, 43)
        }
    }

    /// Each file has a fresh file key, share and nonce.
    func testEncryptionsDiffer() throws {
        let recipient = try AgeIdentity.generate().recipient
        let plaintext = [UInt8](repeating: 7, count: 100)
        let first = try AgeEncryptor.encrypt(plaintext, to: [recipient])
        let second = try AgeEncryptor.encrypt(plaintext, to: [recipient])
        XCTAssertEqual(first.count, second.count)
        XCTAssertNotEqual(first, second)
        XCTAssertNotEqual(first.suffix(132), second.suffix(132))
    }

    func testPassphraseRoundTrip() throws {
        let plaintext = try SecureRandom.bytes(count: chunk + 3)
        let passphrase = SecretBytes(Array("correct horse battery staple".utf8))
        let file = try AgeEncryptor.encrypt(plaintext, passphrase: passphrase, workFactor: 10)
        let lines = header(of: file).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let stanza = lines[1].split(separator: " ")
        XCTAssertEqual(stanza.count, 4)
        XCTAssertEqual(Array(stanza[0...1]), ["->", "scrypt"])
        XCTAssertEqual(stanza[2].count, 22)
        XCTAssertEqual(stanza[3], "10")
        XCTAssertEqual(try AgeDecryptor.decrypt(file, with: .passphrase(passphrase)), plaintext)
        XCTAssertThrowsError(try AgeDecryptor.decrypt(file, with: .passphrase(SecretBytes(Array("wrong".utf8))))) {
            XCTAssertEqual($0 as? AgeError, .noMatch)
        }
        XCTAssertThrowsError(try AgeDecryptor.decrypt(file, with: .identities([try AgeIdentity.generate()]))) {
            XCTAssertEqual($0 as? AgeError, .noMatch)
        }
    }

    /// The default work factor is age's, 18; more than 22 (what readers accept) is refused.
    func testPassphraseWorkFactor() throws {
        let passphrase = SecretBytes(Array("a passphrase".utf8))
        let file = try AgeEncryptor.encrypt([1, 2, 3], passphrase: passphrase)
        XCTAssertTrue(header(of: file).split(separator: "\n")[1].hasSuffix(" 18"))
        XCTAssertEqual(try AgeDecryptor.decrypt(file, with: .passphrase(passphrase)), [1, 2, 3])
        for workFactor: UInt8 in [0, 23] {
            XCTAssertThrowsError(try AgeEncryptor.encrypt([1], passphrase: passphrase, workFactor: workFactor)) {
                XCTAssertEqual($0 as? AgeError, .invalidKey)
            }
        }
        XCTAssertThrowsError(try AgeEncryptor.encrypt([1], passphrase: SecretBytes([])))
        XCTAssertThrowsError(try AgeEncryptor.encrypt([1], to: []))
    }

    /// Any altered byte makes decryption fail: in a stanza (no match or header), the MAC line,
    /// the nonce or a chunk (payload); nothing is returned.
    func testAlteredBytesAreRefused() throws {
        let identity = try AgeIdentity.generate()
        let file = try AgeEncryptor.encrypt(try SecureRandom.bytes(count: 2 * chunk + 10), to: [identity.recipient])
        let headerLength = file.firstRange(of: Array("\n--- ".utf8))!.upperBound + 44
        let positions = [30, 60, 80, headerLength - 10, headerLength + 3, headerLength + 20, headerLength + 16 + chunk + 40, file.count - 1]
        for position in positions {
            var altered = file
            altered[position] ^= 0x01
            XCTAssertThrowsError(try AgeDecryptor.decrypt(altered, with: .identities([identity])), "byte \(position)") { error in
                XCTAssertNotNil(error as? AgeError, "byte \(position)")
            }
        }
        for truncated in [Array(file.dropLast(1)), Array(file.dropLast(chunk / 2)), file + [0]] {
            XCTAssertThrowsError(try AgeDecryptor.decrypt(truncated, with: .identities([identity]))) {
                XCTAssertEqual($0 as? AgeError, .payloadFailure)
            }
        }
    }

    /// The streaming form releases 64 KiB chunks in order, then the short last one.
    func testStreamingReleasesChunks() throws {
        let identity = try AgeIdentity.generate()
        let plaintext = try SecureRandom.bytes(count: 2 * chunk + 5)
        let file = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient])
        var released: [[UInt8]] = []
        try AgeDecryptor.decrypt(file, with: .identities([identity])) { released.append($0) }
        XCTAssertEqual(released.map(\.count), [chunk, chunk, 5])
        XCTAssertEqual(Array(released.joined()), plaintext)
    }

    func testArmorRoundTrip() throws {
        let identity = try AgeIdentity.generate()
        let plaintext = try SecureRandom.bytes(count: 1000)
        let file = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient])
        let armored = AgeArmor.encode(file)
        let lines = String(decoding: armored, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "-----BEGIN AGE ENCRYPTED FILE-----")
        XCTAssertEqual(lines.suffix(2), ["-----END AGE ENCRYPTED FILE-----", ""])
        XCTAssertTrue(lines.dropFirst().dropLast(3).allSatisfy { $0.count == 64 })
        XCTAssertTrue((1...64).contains(lines[lines.count - 3].count))
        XCTAssertEqual(try AgeArmor.decode(armored), file)
        XCTAssertEqual(try AgeDecryptor.decrypt(try AgeArmor.decode(armored), with: .identities([identity])), plaintext)
        XCTAssertThrowsError(try AgeArmor.decode(file)) { XCTAssertEqual($0 as? AgeError, .armorFailure) }
    }
}
