import CaseStore
import NIOCore
import NIOSSL
import PostgresNIO

/// Turns PostgresNIO's errors into `CaseStoreError` at the module's edge, by SQLSTATE and error
/// kind only: the server's message text, the statement and its parameters never leave this
/// module (they could hold a user name next to a constraint's name, and they are English).
enum PostgresFailure {
    /// `connected` tells a failure to reach the server (before the connection was made) from a
    /// connection that broke later.
    static func translate(_ error: any Error, location: PostgresLocation, connected: Bool) -> CaseStoreError {
        let broken = CaseStoreError.storageFailure(connected ? .connectionLost : .serverUnreachable)
        switch error {
        case let error as CaseStoreError:
            return error
        case is PostgresDecodingError:
            return .corruptVault
        case let error as PSQLError:
            switch error.code {
            case .server:
                return translate(sqlState: error.serverInfo?[.sqlState] ?? "", location: location, connected: connected)
            case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
                return .storageFailure(.serverCertificate)
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
                return .storageFailure(.serverAuthentication)
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return error.underlying.map(isTLS) == true ? .storageFailure(.serverCertificate) : broken
            default:
                return .storageFailure(.engine)
            }
        case is IOError, is ChannelError:
            return broken
        default:
            return isTLS(error) ? .storageFailure(.serverCertificate) : .storageFailure(.engine)
        }
    }

    private static func translate(sqlState: String, location: PostgresLocation, connected: Bool) -> CaseStoreError {
        switch sqlState {
        case "40001", "40P01", "55P03": .vaultLocked
        case "53100": .storageFailure(.diskFull)
        case "42501": .storageFailure(.serverPermission)
        case "28P01", "28000": .storageFailure(.serverAuthentication)
        case "3D000": .vaultNotFound(location.redacted)
        case "57P01", "57P02", "57P03", "53300":
            .storageFailure(connected ? .connectionLost : .serverUnreachable)
        case _ where sqlState.hasPrefix("08"):
            .storageFailure(connected ? .connectionLost : .serverUnreachable)
        default: .storageFailure(.engine)
        }
    }

    private static func isTLS(_ error: any Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }
}
