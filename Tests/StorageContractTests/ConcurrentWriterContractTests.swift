@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// Several writers on one store: their appends make one chain, no write is lost, and a change
/// made on top of an outdated read is refused instead of overwriting the other's.
final class ConcurrentWriterContractTests: XCTestCase {
    /// A value handed to concurrent threads in a test that joins them before reading it.
    final class Shared<Value>: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    func testTwoWritersAppendingAtOnceMakeOneChainAndLoseNothing() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let writers = Shared([try vault.elsewhere("maja"), try vault.elsewhere("maja")])
            let created = Shared([[CaseCode]](repeating: [], count: 2))
            let failures = Shared([String]())
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    for number in 0..<8 {
                        let code = try writers.value[index].createCase(document("Writer\(index) Case\(number)"))
                        try writers.value[index].amendCase(code, action: .caseNote) { $0.incident.narrative = "Noted by writer \(index)" }
                        lock.withLock { created.value[index].append(code) }
                    }
                } catch {
                    lock.withLock { failures.value.append("\(error)") }
                }
            }
            XCTAssertEqual(failures.value, [], backend.name)
            let listed = Set(try vault.worker.listCases().map(\.code))
            XCTAssertEqual(listed, Set(created.value.joined().map(\.rawValue)), backend.name)
            XCTAssertEqual(listed.count, 16, backend.name)
            let verification = try vault.admin.verifyAuditTrail()
            XCTAssertNil(verification.firstBad, backend.name)
            XCTAssertEqual(try vault.admin.auditLog(AuditFilter(action: AuditAction.caseNote.rawValue)).count, 16, backend.name)
        }
    }

    func testAnAmendmentOnTopOfAnOutdatedReadIsRefusedAndOverwritesNothing() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let here = vault.worker
            let there = try vault.elsewhere("maja")
            let code = try here.createCase(document("Ana Anić"))
            XCTAssertThrows(.caseChanged(code.rawValue), backend) {
                try here.amendCase(code, action: .caseNote) { document in
                    // Between her read and her write, the other office saves its change.
                    try there.amendCase(code, action: .caseNote) { $0.incident.narrative = "The other office's note" }
                    document.incident.narrative = "Her note"
                }
            }
            XCTAssertEqual(try here.readCase(code).document.incident.narrative, "The other office's note", backend.name)
            XCTAssertEqual(try here.history(code).map(\.version), [1], backend.name)
            XCTAssertNil(try vault.admin.verifyAuditTrail().firstBad, backend.name)
        }
    }

    func testAStateChangeOnTopOfAnOutdatedReadIsRefused() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            try vault.admin.addUser("sofija", role: .supervisor, passphrase: ContractVault.secret("sofija"))
            let code = try vault.worker.createCase(document("Ana Anić"))
            let stale = try XCTUnwrap(vault.store.storage.caseRow(code: code.rawValue))
            try vault.elsewhere("sofija").assignCase(code, to: "admin")
            let outdated = try vault.worker.nextState(of: stale, status: .closed)
            XCTAssertThrows(.caseChanged(code.rawValue), backend) { try vault.worker.commit([outdated]) }
            XCTAssertEqual(try vault.admin.summary(code).assignee, "admin", backend.name)
            XCTAssertEqual(try vault.admin.summary(code).status, .open, backend.name)
        }
    }

    func testAWriterHoldingKeysOfBeforeARekeyIsToldAndLosesNothingElse() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let worker = vault.worker
            let code = try worker.createCase(document("Ana Anić"))
            _ = try vault.admin.rekey(passphrase: ContractVault.secret("admin"))
            XCTAssertThrows(.keysRotated, backend) { _ = try worker.createCase(document("Mira Mirić")) }
            XCTAssertThrows(.keysRotated, backend) { try worker.amendCase(code, action: .caseNote) { $0.incident.narrative = "late" } }
            let again = try vault.elsewhere("maja")
            _ = try again.createCase(document("Mira Mirić"))
            XCTAssertEqual(try again.readCase(code).document.incident.narrative, "Contract narrative", backend.name)
            XCTAssertEqual(try again.listCases().count, 2, backend.name)
        }
    }
}
