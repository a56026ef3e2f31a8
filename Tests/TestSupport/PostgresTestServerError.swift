/// Why the PostgreSQL test server or one of its databases could not be used; each says what to do.
public enum PostgresTestServerError: Error, Equatable, CustomStringConvertible {
    /// `CASEVAULT_REQUIRE_POSTGRES` is set and no server is described.
    case required
    /// Some of the server's variables are set, these are not.
    case incomplete(missing: [String])
    /// This variable's value is not usable.
    case invalid(variable: String)
    case unreadablePasswordFile(String)
    /// `scripts/postgres-test-cluster start` failed, saying this.
    case startFailed(errors: String)
    /// psql or pg_dump ended with this status, saying this.
    case commandFailed(program: String, status: Int32, errors: String)

    public var description: String {
        switch self {
        case .required:
            "PostgreSQL test server required (\(PostgresTestServer.Variable.require) is set), but "
                + "\(PostgresTestServer.Variable.adminURL) and the rest are not: run "
                + "`scripts/postgres-test-cluster start DIR` and `source DIR/env` before the tests"
        case .incomplete(let missing):
            "PostgreSQL test server half described: \(missing.joined(separator: ", ")) not set (see scripts/postgres-test-cluster)"
        case .invalid(let variable):
            "PostgreSQL test server: \(variable) is not valid"
        case .unreadablePasswordFile(let file):
            "PostgreSQL test server: cannot read the password file \(file)"
        case .startFailed(let errors):
            "PostgreSQL test server: scripts/postgres-test-cluster start failed: \(errors)"
        case .commandFailed(let program, let status, let errors):
            "PostgreSQL test server: \(program) exited with status \(status): \(errors)"
        }
    }
}
