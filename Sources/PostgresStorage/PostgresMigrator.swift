import CaseStore
import PostgresNIO

/// Applies the numbered files of `Migrations/postgresql/` (embedded at build time), each in its
/// own transaction under the writers' lock and recorded in `casevault_migrations`; refuses a
/// database that has migrations this build does not know (written by a newer CaseVault). DDL is
/// only sent when a migration is missing, so a role without CREATE rights opens an up-to-date
/// vault.
enum PostgresMigrator {
    static var files: [(id: String, text: String)] {
        EmbeddedPostgresMigrations.files.map { (String($0.name.dropLast(".sql".count)), $0.text) }
    }

    /// The tables the migrations create: a new vault needs a database without any of them.
    static var tableNames: [String] {
        files.flatMap { file in
            file.text.matches(of: /CREATE TABLE\s+([a-z_]+)/).map { String($0.1) }
        }
    }

    /// Brings the schema up to date. A new vault (`create`) needs a database without CaseVault
    /// tables, or with tables that hold no row (else `fileExists`); an existing one must have the
    /// migrations table (else `vaultNotFound`).
    static func migrate(_ session: PostgresSession, create: Bool) throws {
        let redacted = session.location.redacted
        let applied = try appliedIdentifiers(session)
        if create {
            guard try applied == nil || holdsNoRows(session) else { throw CaseStoreError.fileExists(redacted) }
            if let applied { try refuseUnknown(applied) }
        } else {
            guard let applied else { throw CaseStoreError.vaultNotFound(redacted) }
            try refuseUnknown(applied)
        }
        for file in files where !(applied ?? []).contains(file.id) {
            try session.transaction {
                try session.lockWriters()
                // Read again under the lock: another process may have migrated meanwhile.
                let appliedNow = try appliedIdentifiers(session)
                if let appliedNow {
                    guard !create || file.id != files.first?.id else { throw CaseStoreError.fileExists(redacted) }
                    try refuseUnknown(appliedNow)
                    guard !appliedNow.contains(file.id) else { return }
                } else {
                    guard create else { throw CaseStoreError.vaultNotFound(redacted) }
                    guard try existingTables(session) == 0 else { throw CaseStoreError.fileExists(redacted) }
                }
                for statement in PostgresScript.statements(file.text) {
                    try session.query(PostgresQuery(unsafeSQL: statement))
                }
                try session.query("INSERT INTO casevault_migrations (id) VALUES (\(file.id))")
            }
        }
    }

    /// The applied migrations, nil when the database has no migrations table.
    private static func appliedIdentifiers(_ session: PostgresSession) throws -> Set<String>? {
        let table = try session.query("SELECT to_regclass('casevault_migrations') IS NOT NULL").firstRow
        guard try table?.value(0, as: Bool.self) == true else { return nil }
        return Set(try session.query("SELECT id FROM casevault_migrations").allRows.map { try $0.value(0, as: String.self) })
    }

    private static func refuseUnknown(_ applied: Set<String>) throws {
        let known = Set(files.map(\.id))
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else {
            throw CaseStoreError.unsupportedVaultVersion(found: known.count + unknown.count, supported: known.count)
        }
    }

    /// Whether no CaseVault table holds a row: the schema that a killed `init` or a copy that
    /// never committed leaves behind. A new vault may take it over; nothing in it is anyone's.
    private static func holdsNoRows(_ session: PostgresSession) throws -> Bool {
        let tables = try session.query("""
            SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ANY(\(tableNames))
            """).allRows.map { try $0.value(0, as: String.self) }
        for table in tables where table != "casevault_migrations" {
            // The names come from the embedded migrations, never from outside.
            let holds = try session.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table))")).firstRow
            if try holds?.value(0, as: Bool.self) != false { return false }
        }
        return true
    }

    private static func existingTables(_ session: PostgresSession) throws -> Int {
        try session.query("""
            SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ANY(\(tableNames))
            """).firstRow?.value(0) ?? 0
    }
}
