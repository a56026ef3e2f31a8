import Foundation
import TestSupport
import XCTest

/// A support worker's and a supervisor's working day in `casevault shell`, scripted on stdin,
/// checking each answer; and that no survivor data reached argv, the environment or any file
/// outside the vault while they worked.
final class WorkingDayTests: XCTestCase {
    func testCaseworkerAndSupervisorDayLeavesNoSurvivorDataOutsideTheVault() throws {
        let cli = try CLIHarness()
        let home = cli.directory.appendingPathComponent("home")
        let work = cli.directory.appendingPathComponent("work")
        let temp = cli.directory.appendingPathComponent("tmp")
        for folder in [home, work, temp] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        for (user, role) in [("maja", "caseworker"), ("vesna", "caseworker"), ("sofija", "supervisor")] {
            XCTAssertEqual(try cli.run(as: "ana", ["user", "add", user, "--role", role, "--new-passphrase-file", cli.passphraseFile(user)]).status, 0)
        }
        let codes = try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")]).out
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(codes.count, 2)
        let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLIHarness.fixture("intake_en.json")))) as? [String: Any])
        let intakeAnswers = try XCTUnwrap(fixture["answers"] as? [[String]]).map { $0[1] }
        let started = Date()
        let environment = ["HOME": home.path, "TMPDIR": temp.path, "LANG": "C"]

        let caseworkerDay = [
            "cases",
            "case show \(codes[0])",
            "note \(codes[0])", "Called her; she is staying with her sister in Brus.", ".",
            "followup \(codes[0]) --due 2026-12-01",
            "refer \(codes[0]) --service legal --to 'Pravni centar Kruševac'",
            "plan \(codes[0])", "Weekly calls; accompany her to the legal aid appointment.", ".",
            "intake",
        ] + intakeAnswers + ["yes", "cases", "close \(codes[1]) --reason needs_met", "exit"]
        let day = try ShellRun(arguments: ["shell", "--vault", cli.vault, "--user", "maja", "--passphrase-file", cli.passphraseFile("maja")],
                               environment: environment, directory: work)
        try day.send(caseworkerDay)
        let survivorStrings = ["Радмила", "Стојковић", "Stojković", "Stojkovic", "Pretio", "sekirom", "M. K.", "chat group", "Called her", "legal aid appointment"]
        try day.assertNotInArgvOrEnvironment(survivorStrings)
        let result = try day.finish()
        XCTAssertEqual(result.status, 0, result.err)

        let out = result.out
        XCTAssertTrue(out.contains(codes[0]) && out.contains(codes[1]), "cases lists both")
        XCTAssertTrue(out.contains("Радмила Стојковић"), "case show shows the survivor")
        XCTAssertTrue(out.contains("Note added to \(codes[0])"), out)
        XCTAssertTrue(out.contains("Follow-up"), out)
        XCTAssertTrue(result.err.contains("did not consent to sharing"), "a referral without consent is refused")
        XCTAssertTrue(out.contains("Plan saved") || out.contains("plan"), out)
        let newCode = try XCTUnwrap(out.range(of: "(?m)^[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression).map { String(out[$0]) })
        XCTAssertFalse(codes.contains(newCode), "the intake printed a new code")
        XCTAssertTrue(out.contains("closed"), out)

        let supervisorDay = ["case list", "case show \(codes[0])", "case assign \(codes[0]) --to vesna", "case access-log \(codes[0])", "exit"]
        let review = try ShellRun(arguments: ["shell", "--vault", cli.vault, "--user", "sofija", "--passphrase-file", cli.passphraseFile("sofija")],
                                  environment: environment, directory: work)
        try review.send(supervisorDay)
        let supervisor = try review.finish()
        XCTAssertEqual(supervisor.status, 0, supervisor.err)
        XCTAssertTrue(supervisor.out.contains(newCode))
        XCTAssertTrue(supervisor.err.contains("not allowed"), "a supervisor cannot show a case")
        XCTAssertFalse(supervisor.out.contains("Радмила"), "nor see a name anywhere")
        XCTAssertTrue(supervisor.out.contains("assigned to vesna"))
        XCTAssertTrue(supervisor.out.contains("case viewed") && supervisor.out.contains("note added"), supervisor.out)

        // No file written outside the vault's own directory holds survivor data.
        var foldersScanned = 0
        for folder in [home, work, temp, URL(fileURLWithPath: NSTemporaryDirectory())] {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey]) else { continue }
            foldersScanned += 1
            for case let url as URL in files {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
                guard values?.isRegularFile == true, let modified = values?.contentModificationDate, modified >= started,
                      url.deletingLastPathComponent().path != cli.directory.path,
                      let data = try? Data(contentsOf: url), data.count < 50_000_000 else { continue }
                for needle in survivorStrings {
                    XCTAssertNil(data.range(of: Data(needle.utf8)), "\(url.path) holds survivor data")
                }
            }
        }
        XCTAssertEqual(foldersScanned, 4)
    }
}

/// A `casevault` process fed line by line, whose argv and environment can be inspected while it runs.
final class ShellRun {
    private let child: ChildProcess

    init(arguments: [String], environment: [String: String], directory: URL) throws {
        child = try ChildProcess(executable: CLIProcess.binary.path, arguments: arguments,
                                 environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 },
                                 directory: directory.path, input: .pipe, timeout: 300)
    }

    func send(_ lines: [String]) throws {
        try child.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Checks the running process's command line and environment (and those of every process
    /// on the machine) for the strings.
    func assertNotInArgvOrEnvironment(_ needles: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int($0) != nil } ?? []
        XCTAssertFalse(processes.isEmpty, file: file, line: line)
        for pid in processes {
            for part in ["cmdline", "environ"] {
                guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/\(part)") else { continue }
                for needle in needles {
                    XCTAssertNil(data.range(of: Data(needle.utf8)), "process \(pid) has survivor data in its \(part)", file: file, line: line)
                }
            }
        }
    }

    func finish() throws -> CLIProcess.Result {
        child.closeInput()
        XCTAssertNotEqual(child.wait(), .timedOut, "the shell did not end within 300 s")
        return CLIProcess.Result(status: child.status, out: child.outputText, err: child.errorText)
    }
}
