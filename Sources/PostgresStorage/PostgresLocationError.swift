/// Why a vault location naming a PostgreSQL database, or the password for it, was refused. A
/// front names the problem in the user's language; payloads are parameter names and file paths
/// typed by the user, never a password or any other parameter's value.
public enum PostgresLocationError: Error, Equatable, Sendable {
    /// The location does not start with `postgresql://` or `postgres://`.
    case unsupportedScheme
    /// The location carries a password (`user:password@host`). Passwords never go on the command
    /// line, where other users of the machine can read them: use `CASEVAULT_DB_PASSWORD` or
    /// `CASEVAULT_DB_PASSWORD_FILE`.
    case passwordInURL
    /// No database user before `@`.
    case missingUser
    /// No host name or address.
    case missingHost
    /// No database name after the host.
    case missingDatabase
    /// The port is not a number from 1 to 65535.
    case invalidPort
    /// The location breaks the URL's shape: a bad percent escape, a control character, an
    /// unclosed `[` around an IPv6 address, a `/` or `#` where none may stand.
    case malformed
    /// A query parameter other than `sslmode` and `sslrootcert`; names the parameter.
    case unknownParameter(String)
    /// A query parameter given twice; names the parameter.
    case duplicateParameter(String)
    /// `sslmode` is not `disable`, `require` or `verify-full`; carries the value given.
    case invalidSSLMode(String)
    /// `sslrootcert` without `sslmode=verify-full`: a root certificate that nothing verifies
    /// against would only look like protection.
    case rootCertificateWithoutVerification
    /// Both `CASEVAULT_DB_PASSWORD` and `CASEVAULT_DB_PASSWORD_FILE` are set.
    case conflictingPasswordSources
    /// The password file does not exist, cannot be read or is not UTF-8 text; names the path.
    case passwordFileUnreadable(String)
    /// The password file may be read by its group or by others; names the path.
    case passwordFileExposed(String)
}
