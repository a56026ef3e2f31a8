@testable import CaseVaultCLI
import Foundation
import XCTest

/// `casevault demo` codes are the same every run; `demo --shell` without a terminal.
final class DemoShellTests: XCTestCase {
    func codes(in cli: CLIHarness, vault: String) throws -> [String] {
        let passphrase = cli.directory.appendingPathComponent("demo.pass")
        try Data((DemoUsers.passphrase + "\n").utf8).write(to: passphrase)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passphrase.path)
        let listed = cli.run(["case", "list", "--format", "json", "--vault", vault, "--user", DemoUsers.supervisor,
                              "--passphrase-file", passphrase.path])
        XCTAssertEqual(listed.status, 0, listed.err)
        let summaries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])
        return summaries.compactMap { $0["code"] as? String }.sorted()
    }

    func testTheSameCaseCodesOnEveryRun() throws {
        var runs: [[String]] = []
        for _ in 0..<2 {
            let cli = try CLIHarness()
            let vault = cli.directory.appendingPathComponent("demo.casevault").path
            let made = cli.run(["demo", "--cases", "8", "--vault", vault])
            XCTAssertEqual(made.status, 0, made.err)
            runs.append(try codes(in: cli, vault: vault))
        }
        XCTAssertEqual(runs[0].count, 8)
        XCTAssertEqual(runs[0], runs[1])
    }

    func testShellWithoutATerminalMakesTheVaultThenSaysSoAndReusesItNextTime() throws {
        let cli = try CLIHarness()
        let vault = cli.directory.appendingPathComponent("demo.casevault").path
        let first = cli.run(["demo", "--shell", "--cases", "3", "--vault", vault])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.err.contains("the demo vault is ready, but the shell needs a terminal"), first.err)
        XCTAssertTrue(first.err.contains("casevault shell --vault \(vault) --user demo-maja"), first.err)
        XCTAssertTrue(first.out.contains(DemoUsers.passphrase), "the passphrase is printed with its warning")
        XCTAssertTrue(FileManager.default.fileExists(atPath: vault))
        let codes = try codes(in: cli, vault: vault)

        let second = cli.run(["demo", "--shell", "--vault", vault, "--lang", "sr-Latn"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.out.contains("Koristi se demo trezor"), second.out)
        XCTAssertTrue(second.out.contains(DemoUsers.passphrase))
        XCTAssertTrue(second.err.contains("terminal"), second.err)
        XCTAssertEqual(try self.codes(in: cli, vault: vault), codes, "reused, not made again")

        XCTAssertEqual(cli.run(["demo", "--vault", vault]).status, 1, "without --shell an existing file is still refused")
    }

    func testShellRefusesAVaultThatIsNotADemo() throws {
        let cli = try CLIHarness()
        try cli.makeVault()
        let refused = cli.run(["demo", "--shell", "--vault", cli.vault])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("is not a demo vault"), refused.err)

        // Five users, as many as the demo has, one of them called demo-maja: still not a demo
        // vault, and looking leaves no failed login in its trail.
        for (name, role) in [("demo-maja", "caseworker"), ("b", "caseworker"), ("c", "supervisor"), ("ivan", "auditor")] {
            XCTAssertEqual(try cli.run(as: "ana", ["user", "add", name, "--role", role, "--new-passphrase-file", cli.passphraseFile(name)]).status, 0)
        }
        XCTAssertEqual(cli.run(["demo", "--shell", "--vault", cli.vault]).status, 1)
        let trail = try cli.run(as: "ivan", ["audit", "log", "--format", "json"])
        XCTAssertEqual(trail.status, 0, trail.err)
        XCTAssertFalse(trail.out.contains("login_failed"), trail.out)
    }
}
