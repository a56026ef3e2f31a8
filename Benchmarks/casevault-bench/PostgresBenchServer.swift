import Foundation
import PostgresStorage
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server of `--backends`: the one `--postgres-url` names, or a throwaway cluster
/// of `scripts/postgres-test-cluster` on loopback, stopped by `stop()` (or by the script's watchdog
/// should this process die). It exists to give every benchmark vault a database of its own and to
/// say how durable the server is: next to SQLite's `synchronous=FULL` a server that does not flush
/// its commits would compare nothing, so the throwaway cluster, which the script starts without
/// fsync, is switched to the production settings first. psql runs as the administering role, with
/// its password in psql's environment, never on a command line.
final class PostgresBenchServer {
    private let adminURL: String
    private let adminPassword: String?
    /// The role vaults connect as: the script's application role, or the `--postgres-url` role.
    private let vaultUser: String
    /// Its password.
    let vaultPassword: String?
    private let binDirectory: String
    /// The cluster's directory when this process started it.
    private let clusterDirectory: String?
    private let script: String
    /// Databases made and not dropped yet.
    private var databases: [String] = []

    private init(adminURL: String, adminPassword: String?, vaultUser: String, vaultPassword: String?, binDirectory: String,
                 clusterDirectory: String?, script: String) {
        self.adminURL = adminURL
        self.adminPassword = adminPassword
        self.vaultUser = vaultUser
        self.vaultPassword = vaultPassword
        self.binDirectory = binDirectory
        self.clusterDirectory = clusterDirectory
        self.script = script
    }

    /// The server `url` names (a role that may create databases, its password from the
    /// environment as `PostgresPassword` reads it), or, without `url`, a cluster started in a new
    /// directory of the system's temporary one (the server's user, `nobody` under root, must be
    /// able to reach it, which it cannot in the benchmark's private work directory).
    static func open(url: String?) throws -> PostgresBenchServer {
        let script = try Self.script()
        // A psql that ends before reading its input must not take this process with it.
        signal(SIGPIPE, SIG_IGN)
        if let url {
            let location = try PostgresLocation(url)
            let password = try PostgresPassword.fromEnvironment(ProcessInfo.processInfo.environment)
            let bin = try run(script, ["bindir"]).trimmingCharacters(in: .whitespacesAndNewlines)
            return PostgresBenchServer(adminURL: url, adminPassword: password, vaultUser: location.user, vaultPassword: password,
                                       binDirectory: bin, clusterDirectory: nil, script: script)
        }
        let cluster = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-bench-postgres-\(UUID().uuidString)").path
        try startCluster(script: script, directory: cluster)
        let env = try run("/bin/bash", ["-c", #". "$1" && env -0"#, "bash", cluster + "/env"]).split(separator: "\0")
        var values: [String: String] = [:]
        for pair in env {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        func value(_ name: String) throws -> String {
            guard let text = values["CASEVAULT_TEST_POSTGRES_" + name] else { throw BenchError("the cluster's env file has no \(name)") }
            return text
        }
        func secret(_ name: String) throws -> String {
            try String(contentsOfFile: try value(name), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let server = PostgresBenchServer(adminURL: try value("ADMIN_URL"), adminPassword: try secret("ADMIN_PASSWORD_FILE"),
                                         vaultUser: try value("APP_USER"), vaultPassword: try secret("APP_PASSWORD_FILE"),
                                         binDirectory: try value("BIN"), clusterDirectory: cluster, script: script)
        do {
            try server.makeDurable()
        } catch {
            server.stop(keepDatabases: false)
            throw error
        }
        return server
    }

    /// Runs `postgres-test-cluster start` through the shell rather than `Process`: Foundation's
    /// `Process` learns that its child ended when a socket the child inherits is closed, and the
    /// server and the watchdog the script leaves running would inherit it and hold it open for good.
    /// With this process's id, the watchdog stops the cluster should the benchmark die.
    private static func startCluster(script: String, directory: String) throws {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let log = directory + ".start-errors"
        defer { try? FileManager.default.removeItem(atPath: log) }
        guard system("exec \(quoted(script)) start \(quoted(directory)) \(getpid()) >/dev/null 2>\(quoted(log))") == 0 else {
            throw BenchError("postgres-test-cluster start failed: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
        }
    }

    /// The production settings the test cluster leaves off, applied by a configuration reload.
    private func makeDurable() throws {
        _ = try psql("""
            ALTER SYSTEM SET fsync = on;
            ALTER SYSTEM SET synchronous_commit = on;
            ALTER SYSTEM SET full_page_writes = on;
            SELECT pg_reload_conf();
            """)
        for _ in 0..<50 {
            if try psql("SHOW fsync") == "on" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw BenchError("the cluster did not take fsync = on")
    }

    /// The server's version and the settings that decide what a commit costs.
    func settings() throws -> String {
        try psql("""
            SELECT 'PostgreSQL ' || current_setting('server_version') || ': ' || string_agg(name || '=' || setting
                   || coalesce(unit, ''), ', ' ORDER BY name)
            FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers')
            """)
    }

    /// A new, empty database owned by the vaults' role; returns its location.
    func createDatabase() throws -> (name: String, url: String) {
        let name = "casevault_bench_" + String(format: "%016llx", UInt64.random(in: 0 ... .max))
        _ = try psql("CREATE DATABASE \(name) OWNER \"\(vaultUser.replacingOccurrences(of: "\"", with: "\"\""))\"")
        databases.append(name)
        let admin = try PostgresLocation(adminURL)
        let host = admin.host.contains(":") ? "[\(admin.host)]" : admin.host
        let user = vaultUser.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? vaultUser
        let query = adminURL.split(separator: "?", maxSplits: 1).dropFirst().first.map { "?" + $0 } ?? ""
        return (name, "postgresql://\(user)@\(host):\(admin.port)/\(name)\(query)")
    }

    /// Drops a database made by `createDatabase`, ending the connections still open to it.
    func dropDatabase(_ name: String) throws {
        _ = try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        databases.removeAll { $0 == name }
    }

    /// How many statements the server runs for `body` (each one a round trip): the lines of
    /// `log_statement = all` it writes meanwhile. `prime` runs first, on the connection `body`
    /// uses, so that connection has read the new setting (a backend reloads between commands).
    /// Nil for a server this process did not start (its log is not ours to read).
    func countStatements(prime: () throws -> Void, _ body: () throws -> Void) throws -> Int? {
        guard let clusterDirectory else { return nil }
        let log = clusterDirectory + "/server.log"
        _ = try psql("ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf();")
        defer { _ = try? psql("ALTER SYSTEM RESET log_statement; SELECT pg_reload_conf();") }
        Thread.sleep(forTimeInterval: 0.3)
        try prime()
        let start = Self.fileSize(log)
        try body()
        guard let handle = FileHandle(forReadingAtPath: log) else { throw BenchError("cannot read \(log)") }
        defer { try? handle.close() }
        try handle.seek(toOffset: start)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").filter { $0.contains("LOG:  execute ") || $0.contains("LOG:  statement: ") }.count
    }

    private static func fileSize(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.uint64Value ?? 0
    }

    /// Stops the cluster this process started (which takes its databases with it); on a given
    /// server, drops the databases still left unless `keepDatabases`.
    func stop(keepDatabases: Bool) {
        if let clusterDirectory {
            _ = try? Self.run(script, ["stop", clusterDirectory])
        } else if !keepDatabases {
            for name in databases { try? dropDatabase(name) }
        }
    }

    /// Runs `sql` as the administering role on its maintenance database; the rows, one a line.
    private func psql(_ sql: String) throws -> String {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        if let adminPassword { environment["PGPASSWORD"] = adminPassword }
        environment["PGCONNECT_TIMEOUT"] = "10"
        let output = try Self.run(binDirectory + "/psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "--dbname=\(adminURL)", "--file=-"],
                                  input: sql, environment: environment)
        return output.trimmingCharacters(in: .newlines)
    }

    /// `scripts/postgres-test-cluster`, found from this source file or the working directory.
    private static func script() throws -> String {
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/postgres-test-cluster").path
        for candidate in [fromSource, FileManager.default.currentDirectoryPath + "/scripts/postgres-test-cluster"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw BenchError("scripts/postgres-test-cluster not found; run from the repository or pass --postgres-url")
    }

    /// Runs a program to its end; its standard output, or an error with its standard error.
    private static func run(_ executable: String, _ arguments: [String], input: String? = nil,
                            environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        let errorData = Unchecked(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.value = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let name = URL(fileURLWithPath: executable).lastPathComponent
            throw BenchError("\(name) \(arguments.first ?? "") failed (status \(process.terminationStatus)): "
                             + String(decoding: errorData.value, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
