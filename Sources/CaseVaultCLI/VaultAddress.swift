import CaseStore
import Foundation
import PostgresStorage
import VaultCrypto

/// Where a vault lives, as typed after `--vault` or in `CASEVAULT_VAULT`: a local file (the
/// embedded default) or a database on a PostgreSQL server (`postgresql://user@host/db`), whose
/// password comes from `CASEVAULT_DB_PASSWORD` or `CASEVAULT_DB_PASSWORD_FILE`, never argv.
enum VaultAddress {
    case file(String)
    case server(PostgresLocation)

    init(_ text: String) throws {
        self = PostgresLocation.isPostgresURL(text) ? .server(try PostgresLocation(text)) : .file(text)
    }

    /// What the user is shown: the path, or the server location without any secret.
    var display: String {
        switch self {
        case .file(let path): path
        case .server(let location): location.redacted
        }
    }

    /// The kind recorded in the audit trail of a copy to here (never the location itself).
    var kind: String {
        switch self {
        case .file: "file"
        case .server: "postgresql"
        }
    }

    /// Opens the vault kept here.
    func open() throws -> Vault {
        switch self {
        case .file(let path): try Vault(path: path)
        case .server(let location): try Vault(storage: serverStorage(location, create: false))
        }
    }

    /// A store that holds no vault yet, for a copy: an empty database made ready (its schema
    /// created) for one, or a new file under a temporary name beside the one asked for.
    func emptyStore() throws -> CopyDestination {
        switch self {
        case .file(let path):
            let made = try VaultFile.createPartial(for: path)
            return CopyDestination(storage: made.storage, file: (made.partialPath, path))
        case .server(let location):
            return CopyDestination(storage: try serverStorage(location, create: true), file: nil)
        }
    }

    /// Creates a new vault here with its first administrator.
    func create(admin: String, passphrase: SecretBytes) throws -> UnlockedVault {
        switch self {
        case .file(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return try Vault.create(path: path, admin: admin, passphrase: passphrase)
        case .server(let location):
            return try Vault.create(storage: serverStorage(location, create: true), admin: admin, passphrase: passphrase)
        }
    }

    private func serverStorage(_ location: PostgresLocation, create: Bool) throws -> any VaultStorage {
        try PostgresVaultStorage.open(location, password: PostgresPassword.fromEnvironment(ProcessInfo.processInfo.environment), create: create)
    }
}
