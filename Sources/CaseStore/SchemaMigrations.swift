import GRDB

/// Applies the numbered SQL files of `Migrations/` (embedded in the binary at build time), each
/// in its own transaction and recorded in GRDB's migrations table; refuses a vault that has
/// migrations this build does not know (written by a newer CaseVault).
enum SchemaMigrations {
    static var identifiers: [String] {
        EmbeddedMigrations.files.map { String($0.name.dropLast(".sql".count)) }
    }

    /// Brings `db` up to date. An existing file must already be a CaseVault vault: a foreign
    /// SQLite database is refused untouched.
    static func migrate(_ writer: some DatabaseWriter, isNew: Bool) throws {
        var migrator = DatabaseMigrator()
        for file in EmbeddedMigrations.files {
            migrator.registerMigration(String(file.name.dropLast(".sql".count))) { db in
                try db.execute(sql: file.text)
            }
        }
        try writer.read { db in
            if !isNew, try !db.tableExists("grdb_migrations") { throw CaseStoreError.corruptVault }
            let unknown = try migrator.appliedIdentifiers(db).subtracting(identifiers)
            if !unknown.isEmpty {
                throw CaseStoreError.unsupportedVaultVersion(found: identifiers.count + unknown.count, supported: identifiers.count)
            }
        }
        try migrator.migrate(writer)
    }
}
