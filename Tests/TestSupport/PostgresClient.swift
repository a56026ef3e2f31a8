import Foundation

/// PostgreSQL's own client programs (psql, pg_dump, of the server's version) run against one
/// database as one role: the password goes in the child's environment, never on its command line,
/// and no `PG*` variable of whoever runs the tests reaches the child.
struct PostgresClient: Sendable {
    let binDirectory: String
    let url: String
    let password: String

    /// The rows `sql` returns, unaligned, one a line, without the last newline; stops at the first error.
    func psql(_ sql: String) throws -> String {
        let output = try run("psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "--dbname=\(url)", "--file=-"],
                             input: Data(sql.utf8)).outputText
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    /// The database as plain SQL.
    func pgDump() throws -> Data {
        try run("pg_dump", ["--format=plain", "--dbname=\(url)"]).output
    }

    private func run(_ program: String, _ arguments: [String], input: Data? = nil) throws -> ChildProcess {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["PGPASSWORD"] = password
        environment["PGCONNECT_TIMEOUT"] = "10"
        let child = try ChildProcess.run(executable: "\(binDirectory)/\(program)", arguments: arguments,
                                         environment: environment, input: input, timeout: 120)
        guard child.status == 0 else {
            throw PostgresTestServerError.commandFailed(program: program, status: child.status, errors: child.errorText)
        }
        return child
    }
}
