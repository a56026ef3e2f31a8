@testable import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import XCTest

/// SECURITY.md claim: a connection cut while a write is on its way leaves all of it or none of
/// it, and the writer is told the connection broke.
final class PostgresConnectionLossTests: XCTestCase {
    /// The writer's session and what its write gave, handed to the writing thread and read
    /// after it signalled.
    final class Outcome: @unchecked Sendable {
        let writer: UnlockedVault
        var codes: [CaseCode] = []
        var error: (any Error)?
        init(writer: UnlockedVault) { self.writer = writer }
    }

    func testACutConnectionLeavesTheWholeBatchOrNothing() throws {
        let vault = try ServerVault(self)
        let documents = (0..<150).map { serverDocument("Batch Person \($0)") }
        var cut = 0
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let before = try vault.newConnection().counts().openCases
            let outcome = Outcome(writer: try vault.login("maja"))
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                do { outcome.codes = try outcome.writer.createCases(documents) } catch { outcome.error = error }
                done.signal()
            }
            Thread.sleep(forTimeInterval: delay)
            _ = try vault.database.psql("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE usename = 'casevault_app' AND datname = current_database() AND pid <> pg_backend_pid()
                """)
            done.wait()
            let checker = try vault.login("ana")
            let after = try checker.status().openCases
            if let error = outcome.error {
                cut += 1
                XCTAssertEqual(error as? CaseStoreError, .storageFailure(.connectionLost), "delay \(delay)")
                XCTAssertEqual(after, before, "nothing of a cut batch (delay \(delay))")
            } else {
                XCTAssertEqual(after, before + documents.count, "all of a finished batch (delay \(delay))")
            }
            XCTAssertNil(try checker.verifyAuditTrail().firstBad, "delay \(delay)")
        }
        XCTAssertGreaterThan(cut, 0, "no write was cut: the test proved nothing")
    }
}
