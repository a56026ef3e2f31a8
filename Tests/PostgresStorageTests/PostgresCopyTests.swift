import Foundation
@testable import CaseStore
@testable import PostgresStorage
import XCTest

/// The same rows loaded into PostgreSQL, SQLite and memory read back the same through every
/// method of the protocol: stored rows in the same order, listings in the same order, the same
/// counts of changes, filters, facts and trail. Over 1,000 cases, so streaming crosses pages.
final class PostgresCopyTests: XCTestCase {
    func testTheBackendsAgreeRowForRow() throws {
        let vault = try PostgresTestVault.make()
        defer { vault.drop() }
        let rows = SyntheticVault.rows(cases: PostgresSession.pageSize + 37)
        let postgres = try vault.open(create: true)
        defer { try? postgres.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgcopy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = try SQLiteVaultStorage(path: directory.appendingPathComponent("vault").path, create: true)
        let memory = InMemoryVaultStorage()
        for storage in [postgres, sqlite, memory] as [any VaultStorage] {
            // In two loads, as `vault copy` does, the second continuing the first.
            try storage.load(Array(rows[..<600]))
            try storage.load(Array(rows[600...]))
        }

        let stored = try storedRows(postgres)
        XCTAssertEqual(stored.count, rows.count)
        XCTAssertEqual(stored, try storedRows(sqlite))
        XCTAssertEqual(stored, try storedRows(memory))
        for row in rows { XCTAssertTrue(stored.contains(row)) }

        for other in [sqlite, memory] as [any VaultStorage] {
            try assertSameReads(postgres, other)
        }

        let copy = try PostgresTestVault.make()
        defer { copy.drop() }
        let copied = try copy.open(create: true)
        defer { try? copied.close() }
        try copied.load(stored)
        XCTAssertEqual(try storedRows(copied), stored)
    }

    /// A copy is one transaction: when it fails after some loads, or its connection goes away
    /// (as when `vault copy` is killed), the database holds no row of it, and a new vault or
    /// copy may take the schema it left.
    func testACopyStoppedMidwayLeavesNoRowAndTheDatabaseCanBeUsedAgain() throws {
        struct Stopped: Error {}
        let vault = try PostgresTestVault.make()
        defer { vault.drop() }
        let rows = SyntheticVault.rows(cases: 700)
        let failing = try vault.open(create: true)
        XCTAssertThrowsError(try failing.holdingOneTransaction {
            try failing.load(Array(rows[..<600]))
            throw Stopped()
        }) { XCTAssertTrue($0 is Stopped) }
        try failing.close()
        XCTAssertEqual(try storedRows(vault.open(create: false)).count, 0, "the loads of a failed copy stayed")

        let cut = try vault.open(create: true)
        XCTAssertThrowsError(try cut.holdingOneTransaction {
            try cut.load(Array(rows[..<600]))
            try cut.close()
        }, "a copy whose connection is gone cannot commit")
        let again = try vault.open(create: true)
        defer { try? again.close() }
        XCTAssertEqual(try storedRows(again).count, 0, "the loads of a copy cut off stayed")
        try again.holdingOneTransaction { try again.load(rows) }
        XCTAssertEqual(try storedRows(again).count, rows.count)
        XCTAssertThrowsError(try vault.open(create: true), "a database that holds a vault is not taken for a new one") {
            XCTAssertEqual($0 as? CaseStoreError, .fileExists(vault.location.redacted))
        }
    }

    private func storedRows(_ storage: any VaultStorage) throws -> [StoredRow] {
        var rows: [StoredRow] = []
        try storage.forEachStoredRow { rows.append($0) }
        return rows
    }

    private func assertSameReads(_ postgres: PostgresVaultStorage, _ other: any VaultStorage) throws {
        XCTAssertEqual(try postgres.meta(), try other.meta())
        XCTAssertEqual(try postgres.keySlots(), try other.keySlots())
        XCTAssertEqual(try postgres.keySlot(user: "zorica"), try other.keySlot(user: "zorica"))
        XCTAssertEqual(try postgres.keyGrant(user: "zorica"), try other.keyGrant(user: "zorica"))
        XCTAssertEqual(try postgres.directory(), try other.directory())
        XCTAssertEqual(try postgres.retiredAuditKeys(), try other.retiredAuditKeys())
        XCTAssertEqual(try postgres.intakeDraft(user: "zorica"), try other.intakeDraft(user: "zorica"))
        XCTAssertEqual(try postgres.grammaticalGenders(), try other.grammaticalGenders())
        XCTAssertEqual(try postgres.loginFailures(user: "nobody"), try other.loginFailures(user: "nobody"))
        XCTAssertEqual(try postgres.statisticsPolicy(), try other.statisticsPolicy())
        XCTAssertEqual(try postgres.signedSetting("retention"), try other.signedSetting("retention"))
        XCTAssertEqual(try postgres.exportRequests(), try other.exportRequests())
        XCTAssertEqual(try postgres.counts(), try other.counts())

        let listings = try postgres.listings(codes: nil)
        XCTAssertEqual(listings, try other.listings(codes: nil))
        let chosen = Set(listings.prefix(50).map(\.summary.code))
        XCTAssertEqual(try postgres.listings(codes: chosen).sorted { $0.summary.code < $1.summary.code },
                       try other.listings(codes: chosen).sorted { $0.summary.code < $1.summary.code })
        for code in listings.prefix(20).map(\.summary.code) + ["C5-5", "nope"] {
            XCTAssertEqual(try postgres.caseRow(code: code), try other.caseRow(code: code))
            XCTAssertEqual(try postgres.history(code: code), try other.history(code: code))
            XCTAssertEqual(try postgres.caseRow(code: code) != nil, try other.caseRow(code: code) != nil)
        }

        var live: ([CaseRow], [CaseRow]) = ([], [])
        try postgres.forEachLiveCase { live.0.append($0) }
        try other.forEachLiveCase { live.1.append($0) }
        XCTAssertEqual(live.0, live.1)
        var facts: ([FactsRow], [FactsRow]) = ([], [])
        try postgres.forEachFactsRow { facts.0.append($0) }
        try other.forEachFactsRow { facts.1.append($0) }
        XCTAssertEqual(facts.0, facts.1)
        XCTAssertEqual(try postgres.casesWithoutFactsCount(), try other.casesWithoutFactsCount())

        let shared = try XCTUnwrap(postgres.sharedToken())
        XCTAssertEqual(try postgres.listings(withAllTokens: [shared]).map(\.summary.code), try other.listings(withAllTokens: [shared]).map(\.summary.code))

        XCTAssertEqual(try postgres.auditHead()?.seq, try other.auditHead()?.seq)
        XCTAssertEqual(try postgres.auditHead()?.hash, try other.auditHead()?.hash)
        XCTAssertEqual(try postgres.newestAuditHead(), try other.newestAuditHead())
        XCTAssertEqual(try postgres.auditEntryHash(seq: 7), try other.auditEntryHash(seq: 7))
        var tails: [[Int64]] = [[], []]
        try postgres.forEachAuditEntry(after: 500) { entry, head in tails[0].append(head == nil ? entry.seq : -entry.seq) }
        try other.forEachAuditEntry(after: 500) { entry, head in tails[1].append(head == nil ? entry.seq : -entry.seq) }
        XCTAssertEqual(tails[0], tails[1])
        for filter in [AuditFilter(), AuditFilter(actor: "ana"), AuditFilter(action: "case_create", caseCode: "C1-1"),
                       AuditFilter(since: "2026-03-01T10:10Z", until: "2026-03-01T10:20Z")] {
            XCTAssertEqual(try postgres.auditEntries(filter), try other.auditEntries(filter))
        }
        var trail: ([String], [String]) = ([], [])
        try postgres.forEachAuditEntry { trail.0.append("\($0.seq) \($1?.signer ?? "-")") }
        try other.forEachAuditEntry { trail.1.append("\($0.seq) \($1?.signer ?? "-")") }
        XCTAssertEqual(trail.0, trail.1)
    }
}

private extension PostgresVaultStorage {
    /// A name token several cases share.
    func sharedToken() throws -> [UInt8]? {
        try session.query("SELECT token FROM name_index GROUP BY token HAVING count(*) > 1 LIMIT 1").firstRow?.bytes(0)
    }
}
