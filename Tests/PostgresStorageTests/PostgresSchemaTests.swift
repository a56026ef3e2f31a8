@testable import CaseStore
@testable import PostgresStorage
import XCTest

/// The PostgreSQL schema file as the backend sends it: split into statements correctly, naming
/// the same case-changing actions as the count that relies on its partial index.
final class PostgresSchemaTests: XCTestCase {
    func testAScriptSplitsOnlyAtSemicolonsOutsideCommentsQuotesAndDollarBodies() {
        let script = """
            -- a comment; not a statement end
            CREATE TABLE a (x text DEFAULT 'a;b');
            /* block; comment */ CREATE TABLE "b;c" (y int);
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'no; never';
            END
            $$;
            DO $body$ BEGIN PERFORM 1; END $body$;
            SELECT 'it''s; fine';
            -- trailing comment
            """
        let statements = PostgresScript.statements(script)
        XCTAssertEqual(statements.count, 5)
        XCTAssertTrue(statements[0].hasSuffix("CREATE TABLE a (x text DEFAULT 'a;b')"))
        XCTAssertEqual(statements[1], "/* block; comment */ CREATE TABLE \"b;c\" (y int)")
        XCTAssertTrue(statements[2].hasPrefix("CREATE FUNCTION f()") && statements[2].hasSuffix("END\n$$"))
        XCTAssertEqual(statements[3], "DO $body$ BEGIN PERFORM 1; END $body$")
        XCTAssertEqual(statements[4], "SELECT 'it''s; fine'")
    }

    func testTheMigrationsAreNumberedAndNameEveryTable() {
        XCTAssertEqual(PostgresMigrator.files.map(\.id), ["0001_schema"])
        XCTAssertEqual(Set(PostgresMigrator.tableNames), [
            "casevault_migrations", "vault_meta", "key_slots", "cases", "case_history", "name_index", "key_grants", "login_failures",
            "audit_log", "intake_drafts", "retired_audit_keys", "user_directory", "audit_heads", "user_profiles", "case_facts",
            "statistics_policy", "signed_settings", "export_requests",
        ])
    }

    /// The tables the SQLite migrations leave are the tables of the PostgreSQL schema (plus its
    /// migrations table, which GRDB keeps as grdb_migrations).
    func testTheSchemaHasTheSQLiteTables() {
        let sqlite = Set(EmbeddedMigrations.files.flatMap { $0.text.matches(of: /CREATE TABLE\s+([a-z_]+)/).map { String($0.1) } })
        XCTAssertEqual(sqlite.union(["casevault_migrations"]), Set(PostgresMigrator.tableNames))
        XCTAssertFalse(EmbeddedMigrations.files.contains { $0.name == "0001_schema.sql" }, "CaseStore embeds only the SQLite schema")
    }

    func testThePartialIndexNamesTheCaseChangingActions() throws {
        let schema = try XCTUnwrap(PostgresMigrator.files.first?.text)
        let index = try XCTUnwrap(schema.firstMatch(of: /audit_log_case_changes_0008[^;]*action IN \(([^)]*)\)/))
        let literals = index.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        XCTAssertEqual(literals.map { $0.trimmingCharacters(in: ["'"]) }, AuditAction.caseStateChanges.map(\.rawValue))
        XCTAssertTrue(PostgresVaultStorage.caseChanges.hasSuffix("action IN (\(literals.joined(separator: ", ")))"))
    }
}
