import Export
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// Interoperability with the reference implementation, the `age` 1.1.1 binary (CI installs it):
/// files go both ways, with several recipients, over chunk boundaries, armored, and with a
/// passphrase (typed into a tmux pane, since age reads passphrases from the terminal only).
final class AgeInteropTests: XCTestCase {
    private let chunk = 64 * 1024
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try ExternalTool.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func write(_ bytes: [UInt8], _ name: String, mode: Int = 0o600) throws -> String {
        let file = path(name)
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(bytes), attributes: [.posixPermissions: mode]))
        return file
    }

    private func age(_ arguments: [String]) throws -> ChildProcess {
        try ExternalTool.run("age", arguments)
    }

    /// A key file as age-keygen writes one, private to this user.
    private func keyFile(_ identity: AgeIdentity) throws -> String {
        var text = identity.encoded().copyBytes() + [0x0a]
        defer { SecretBytes.cleanse(&text) }
        let file = try write(text, "key-\(UUID().uuidString).txt")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        return file
    }

    func testAgeKeygenIdentityParses() throws {
        let keygen = try ExternalTool.run("age-keygen", ["-o", path("generated.txt")])
        XCTAssertEqual(keygen.status, 0, keygen.errorText)
        let line = try String(contentsOfFile: path("generated.txt"), encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("AGE-SECRET-KEY-1") }
        let identity = try AgeIdentity(parsing: SecretBytes(Array(try XCTUnwrap(line).utf8)))
        let recipient = try ExternalTool.run("age-keygen", ["-y", path("generated.txt")])
        XCTAssertEqual(recipient.outputText, identity.recipient.description + "\n")
    }

    /// Our files, to three recipients, open with `age -d -i` for any one of them.
    func testAgeDecryptsOurFiles() throws {
        let identities = try (0..<3).map { _ in try AgeIdentity.generate() }
        let keys = try identities.map(keyFile)
        for size in [0, 1000, chunk, 3 * chunk - 7] {
            let plaintext = try SecureRandom.bytes(count: size)
            let file = try write(try AgeEncryptor.encrypt(plaintext, to: identities.map(\.recipient)), "ours-\(size).age")
            for key in keys {
                let age = try age(["-d", "-i", key, file])
                XCTAssertEqual(age.status, 0, "size \(size): \(age.errorText)")
                XCTAssertEqual(Array(age.output), plaintext, "size \(size)")
            }
        }
    }

    /// age's files, binary and armored, to several recipients, open with each of our identities.
    func testWeDecryptAgeFiles() throws {
        let identities = try (0..<3).map { _ in try AgeIdentity.generate() }
        let recipients = identities.flatMap { ["-r", $0.recipient.description] }
        for size in [0, 1000, chunk, 3 * chunk - 7] {
            let plaintext = try SecureRandom.bytes(count: size)
            let input = try write(plaintext, "plain-\(size)")
            for armored in [false, true] {
                let output = path("theirs-\(size)-\(armored).age")
                let age = try age(["-e"] + (armored ? ["-a"] : []) + recipients + ["-o", output, input])
                XCTAssertEqual(age.status, 0, age.errorText)
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: output)))
                let file = armored ? try AgeArmor.decode(bytes) : bytes
                for identity in identities {
                    XCTAssertEqual(try AgeDecryptor.decrypt(file, with: .identities([identity])), plaintext, "size \(size)")
                }
            }
        }
    }

    /// age opens our armored files too.
    func testAgeDecryptsOurArmor() throws {
        let identity = try AgeIdentity.generate()
        let plaintext = try SecureRandom.bytes(count: 2 * chunk + 1)
        let file = try write(AgeArmor.encode(try AgeEncryptor.encrypt(plaintext, to: [identity.recipient])), "ours.age.asc")
        let age = try age(["-d", "-i", try keyFile(identity), file])
        XCTAssertEqual(age.status, 0, age.errorText)
        XCTAssertEqual(Array(age.output), plaintext)
    }

    /// One flipped bit, in the header or in any chunk, makes both implementations refuse.
    func testFlippedByteFailsInBoth() throws {
        let identity = try AgeIdentity.generate()
        let key = try keyFile(identity)
        let original = try AgeEncryptor.encrypt(try SecureRandom.bytes(count: 3 * chunk - 7), to: [identity.recipient])
        let headerLength = original.firstRange(of: Array("\n--- ".utf8))!.upperBound + 44
        for position in [40, headerLength - 5, headerLength + 5, headerLength + 16 + chunk + 100, original.count - 3] {
            var altered = original
            altered[position] ^= 0x04
            let age = try age(["-d", "-i", key, try write(altered, "flipped-\(position).age")])
            XCTAssertNotEqual(age.status, 0, "byte \(position)")
            XCTAssertThrowsError(try AgeDecryptor.decrypt(altered, with: .identities([identity])), "byte \(position)")
        }
    }

    /// Our scrypt file (age's default work factor 18) opens with `age -d`, and age's `-p` file
    /// opens with our decryptor; the passphrase is typed into a private tmux server's pane.
    func testPassphraseInteroperability() throws {
        let passphrase = "interop passphrase \(UUID().uuidString)"
        let plaintext = try SecureRandom.bytes(count: chunk + 17)
        let ours = try write(try AgeEncryptor.encrypt(plaintext, passphrase: SecretBytes(Array(passphrase.utf8))), "ours-scrypt.age")
        let terminal = try AgeTerminal(directory: directory)
        defer { terminal.stop() }
        XCTAssertEqual(try terminal.run(["age", "-d", "-o", path("ours-opened"), ours], answers: [("Enter passphrase", passphrase)]), 0)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path("ours-opened")))), plaintext)

        let input = try write(plaintext, "plain")
        let status = try terminal.run(["age", "-e", "-p", "-o", path("theirs-scrypt.age"), input],
                                      answers: [("Enter passphrase", passphrase), ("Confirm passphrase", passphrase)])
        XCTAssertEqual(status, 0)
        let theirs = Array(try Data(contentsOf: URL(fileURLWithPath: path("theirs-scrypt.age"))))
        XCTAssertEqual(try AgeDecryptor.decrypt(theirs, with: .passphrase(SecretBytes(Array(passphrase.utf8)))), plaintext)
        XCTAssertThrowsError(try AgeDecryptor.decrypt(theirs, with: .passphrase(SecretBytes(Array("wrong".utf8))))) {
            XCTAssertEqual($0 as? AgeError, .noMatch)
        }
    }
}
