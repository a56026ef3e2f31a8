import CaseStore
import Foundation
import PostgresStorage
import VaultCrypto

/// One storage backend `--backends` compares. It exists so that the benchmark drives every
/// backend through the same public CaseStore API (`Vault.create`, `Vault(storage:)`) and differs
/// only in where each vault's store comes from.
protocol BenchBackend: AnyObject {
    /// The column heading.
    var label: String { get }
    /// A new vault in an empty store of its own, unlocked as its first administrator.
    func createVault(admin: String, passphrase: SecretBytes, options: VaultOptions) throws -> BackendVault
}

/// A benchmark vault on one backend, with the ways to reach it again: further handles for
/// concurrent writers, the cost of one trivial read statement, and removing its store.
final class BackendVault {
    let admin: UnlockedVault
    /// Opens the vault through a handle of its own: a new SQLite connection or PostgreSQL
    /// connection; in memory, the same store (it has no other).
    let openHandle: @Sendable () throws -> Vault
    /// Reads the newest audit entry once through the vault's own storage object: one statement.
    let readNewestAuditEntry: () throws -> Void
    /// Deletes the store; the vault is unusable afterwards.
    let remove: () throws -> Void

    init(admin: UnlockedVault, openHandle: @escaping @Sendable () throws -> Vault, readNewestAuditEntry: @escaping () throws -> Void,
         remove: @escaping () throws -> Void) {
        self.admin = admin
        self.openHandle = openHandle
        self.readNewestAuditEntry = readNewestAuditEntry
        self.remove = remove
    }
}

/// The embedded default: a vault file in the work directory (WAL, `synchronous=FULL`).
final class SQLiteBackend: BenchBackend {
    let label = "SQLite"
    private let directory: String
    private var made = 0

    init(directory: String) {
        self.directory = directory
    }

    func createVault(admin: String, passphrase: SecretBytes, options: VaultOptions) throws -> BackendVault {
        made += 1
        let path = directory + "/backend-\(made).casevault"
        let storage = try VaultFile.create(at: path)
        let vault = try Vault.create(storage: storage, admin: admin, passphrase: passphrase, options: options)
        return BackendVault(admin: vault, openHandle: { try Vault(path: path, options: options) },
                            readNewestAuditEntry: { _ = try storage.auditHead() }, remove: { VaultFile.remove(at: path) })
    }
}

/// The server backend: each vault in a fresh database of `PostgresBenchServer`, every handle a
/// connection of its own.
final class PostgresBackend: BenchBackend {
    let label = "PostgreSQL"
    private let server: PostgresBenchServer

    init(server: PostgresBenchServer) {
        self.server = server
    }

    func createVault(admin: String, passphrase: SecretBytes, options: VaultOptions) throws -> BackendVault {
        let database = try server.createDatabase()
        let location = try PostgresLocation(database.url)
        let password = server.vaultPassword
        let storage = try PostgresVaultStorage.open(location, password: password, create: true)
        let vault = try Vault.create(storage: storage, admin: admin, passphrase: passphrase, options: options)
        let server = server
        return BackendVault(admin: vault,
                            openHandle: { try Vault(storage: PostgresVaultStorage.open(location, password: password, create: false),
                                                    options: options) },
                            readNewestAuditEntry: { _ = try storage.auditHead() },
                            remove: { try server.dropDatabase(database.name) })
    }
}

/// `InMemoryVaultStorage`: no SQL and no disk, so on a small vault its column is what CaseStore
/// itself costs (that backend copies its tables on every commit and scans its trail on every
/// case read, which a large vault shows).
final class InMemoryBackend: BenchBackend {
    let label = "in-memory"

    func createVault(admin: String, passphrase: SecretBytes, options: VaultOptions) throws -> BackendVault {
        let storage = InMemoryVaultStorage()
        let vault = try Vault.create(storage: storage, admin: admin, passphrase: passphrase, options: options)
        return BackendVault(admin: vault, openHandle: { try Vault(storage: storage, options: options) },
                            readNewestAuditEntry: { _ = try storage.auditHead() }, remove: {})
    }
}
