import CaseStore
import PostgresNIO

/// Cases as stored: rows, earlier versions, listings, the blind name index and the statistics
/// rows, with each case's count of state changes in the trail read beside it.
extension PostgresVaultStorage {
    static let caseColumns = """
        code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, document,
        state_revision, state_signer, state_document_hash, state_signature
        """

    /// The audit entries that changed the case of the row. The list is the one the partial index
    /// `audit_log_case_changes_0008` names (written out as literals, as the planner needs to use
    /// that index); the action names are this program's own constants, never input.
    static let caseChanges: String = {
        let actions = AuditAction.caseStateChanges.map(\.rawValue)
        precondition(actions.allSatisfy { $0.allSatisfy { $0 == "_" || ("a"..."z").contains($0) } })
        return "FROM audit_log WHERE case_code = cases.code AND outcome = 'ok' AND action IN ("
            + actions.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }()

    static let committedRevisionColumn = "(SELECT count(*) \(caseChanges))"

    /// The sequence number of a case's newest change, so that listings put the most recently
    /// changed case first (a day alone cannot order one day's changes).
    static let lastChangeColumn = "(SELECT max(seq) \(caseChanges))"

    /// The stored columns, the count of changes, then the id (column 14).
    static let readCaseColumns = caseColumns + ", " + committedRevisionColumn + ", id"

    static func caseRow(_ row: PostgresRandomAccessRow) throws -> CaseRow {
        CaseRow(code: try row.value(0), status: try row.raw(1, as: CaseStatus.self), assignee: try row.value(2),
                createdDay: try row.value(3), updatedDay: try row.value(4), keyVersion: try row.value(5),
                wrappedKey: try row.optionalBytes(6), version: try row.value(7), document: try row.optionalBytes(8),
                state: try row.state(from: 9), committedRevision: try row.value(13))
    }

    public func caseRow(code: String) throws -> CaseRow? {
        try session.query("SELECT \(unescaped: Self.readCaseColumns) FROM cases WHERE code = \(code)").firstRow.map(Self.caseRow)
    }

    public func history(code: String) throws -> [HistoryRow] {
        try session.query("""
            SELECT h.version, h.document FROM case_history h JOIN cases c ON c.id = h.case_id
            WHERE c.code = \(code) ORDER BY h.version
            """).allRows.map { HistoryRow(version: try $0.value(0), document: try $0.bytes(1)) }
    }

    /// Most recently changed first: by day, then by the newest change in the trail (cases with
    /// none last, as NULL sorts in SQLite), then by id.
    public func listings(codes: Set<String>?) throws -> [CaseListing] {
        var query: PostgresQuery = "SELECT \(unescaped: Self.listingColumns) FROM cases WHERE status <> 'erased'"
        if let codes {
            query.sql += " AND code = ANY($1)"
            query.binds.append(Array(codes))
        }
        query.sql += " ORDER BY updated_day DESC, \(Self.lastChangeColumn) DESC NULLS LAST, id DESC"
        return try session.query(query).allRows.map(Self.listing)
    }

    /// One query: the name index's matches for every distinct token, with their listing columns.
    public func listings(withAllTokens tokens: [[UInt8]]) throws -> [CaseListing] {
        let distinct = Array(Set(tokens))
        guard !distinct.isEmpty else { return [] }
        return try session.query("""
            SELECT \(unescaped: Self.listingColumns) FROM cases WHERE status <> 'erased' AND id IN (
                SELECT case_id FROM name_index WHERE token = ANY(\(distinct.map(\.bytea))) GROUP BY case_id HAVING count(*) = \(distinct.count))
            ORDER BY code
            """).allRows.map(Self.listing)
    }

    /// The columns of a `CaseListing`, in the order `listing` reads them.
    private static let listingColumns = """
        code, status, assignee, created_day, updated_day, version, state_revision, state_signer,
        state_document_hash, state_signature, \(committedRevisionColumn)
        """

    private static func listing(_ row: PostgresRandomAccessRow) throws -> CaseListing {
        CaseListing(summary: CaseSummary(code: try row.value(0), status: try row.raw(1, as: CaseStatus.self), assignee: try row.value(2),
                                         createdDay: try row.value(3), updatedDay: try row.value(4), version: try row.value(5)),
                    state: try row.state(from: 6), committedRevision: try row.value(10))
    }

    public func forEachLiveCase(_ body: (CaseRow) throws -> Void) throws {
        try session.forEachRow(keyColumn: 14, { after in
            """
            SELECT \(unescaped: Self.readCaseColumns) FROM cases WHERE status <> 'erased' AND id > \(after) ORDER BY id
            LIMIT \(PostgresSession.pageSize)
            """
        }) { try body(try Self.caseRow($0)) }
    }

    public func forEachFactsRow(_ body: (FactsRow) throws -> Void) throws {
        try session.forEachRow(keyColumn: 4, { after in
            """
            SELECT c.code, c.version, f.case_version, f.sealed, c.id FROM cases c
            LEFT JOIN case_facts f ON f.case_id = c.id AND f.case_id > \(after)
            WHERE c.status <> 'erased' AND c.id > \(after) ORDER BY c.id LIMIT \(PostgresSession.pageSize)
            """
        }) {
            try body(FactsRow(code: try $0.value(0), version: try $0.value(1), factsVersion: try $0.value(2), sealed: try $0.optionalBytes(3)))
        }
    }

    public func casesWithoutFactsCount() throws -> Int {
        try session.query("""
            SELECT count(*) FROM cases c
            WHERE c.status <> 'erased' AND NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id)
            """).firstRow?.value(0) ?? 0
    }
}
