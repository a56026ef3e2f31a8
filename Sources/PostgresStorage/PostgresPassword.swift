import Foundation

/// Where the database password comes from: never the command line (which other users of the
/// machine can read), but the environment variable `CASEVAULT_DB_PASSWORD` or the file named by
/// `CASEVAULT_DB_PASSWORD_FILE` (a secret mounted by the service manager, readable by its owner
/// only).
public enum PostgresPassword {
    public static let variable = "CASEVAULT_DB_PASSWORD"
    public static let fileVariable = "CASEVAULT_DB_PASSWORD_FILE"

    /// The password `env` gives, nil when it gives none. A password file is read as UTF-8 with one
    /// trailing line end (`\n` or `\r\n`) removed, and refused when missing, unreadable, or
    /// readable by its group or by others. Throws `PostgresLocationError`.
    public static func fromEnvironment(_ env: [String: String]) throws -> String? {
        switch (env[variable], env[fileVariable]) {
        case (nil, nil):
            return nil
        case (let password?, nil):
            return password
        case (nil, let path?):
            return try read(path)
        case (_?, _?):
            throw PostgresLocationError.conflictingPasswordSources
        }
    }

    private static func read(_ path: String) throws -> String {
        guard let permissions = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int else {
            throw PostgresLocationError.passwordFileUnreadable(path)
        }
        guard permissions & 0o077 == 0 else { throw PostgresLocationError.passwordFileExposed(path) }
        guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
            throw PostgresLocationError.passwordFileUnreadable(path)
        }
        // "\r\n" is one Character: removing the last one removes either kind of line end whole.
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        return text
    }
}
