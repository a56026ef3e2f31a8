import CaseStore
import Foundation
import GRDB
import TestSupport
import VaultCrypto
import XCTest

/// SECURITY.md claim: a slot holds only its role's keys, so a supervisor's passphrase together
/// with the vault file cannot decrypt any case. Checked by decoding the slot straight from the
/// file as docs/vault-format.md describes, without going through CaseStore's own code.
final class KeySlotTests: XCTestCase {
    struct Slot {
        let user: String
        let role: String
        let logN: Int
        let r: Int
        let p: Int
        let salt: [UInt8]
        let keyVersion: Int
        let sealed: [UInt8]
    }

    func readSlot(_ raw: RawVault, user: String) throws -> Slot {
        try raw.queue.read { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM key_slots WHERE user_name = ?", arguments: [user]))
            return Slot(user: row["user_name"], role: row["role"], logN: row["kdf_log_n"], r: row["kdf_r"], p: row["kdf_p"],
                        salt: Array(row["salt"] as Data), keyVersion: row["key_version"], sealed: Array(row["sealed_keys"] as Data))
        }
    }

    func associatedData(_ parts: [String]) -> [UInt8] {
        var bytes = Array("casevault/v1".utf8)
        for part in parts { bytes.append(0); bytes += Array(part.utf8) }
        return bytes
    }

    /// Opens a slot by hand and returns its keys by purpose name.
    func openSlot(_ slot: Slot, passphrase: String, vaultID: [UInt8]) throws -> [String: [UInt8]] {
        let kek = try Scrypt.deriveKey(passphrase: TemporaryVault.secret(passphrase), salt: slot.salt,
                                       parameters: ScryptParameters(logN: UInt8(slot.logN), r: UInt32(slot.r), p: UInt32(slot.p)), length: 32)
        let hexID = vaultID.map { String(format: "%02x", $0) }.joined()
        let payload = try SealedValue.open(slot.sealed, key: kek,
                                           associatedData: associatedData(["key_slots.sealed_keys", hexID, slot.user, slot.role, "k\(slot.keyVersion)"]))
        var keys: [String: [UInt8]] = [:]
        var index = 0
        while index < payload.count {
            let nameLength = Int(payload[index])
            let name = String(decoding: payload[(index + 1)..<(index + 1 + nameLength)], as: UTF8.self)
            let keyLength = Int(payload[index + 1 + nameLength])
            let start = index + 2 + nameLength
            keys[name] = Array(payload[start..<(start + keyLength)])
            index = start + keyLength
        }
        return keys
    }

    func testEachRoleSlotHoldsOnlyItsKeys() throws {
        let vault = try TemporaryVault()
        for role in Role.allCases where role != .admin { _ = try vault.user("\(role.rawValue)1", role) }
        let raw = try RawVault(vault.path)
        let vaultID = Array(try raw.blob("SELECT vault_id FROM vault_meta"))
        let directoryKey = Array(try raw.blob("SELECT public_key FROM user_directory"))
        let expected: [String: Set<String>] = [
            "admin": ["root", "audit", "statistics", "signing", "directory", "exchange"],
            "caseworker1": ["case-wrapping", "blind-index.survivor-name", "statistics", "audit", "exchange"],
            "supervisor1": ["statistics", "audit", "exchange"],
            "auditor1": ["audit", "signing", "exchange"],
        ]
        for (user, purposes) in expected {
            let passphrase = user == "admin" ? TemporaryVault.adminPassphrase : "\(user) passphrase"
            var keys = try openSlot(readSlot(raw, user: user), passphrase: passphrase, vaultID: vaultID)
            // Every slot pins, inside what it seals, the vault it belongs to and the directory key.
            XCTAssertEqual(keys.removeValue(forKey: "trust.vault-id"), vaultID, user)
            XCTAssertEqual(keys.removeValue(forKey: "trust.directory"), directoryKey, user)
            XCTAssertEqual(Set(keys.keys), purposes, user)
            XCTAssertTrue(keys.values.allSatisfy { $0.count == 32 })
        }
    }

    func testSupervisorPassphraseAndFileCannotDecryptACase() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let supervisor = try vault.user("sofija", .supervisor)
        let codes = try worker.createCases([sampleDocument("Prva"), sampleDocument("Druga")])

        // Through the API: the supervisor's ring lacks the keys.
        XCTAssertThrows(.keyNotInSlot(.caseWrapping)) { _ = try supervisor.readCase(codes[0]) }
        XCTAssertThrows(.keyNotInSlot(.nameIndex)) { _ = try supervisor.findCases(name: "Prva") }
        XCTAssertEqual(try supervisor.listCases().count, 2, "codes and status stay visible")

        // Through the file: every key in the supervisor's slot, and every HKDF subkey one could
        // derive from them, fails to unwrap any case key.
        let raw = try RawVault(vault.path)
        let vaultID = Array(try raw.blob("SELECT vault_id FROM vault_meta"))
        let keys = try openSlot(readSlot(raw, user: "sofija"), passphrase: "sofija passphrase", vaultID: vaultID)
        var candidates = keys.values.map { SecretBytes($0) }
        for key in keys.values {
            for label in ["case-wrapping", "root", "blind-index.survivor-name"] {
                candidates.append(try HKDFSHA256.deriveKey(inputKey: SecretBytes(key), salt: vaultID,
                                                           info: Array("casevault v1 key \(label)".utf8), length: 32))
            }
        }
        let hexID = vaultID.map { String(format: "%02x", $0) }.joined()
        for code in codes {
            let wrapped = Array(try raw.blob("SELECT wrapped_key FROM cases WHERE code = ?", [code.rawValue]))
            let aad = associatedData(["cases.wrapped_key", hexID, code.rawValue, "k1"])
            for key in candidates {
                XCTAssertThrowsError(try SealedValue.open(wrapped, key: key, associatedData: aad))
            }
        }

        // The same procedure with the caseworker's slot does open them, so the check is real.
        let workerKeys = try openSlot(readSlot(raw, user: "vesna"), passphrase: "vesna passphrase", vaultID: vaultID)
        let wrapped = Array(try raw.blob("SELECT wrapped_key FROM cases WHERE code = ?", [codes[0].rawValue]))
        XCTAssertNoThrow(try SealedValue.open(wrapped, key: SecretBytes(XCTUnwrap(workerKeys["case-wrapping"])),
                                              associatedData: associatedData(["cases.wrapped_key", hexID, codes[0].rawValue, "k1"])))
    }

    func testSlotRecordsItsScryptParameters() throws {
        let vault = try TemporaryVault()
        let slot = try readSlot(RawVault(vault.path), user: "admin")
        XCTAssertEqual([slot.logN, slot.r, slot.p], [10, 8, 1])
        XCTAssertEqual(slot.salt.count, 16)
        XCTAssertEqual(ScryptParameters.interactive, ScryptParameters(logN: 17, r: 8, p: 1))
    }

    /// In a fresh process (exec makes it dumpable again; the test process was hardened long ago
    /// by earlier unlocks), one unlock must clear PR_DUMPABLE and set RLIMIT_CORE to 0/0.
    func testUnlockDisablesCoreDumps() throws {
        let vault = try TemporaryVault()
        let writer = CrashRecoveryTests.writerURL
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: writer.path), "casevault-crash-writer not built at \(writer.path)")
        let passphraseFile = vault.directory.appendingPathComponent("passphrase")
        try Data(TemporaryVault.adminPassphrase.utf8).write(to: passphraseFile)
        let child = try ChildProcess.run(executable: writer.path, arguments: ["hardening", vault.path, "admin", passphraseFile.path],
                                         environment: ProcessInfo.processInfo.environment, timeout: 60)
        XCTAssertEqual(child.wait(), .exited(0), child.errorText)
        let lines = child.outputText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, child.outputText)
        XCTAssertTrue(lines.first?.hasPrefix("before dumpable=1 ") ?? false, "a fresh process starts dumpable: \(child.outputText)")
        XCTAssertEqual(lines.last, "after dumpable=0 core=0/0", "unlock leaves core dumps possible: \(child.outputText)")

        _ = try vault.reopen().unlock(user: "admin", passphrase: TemporaryVault.secret(TemporaryVault.adminPassphrase))
        XCTAssertFalse(ProcessHardening.isDumpable)
        var limit = rlimit()
        XCTAssertEqual(getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit), 0)
        XCTAssertEqual([limit.rlim_cur, limit.rlim_max], [0, 0], "RLIMIT_CORE after unlock")
    }
}
