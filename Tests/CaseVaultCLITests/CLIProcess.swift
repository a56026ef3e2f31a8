import Foundation
import TestSupport
import XCTest

/// Runs the built `casevault` binary as a separate process, with stdin, environment and
/// arguments under the test's control, as a script or a support worker's terminal would.
struct CLIProcess {
    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// The binary beside the test bundle (`.build/<config>/casevault`).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casevault")
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], timeout: TimeInterval = 120) throws
        -> Result {
        let child = try ChildProcess.run(
            executable: binary.path, arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path].merging(environment) { $1 },
            input: Data(stdin.utf8), timeout: timeout)
        XCTAssertNotEqual(child.wait(), .timedOut, "casevault \(arguments.first ?? "") did not end within \(Int(timeout)) s")
        return Result(status: child.status, out: child.outputText, err: child.errorText)
    }
}
