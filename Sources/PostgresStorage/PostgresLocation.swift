import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A vault kept in a PostgreSQL database, as the user names it in place of a vault file:
/// `postgresql://user@host[:port]/dbname[?sslmode=disable|require|verify-full&sslrootcert=/path/ca.pem]`
/// (also `postgres://`). It exists so that a location is checked whole before anything connects:
/// a password in the URL is refused (command lines are visible to other users of the machine; the
/// password comes from `PostgresPassword`), unknown parameters are refused rather than ignored,
/// and TLS with full verification is the default for every server that is not on this machine.
/// Its `description` is the redacted form, so a location interpolated into a message shows no
/// more than `redacted`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The database role, percent-decoded.
    public let user: String
    /// The host name or address (an IPv6 address without its brackets).
    public let host: String
    public let port: Int
    /// The database name, percent-decoded.
    public let database: String
    public let sslMode: PostgresSSLMode
    /// A PEM file of the certificates the server's certificate must chain to, instead of the
    /// system's trust roots (only with `verify-full`).
    public let rootCertificatePath: String?

    public static let defaultPort = 5432

    /// Whether `text` is meant as a PostgreSQL location (by its scheme) rather than a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Parses a location; throws `PostgresLocationError`.
    public init(_ text: String) throws {
        guard let schemeEnd = text.range(of: "://"),
              ["postgresql", "postgres"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
            throw PostgresLocationError.unsupportedScheme
        }
        let rest = text[schemeEnd.upperBound...]
        guard !rest.contains("#") else { throw PostgresLocationError.malformed }
        let beforeQuery = rest.prefix { $0 != "?" }
        let query = rest.dropFirst(beforeQuery.count + 1)
        let authority = beforeQuery.prefix { $0 != "/" }
        let path = beforeQuery.dropFirst(authority.count)

        guard let at = authority.lastIndex(of: "@") else { throw PostgresLocationError.missingUser }
        let userInfo = authority[..<at]
        guard !userInfo.contains(":") else { throw PostgresLocationError.passwordInURL }
        user = try Self.decode(userInfo)
        guard !user.isEmpty else { throw PostgresLocationError.missingUser }
        (host, port) = try Self.hostAndPort(authority[authority.index(after: at)...])

        guard path.hasPrefix("/") else { throw PostgresLocationError.missingDatabase }
        let name = path.dropFirst()
        guard !name.contains("/") else { throw PostgresLocationError.malformed }
        database = try Self.decode(name)
        guard !database.isEmpty else { throw PostgresLocationError.missingDatabase }

        let parameters = try Self.parameters(query)
        if let mode = parameters["sslmode"] {
            guard let parsed = PostgresSSLMode(rawValue: mode) else { throw PostgresLocationError.invalidSSLMode(mode) }
            sslMode = parsed
        } else {
            sslMode = Self.isLoopback(host) ? .disable : .verifyFull
        }
        rootCertificatePath = parameters["sslrootcert"]
        if let rootCertificatePath {
            guard !rootCertificatePath.isEmpty else { throw PostgresLocationError.malformed }
            guard sslMode == .verifyFull else { throw PostgresLocationError.rootCertificateWithoutVerification }
        }
    }

    /// `user@host:port/database`: what messages and logs may show of a location.
    public var redacted: String {
        "\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    public var description: String { redacted }

    /// Whether `host` is this machine: `localhost`, 127.0.0.0/8 or ::1.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) { return octets[0] == "127" }
        var address = in6_addr()
        guard host.contains(":"), inet_pton(AF_INET6, host, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0.elementsEqual([UInt8](repeating: 0, count: 15) + [1]) }
    }

    private static func hostAndPort(_ text: Substring) throws -> (String, Int) {
        let host: Substring
        let portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw PostgresLocationError.malformed }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw PostgresLocationError.malformed }
            portText = after.isEmpty ? nil : after.dropFirst()
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw PostgresLocationError.malformed }
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw PostgresLocationError.malformed }
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
            guard host.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-._".contains($0) }) else {
                throw PostgresLocationError.malformed
            }
        }
        guard !host.isEmpty else { throw PostgresLocationError.missingHost }
        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int(portText), (1...65_535).contains(port) else {
            throw PostgresLocationError.invalidPort
        }
        return (String(host), port)
    }

    private static let knownParameters: Set<String> = ["sslmode", "sslrootcert"]

    private static func parameters(_ query: Substring) throws -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let name = try decode(pair.prefix { $0 != "=" })
            let value = try decode(pair.drop { $0 != "=" }.dropFirst())
            guard knownParameters.contains(name) else { throw PostgresLocationError.unknownParameter(name) }
            guard parameters[name] == nil else { throw PostgresLocationError.duplicateParameter(name) }
            parameters[name] = value
        }
        return parameters
    }

    /// Percent-decodes one component, refusing bad escapes and control characters (which could
    /// disguise what a message shows).
    private static func decode(_ component: Substring) throws -> String {
        guard let decoded = String(component).removingPercentEncoding,
              !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw PostgresLocationError.malformed
        }
        return decoded
    }
}
