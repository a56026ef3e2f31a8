import CaseStore
import PostgresNIO

/// The server backend: a vault's rows in a PostgreSQL database, for organisations whose offices
/// share one vault. The server only ever holds what any backend holds, ciphertext and the
/// plaintext columns docs/vault-format.md allows; whoever runs it can deny service but learns no
/// survivor data, and a change made behind CaseVault's back is found by the same checks as in a
/// vault file (sealed rows, signed states and heads, the hash-chained trail). Every value is
/// bound as a parameter. Writers are serialized by a transaction-scoped advisory lock; readers
/// never wait. One connection, used synchronously (`PostgresSession`). The location syntax, TLS
/// modes, schema, locks and error mapping are specified in docs/postgresql.md.
public final class PostgresVaultStorage: VaultStorage {
    let session: PostgresSession

    private init(session: PostgresSession) {
        self.session = session
    }

    /// Connects to the database `location` names and brings its schema up to date. With
    /// `create`, the database must hold no CaseVault tables and a new schema is made in it;
    /// without, it must already hold a vault (else `vaultNotFound`). Errors are `CaseStoreError`s
    /// (an unreachable server, a refused password or certificate are `storageFailure`s).
    public static func open(_ location: PostgresLocation, password: String?, create: Bool) throws -> PostgresVaultStorage {
        let session = try PostgresSession(location: location, password: password)
        do {
            try PostgresMigrator.migrate(session, create: create)
        } catch {
            session.close()
            throw error
        }
        return PostgresVaultStorage(session: session)
    }

    public func close() throws {
        session.close()
    }
}
