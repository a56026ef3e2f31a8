import CaseVaultCLI
import Foundation
import XCTest

/// The `casevault` commands end to end, in-process, with the production key-derivation cost.
final class CommandLineTests: XCTestCase {
    func testWorkflowFromInitToBackup() throws {
        let cli = try CLIHarness()
        let none = cli.run(["status", "--vault", cli.vault])
        XCTAssertEqual(none.status, 0)
        XCTAssertTrue(none.out.contains("No vault at"))

        let created = cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")])
        XCTAssertEqual(created.status, 0, created.err)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "sofija", "--role", "supervisor", "--new-passphrase-file", cli.passphraseFile("sofija")]).status, 0)

        let imported = try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")])
        XCTAssertEqual(imported.status, 0, imported.err)
        let codes = imported.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(codes.count, 2)
        XCTAssertTrue(codes.allSatisfy { $0.range(of: "^[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression) != nil })

        let status = cli.run(["status", "--vault", cli.vault, "--format", "json"])
        let statusJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])
        XCTAssertEqual((statusJSON["status"] as? [String: Any])?["openCases"] as? Int, 2)
        XCTAssertEqual((statusJSON["status"] as? [String: Any])?["users"] as? Int, 3)

        let shown = try cli.run(as: "maja", ["case", "show", codes[0].lowercased(), "--format", "json"])
        XCTAssertEqual(shown.status, 0, shown.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        let document = try XCTUnwrap(json["document"] as? [String: Any])
        let survivor = try XCTUnwrap(document["survivor"] as? [String: Any])
        XCTAssertEqual(survivor["name"] as? String, "Радмила Стојковић")
        XCTAssertEqual(survivor["birthDate"] as? String, "1979-04-12")
        XCTAssertEqual((document["incident"] as? [String: Any])?["type"] as? String, "psychological_abuse")
        XCTAssertEqual((document["consent"] as? [String: Any])?["statistics"] as? Bool, true)

        let text = try cli.run(as: "maja", ["case", "show", codes[0]])
        XCTAssertTrue(text.out.contains("Радмила Стојковић"))
        XCTAssertTrue(text.out.contains("Pretio joj je sekirom u dvorištu."))

        let found = try cli.run(as: "maja", ["case", "find", "stojkovic", "--format", "json"])
        XCTAssertEqual(found.status, 0)
        XCTAssertTrue(found.out.contains(codes[0]))
        XCTAssertFalse(found.out.contains(codes[1]))
        XCTAssertTrue(found.err.contains("casevault: hint:"), "a name in argv earns a warning")

        let listed = try cli.run(as: "sofija", ["case", "list", "--format", "json"])
        XCTAssertEqual(listed.status, 0)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [Any])?.count, 2)
        XCTAssertFalse(listed.out.contains("Радмила"))

        let denied = try cli.run(as: "sofija", ["case", "show", codes[0]])
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.err.hasPrefix("casevault: error: "), denied.err)
        XCTAssertFalse(denied.out.contains("Радмила") || denied.err.contains("Радмила"))

        let backup = cli.directory.appendingPathComponent("backup.casevault").path
        let backedUp = try cli.run(as: "ana", ["backup", backup])
        XCTAssertEqual(backedUp.status, 0, backedUp.err)
        XCTAssertTrue(backedUp.out.contains("2 cases"))
        XCTAssertEqual(try cli.run(as: "ana", ["verify-backup", backup]).status, 0)
        XCTAssertEqual(try cli.run(as: "maja", ["backup", backup + "2"]).status, 1, "only administrators back up")
    }

    func testBadDocumentImportsNothingAndDoesNotEchoItsContent() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let result = try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("bad_second_line.jsonl")])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, "casevault: error: document 2: survivor.birthDate: is not a valid date (use YYYY-MM-DD)\n")
        XCTAssertEqual(result.out, "")
        XCTAssertTrue(try cli.run(as: "ana", ["case", "list"]).out.contains("No cases."))
    }

    func testErrorsAreTypedAndClear() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        let again = cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("already exists"))

        let wrong = cli.run(["case", "list", "--vault", cli.vault, "--user", "ana", "--passphrase-file", try cli.passphraseFile("someone")])
        XCTAssertEqual(wrong.err, """
            casevault: error: that passphrase did not open the vault; please check it and try again
            casevault: hint: if you are sure it is right, an administrator can check your account: the stored key may be damaged

            """)
        XCTAssertEqual(wrong.status, 1)

        let unknown = try cli.run(as: "nobody", ["case", "list"])
        XCTAssertEqual(unknown.err, "casevault: error: no user named nobody in this vault\n")

        let badCode = try cli.run(as: "ana", ["case", "show", "not-a-case-code"])
        XCTAssertTrue(badCode.err.contains("is not a case code"))

        let missing = cli.run(["case", "list", "--vault", cli.directory.appendingPathComponent("nope").path, "--user", "ana",
                               "--passphrase-file", try cli.passphraseFile("ana")])
        XCTAssertTrue(missing.err.contains("no vault at"))

        let short = cli.directory.appendingPathComponent("short.pass")
        try Data("short\n".utf8).write(to: short)
        let weak = cli.run(["init", "--vault", cli.vault + "2", "--admin", "ana", "--passphrase-file", short.path])
        XCTAssertEqual(weak.status, 1)
        XCTAssertTrue(weak.err.contains("too short"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.vault + "2"))
    }

    func testPassphraseIsNeverAnArgument() throws {
        let cli = try CLIHarness()
        for arguments in [["init", "--admin", "ana"], ["case", "list", "--user", "ana"], ["user", "add", "x", "--role", "admin"]] {
            let result = cli.run(arguments + ["--vault", cli.vault, "--passphrase", "secret passphrase here"])
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.err.contains("“--passphrase” is not an option"), result.err)
            XCTAssertFalse(result.out.contains("secret passphrase here") || result.err.contains("secret passphrase here"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.vault))
    }

    func testHelpListsEveryCommand() {
        let cli = try? CLIHarness()
        let help = cli?.run(["--help"])
        XCTAssertEqual(help?.status, 0)
        for command in ["init", "status", "user", "case", "backup", "verify-backup"] {
            XCTAssertTrue(help?.out.contains(command) ?? false, command)
        }
    }
}

/// The access-control and audit commands end to end.
final class AccessCommandTests: XCTestCase {
    func testAccountsAuditAndRekeyFromTheCommandLine() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        for (user, role) in [("maja", "caseworker"), ("sofija", "supervisor"), ("ivan", "auditor"), ("vesna", "caseworker")] {
            XCTAssertEqual(try cli.run(as: "ana", ["user", "add", user, "--role", role, "--new-passphrase-file", cli.passphraseFile(user)]).status, 0)
        }
        let code = try XCTUnwrap(try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")]).out
            .split(separator: "\n").first.map(String.init))

        let denied = try cli.run(as: "vesna", ["case", "show", code])
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.err.contains("not assigned to you"), denied.err)
        XCTAssertEqual(try cli.run(as: "sofija", ["case", "assign", code, "--to", "vesna"]).status, 0)
        XCTAssertEqual(try cli.run(as: "vesna", ["case", "show", code]).status, 0)

        let log = try cli.run(as: "sofija", ["case", "access-log", code, "--format", "json"])
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(entries.compactMap { $0["outcome"] as? String }, ["ok", "denied", "ok", "ok"])
        XCTAssertFalse(log.out.contains("Радмила"))

        let checkpoint = cli.directory.appendingPathComponent("checkpoint.txt").path
        XCTAssertEqual(try cli.run(as: "ivan", ["audit", "checkpoint", "--out", checkpoint]).status, 0)
        let verified = try cli.run(as: "ivan", ["audit", "verify", "--checkpoint", checkpoint])
        XCTAssertEqual(verified.status, 0, verified.err)
        XCTAssertTrue(verified.out.contains("intact"))
        let filtered = try cli.run(as: "ivan", ["audit", "log", "--by", "vesna", "--action", "case_read", "--format", "json"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(filtered.out.utf8)) as? [Any])?.count, 2)
        XCTAssertEqual(try cli.run(as: "ivan", ["audit", "log", "--since", "yesterday"]).status, 64, "a bad day is a usage error")

        XCTAssertEqual(try cli.run(as: "ana", ["user", "disable", "vesna"]).status, 0)
        XCTAssertTrue(try cli.run(as: "vesna", ["case", "list"]).err.contains("disabled"))
        let rekey = try cli.run(as: "ana", ["rekey"])
        XCTAssertEqual(rekey.status, 0, rekey.err)
        XCTAssertTrue(rekey.out.contains("Key version 2"))
        XCTAssertEqual(try cli.run(as: "maja", ["case", "list"]).status, 0)
        let users = try cli.run(as: "ana", ["user", "list", "--format", "json"])
        XCTAssertTrue(users.out.contains("\"disabled\" : true"))
        XCTAssertEqual(try cli.run(as: "ivan", ["audit", "verify"]).status, 0)
    }
}
