import NIOSSL
import PostgresNIO

/// The TLS settings `PostgresSSLMode` stands for, in PostgresNIO's terms: TLS 1.2 or later, and
/// for `verify-full` the server's certificate checked against the system's trust roots (or the
/// `sslrootcert` file, read now so a missing file fails at once) and against the host name or
/// address the location names.
enum PostgresTLS {
    static func configuration(for location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch location.sslMode {
        case .disable:
            return .disable
        case .require:
            tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            if let path = location.rootCertificatePath {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            }
        }
        return .require(try NIOSSLContext(configuration: tls))
    }
}
