/// How the connection to the database server is protected, named as libpq names it so that a
/// database administrator reads the location as she would any other. Only the three modes that
/// mean one thing each are offered: libpq's `allow` and `prefer` fall back to plain text when an
/// attacker on the network asks them to.
public enum PostgresSSLMode: String, Sendable, Equatable, CaseIterable {
    /// Plain text. The default only for a server on this machine (loopback).
    case disable
    /// TLS without checking the server's certificate: protects against listening, not against
    /// someone who can redirect the connection.
    case require
    /// TLS with the server's certificate checked against the system's trust roots (or the
    /// `sslrootcert` file) and its host name. The default for every server not on this machine.
    case verifyFull = "verify-full"
}
