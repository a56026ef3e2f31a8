import Foundation
import TestSupport
import XCTest

/// SIGKILL at random moments of every kind of write: intake, note, rekey, backup, export,
/// erasure, a retention run and a copy of the vault to PostgreSQL. After each run the vault
/// opens, passes `integrity_check` and `audit verify`, and holds every acknowledged write whole.
/// CI runs two rounds of the eight; `scripts/crash-harness` runs as many as it is given.
final class CrashHarnessTests: XCTestCase {
    /// Rounds of the eight operations (`CASEVAULT_CRASH_ROUNDS`, default 2).
    private var rounds: Int {
        ProcessInfo.processInfo.environment["CASEVAULT_CRASH_ROUNDS"].flatMap(Int.init) ?? 2
    }

    func testSIGKILLDuringEveryKindOfWriteLosesNothingAcknowledged() throws {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let harness = try CrashHarness(server: server)
        // One undisturbed run of each measures how long it takes, which bounds the kill moments.
        for (number, operation) in CrashOperation.allCases.enumerated() {
            try harness.run(operation, number: number, .none)
        }
        for round in 0..<rounds {
            for (index, operation) in CrashOperation.allCases.enumerated() {
                try harness.run(operation, number: CrashOperation.allCases.count * (round + 1) + index, .kill)
            }
        }
        let killed = harness.outcomes.values.joined().filter { $0 == .killed }.count
        let lines = CrashOperation.allCases.map { operation in
            let outcomes = harness.outcomes[operation] ?? []
            return "\(operation.rawValue): \(outcomes.filter { $0 == .killed }.count) killed, \(outcomes.filter { $0 == .acknowledged }.count) finished"
        }
        print("crash harness: \(killed) SIGKILL runs of \(rounds * CrashOperation.allCases.count); " + lines.joined(separator: "; "))
        XCTAssertGreaterThan(killed, rounds * CrashOperation.allCases.count / 2, "most signals should land while the command runs")
    }
}
