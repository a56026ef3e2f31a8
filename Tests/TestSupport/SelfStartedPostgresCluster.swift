import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The throwaway cluster a test process starts for itself when no server is given (`swift test`
/// on a developer's machine): started at most once, by the first test that asks, with
/// `scripts/postgres-test-cluster`; stopped when the process exits, or by the script's watchdog
/// when the process crashes or is interrupted, so no run leaves a server behind.
enum SelfStartedPostgresCluster {
    /// Its `CASEVAULT_TEST_POSTGRES_*` variables; nil when PostgreSQL is not installed.
    static let environment = Result<[String: String]?, any Error> { try start() }

    private static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("casevault-postgres-\(UUID().uuidString)").path
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres-test-cluster").path

    private static func start() throws -> [String: String]? {
        guard try run(script, ["bindir"]).status == 0 else { return nil }
        let started = try run(script, ["start", directory, String(getpid())])
        guard started.status == 0 else { throw PostgresTestServerError.startFailed(errors: started.errorText) }
        atexit { SelfStartedPostgresCluster.stop() }
        return try exports()
    }

    private static func stop() {
        _ = try? run(script, ["stop", directory])
    }

    /// The variables of the cluster's `env` file, as the shell reads them.
    private static func exports() throws -> [String: String] {
        let shell = try run("/bin/bash", ["-c", #". "$1" && env -0"#, "bash", directory + "/env"])
        let pairs = shell.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { pair in
            guard pair.hasPrefix("CASEVAULT_TEST_POSTGRES_"), let equals = pair.firstIndex(of: "=") else { return nil }
            return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
        })
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        try ChildProcess.run(executable: executable, arguments: arguments,
                             environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: 120)
    }
}
