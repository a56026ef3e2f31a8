import Foundation
import TestSupport
import XCTest

/// A disk that fills up, a write that fails with an I/O error, and a read-only file system,
/// under every kind of write but the copy to a server: the command either finishes (its write
/// acknowledged) or refuses with a clear error and leaves nothing of itself, in the vault or
/// beside it; afterwards the vault passes `integrity_check` and `audit verify` and holds every
/// acknowledged write. The faults come from `Fixtures/fault_injection.c`, preloaded.
final class FaultInjectionTests: XCTestCase {
    /// Bytes a command may write before the disk fails (`CASEVAULT_FAULT_BUDGETS`, comma-separated).
    private var budgets: [Int] {
        ProcessInfo.processInfo.environment["CASEVAULT_FAULT_BUDGETS"].map { $0.split(separator: ",").compactMap { Int($0) } }
            ?? [0, 40_000]
    }

    func testDiskFullIOErrorAndReadOnlyFileSystemLoseNothingAcknowledged() throws {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let library = try Self.compileFaultLibrary()
        defer { try? FileManager.default.removeItem(at: library.deletingLastPathComponent()) }
        let harness = try CrashHarness(server: server)
        let folder = harness.scene.directory.path
        func fault(_ kind: String, after budget: Int = 0) -> Disturbance {
            .fault(["LD_PRELOAD": library.path, "CASEVAULT_FAULT": kind, "CASEVAULT_FAULT_PATH": folder,
                    "CASEVAULT_FAULT_AFTER": "\(budget)"])
        }
        var number = 0
        for operation in CrashOperation.allCases where operation != .copyToPostgres {
            for kind in ["enospc", "eio"] {
                for budget in budgets {
                    try harness.run(operation, number: number, fault(kind, after: budget))
                    number += 1
                }
            }
            try harness.run(operation, number: number, fault("erofs"))
            number += 1
            XCTAssertEqual(harness.outcomes[operation]?.last, .refused, "\(operation.rawValue) wrote on a read-only file system")
            try harness.run(operation, number: number, .none)
            number += 1
            XCTAssertEqual(harness.outcomes[operation]?.last, .acknowledged, "\(operation.rawValue) after the faults")
        }
        let all = harness.outcomes.values.joined()
        print("fault injection: \(number) runs, \(all.filter { $0 == .refused }.count) refused clearly, "
              + "\(all.filter { $0 == .acknowledged }.count) finished; budgets \(budgets)")
    }

    /// Builds the preload library with the system C compiler into a new temporary folder.
    static func compileFaultLibrary() throws -> URL {
        let folder = try ExternalTool.temporaryDirectory()
        let library = folder.appendingPathComponent("libcasevault-fault.so")
        let compiled = try ExternalTool.run("cc", ["-shared", "-fPIC", "-O2", "-o", library.path,
                                                   CLIHarness.fixture("fault_injection.c"), "-ldl"])
        XCTAssertEqual(compiled.status, 0, compiled.errorText)
        return library
    }
}
