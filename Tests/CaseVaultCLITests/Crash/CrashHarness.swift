import CaseStore
import Foundation
import TestSupport
import XCTest

/// Kills `casevault` with SIGKILL at a random moment of a write, then checks the vault: it opens,
/// `PRAGMA integrity_check` (stock sqlite3) says ok, `audit verify` passes, and every write that
/// was acknowledged is there whole. Each operation's kill moment is drawn from its own measured
/// duration, so most signals land while the command works.
final class CrashHarness {
    let scene: CrashScene
    private let server: PostgresTestServer
    var ledger = CrashLedger()
    private(set) var outcomes: [CrashOperation: [CrashOutcome]] = [:]
    private var duration: [CrashOperation: TimeInterval] = [:]
    private var generator = SystemRandomNumberGenerator()
    private var databases: [PostgresTestDatabase] = []
    private let answers: String
    private let recipient: String
    private let identity: String

    init(server: PostgresTestServer) throws {
        self.server = server
        let database = try server.makeDatabase()
        databases.append(database)
        scene = try CrashScene(database: database)
        answers = scene.path("answers.json")
        identity = scene.path("age-identity.txt")
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLIHarness.fixture("intake_en.json"))))
        let pairs = try XCTUnwrap((fixture as? [String: Any])?["answers"] as? [[String]])
        try JSONSerialization.data(withJSONObject: Dictionary(pairs.map { ($0[0], $0[1]) }) { $1 }).write(to: URL(fileURLWithPath: answers))
        let keygen = try ExternalTool.run("age-keygen", ["-o", identity])
        recipient = try XCTUnwrap(keygen.errorText.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        try expectSuccess(scene.run("ana", ["export", "rules", "--no-approval"]), "export rules")
        try expectSuccess(scene.run("ana", ["retention", "rule", "--closed-years", "1"]), "retention rule")
        let documents = (0..<40).map { CaseDocument(survivor: .init(name: "Crash Harness \($0)"), consent: .init(statistics: true)) }
        for code in try scene.unlock("vesna").createCases(documents) { ledger.notes[code.rawValue] = [] }
    }

    deinit { databases.forEach { try? $0.dropDatabase() } }

    /// One run of `operation`, disturbed as `disturbance` says.
    func run(_ operation: CrashOperation, number: Int, _ disturbance: Disturbance) throws {
        let plan = try prepare(operation, number: number)
        var extra: [String: String] = [:]
        if case .fault(let variables) = disturbance { extra = variables }
        let started = Date()
        let child = try scene.start(operation.user, plan.arguments, stdin: plan.stdin, extra: extra)
        if case .kill = disturbance {
            let window = duration[operation] ?? 0.5
            usleep(UInt32(Double.random(in: 0...window, using: &generator) * 1_000_000))
            child.send(signal: SIGKILL)
        }
        let ended = child.wait()
        let what = "run \(number) \(operation.rawValue)"
        switch (ended, disturbance) {
        case (.signalled(SIGKILL), .kill):
            outcomes[operation, default: []].append(.killed)
            plan.killed(&ledger)
        case (.exited(0), _):
            if case .none = disturbance { duration[operation] = Date().timeIntervalSince(started) }
            outcomes[operation, default: []].append(.acknowledged)
            try plan.acknowledged(child.outputText, &ledger)
        case (.exited(1), .fault):
            outcomes[operation, default: []].append(.refused)
            expectClearRefusal(child.errorText, what)
            plan.refused()
        default:
            XCTFail("\(what): \(ended): \(child.errorText)")
        }
        try check(after: what)
    }

    /// A refusal in the user's words: the program's own error line, no engine or system text.
    private func expectClearRefusal(_ text: String, _ what: String) {
        XCTAssertTrue(text.contains("casevault: error: "), "\(what): \(text)")
        for raw in ["SQLite", "sqlite", "Error Domain", "errno", "Fatal error", "POSIX", "GRDB"] {
            XCTAssertFalse(text.contains(raw), "\(what) shows \(raw): \(text)")
        }
    }

    /// A command to run and what its acknowledgement or its death means for the ledger.
    private struct Plan {
        var arguments: [String]
        var stdin: String?
        var acknowledged: (String, inout CrashLedger) throws -> Void
        var killed: (inout CrashLedger) -> Void
        /// Checks that a refused command left nothing outside the vault either.
        var refused: () -> Void = {}
    }

    private func prepare(_ operation: CrashOperation, number: Int) throws -> Plan {
        switch operation {
        case .intake:
            return Plan(arguments: ["intake", "--lang", "en", "--answers", answers], stdin: nil,
                        acknowledged: { out, ledger in ledger.notes[out.trimmingCharacters(in: .whitespacesAndNewlines)] = [] },
                        killed: { $0.killedIntakes += 1 })
        case .note:
            let code = try pick()
            // A long text of several lines: it must come back whole or not at all.
            let text = (0..<40).map { "crash note \(number) line \($0) with words enough to fill a page" }.joined(separator: "\n")
            return Plan(arguments: ["note", code], stdin: text + "\n.\n",
                        acknowledged: { _, ledger in ledger.notes[code, default: []].append(text) },
                        killed: { $0.killedNote = (code, text) })
        case .rekey:
            return Plan(arguments: ["rekey"], stdin: nil, acknowledged: { _, ledger in ledger.keyVersion += 1 },
                        killed: { $0.killedRekeys += 1 })
        case .backup:
            let out = scene.path("backup-\(number).casevault")
            return Plan(arguments: ["backup", out], stdin: nil, acknowledged: { [self] _, _ in
                try expectSuccess(scene.run("ana", ["verify-backup", out]), "verify-backup of an acknowledged backup")
            }, killed: { [self] _ in checkLeftover(out, ["verify-backup", out], user: "ana") },
                        refused: { XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused backup left \(out)") })
        case .export:
            let code = try pick(), out = scene.path("export-\(number).age")
            return Plan(arguments: ["export", code, "--profile", "survivor", "--reason", "crash harness", "--recipient", recipient, "--out", out],
                        stdin: nil, acknowledged: { [self] _, _ in
                try expectSuccess(scene.run("vesna", ["verify-export", out]), "verify-export of an acknowledged export")
                XCTAssertEqual(try ExternalTool.run("age", ["-d", "-i", identity, out]).status, 0, "age opens the acknowledged export \(number)")
            }, killed: { [self] _ in checkLeftover(out, ["verify-export", out], user: "vesna") },
                        refused: { XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused export left \(out)") })
        case .erase:
            let code = try pick()
            return Plan(arguments: ["case", "erase", code, "--reason", "crash harness", "--confirm", code], stdin: nil,
                        acknowledged: { _, ledger in
                ledger.notes[code] = nil
                ledger.erased.insert(code)
            }, killed: { $0.maybeErased.insert(code) })
        case .retention:
            for code in try scene.makeCasesDue(2) {
                ledger.notes[code] = []
                ledger.due.insert(code)
            }
            let due = try scene.unlock("sanja").casesDueForRetention(today: ISODay.format(Date())).map(\.code)
            XCTAssertEqual(Set(due), ledger.due, "the cases due are the ones made due")
            return Plan(arguments: ["retention", "run", "--confirm", "\(due.count)"], stdin: nil, acknowledged: { _, ledger in
                for code in due {
                    ledger.notes[code] = nil
                    ledger.due.remove(code)
                    ledger.erased.insert(code)
                }
            }, killed: { $0.maybeErased.formUnion(due) })
        case .copyToFile:
            let out = scene.path("copy-\(number).casevault")
            return Plan(arguments: ["vault", "copy", "--to", out], stdin: nil, acknowledged: { [self] _, _ in
                try expectSuccess(scene.run("aida", ["audit", "verify"], vault: out), "audit verify of an acknowledged copy")
            }, killed: { [self] _ in checkLeftover(out, ["audit", "verify"], user: "aida", vault: out, mustPass: true) },
                        refused: { XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused copy left \(out)") })
        case .copyToPostgres:
            let database = try server.makeDatabase()
            databases.append(database)
            return Plan(arguments: ["vault", "copy", "--to", database.url], stdin: nil, acknowledged: { [self] _, _ in
                try expectSuccess(scene.run("aida", ["audit", "verify"], vault: database.url), "audit verify of an acknowledged copy")
            }, killed: { [self] _ in checkKilledCopy(database) })
        }
    }

    /// A random open case to work on.
    private func pick() throws -> String {
        try XCTUnwrap(ledger.workable.randomElement(using: &generator), "no open case left to work on")
    }

    private func expectSuccess(_ result: CLIProcess.Result, _ what: String) throws {
        XCTAssertEqual(result.status, 0, "\(what): \(result.err)")
    }

    /// A file a killed command may have left: if it is there, checking it ends in a verdict (0 or
    /// 1 with a message), never a crash; `mustPass` when only a whole file may appear there.
    private func checkLeftover(_ path: String, _ arguments: [String], user: String, vault: String? = nil, mustPass: Bool = false) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let checked = try scene.run(user, arguments, vault: vault)
            XCTAssertTrue(checked.status == 0 || (!mustPass && checked.status == 1 && !checked.err.isEmpty),
                          "\(arguments[0]) of a killed command's file: \(checked.status) \(checked.err)")
        } catch {
            XCTFail("\(arguments[0]) of a killed command's file: \(error)")
        }
    }

    /// A copy killed midway leaves a database that holds the whole vault or none of it: it
    /// verifies, or a new copy into it succeeds.
    private func checkKilledCopy(_ database: PostgresTestDatabase) {
        do {
            if try scene.run("aida", ["audit", "verify"], vault: database.url).status == 0 { return }
            let again = try scene.run("ana", ["vault", "copy", "--to", database.url])
            XCTAssertEqual(again.status, 0, "a new copy into the database a killed copy left: \(again.err)")
        } catch {
            XCTFail("after a killed copy: \(error)")
        }
    }
}
