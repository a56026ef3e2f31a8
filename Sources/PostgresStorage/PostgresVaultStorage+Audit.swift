import CaseStore
import PostgresNIO

/// The audit trail and its signed heads, as stored.
extension PostgresVaultStorage {
    static let auditColumns = "seq, at, actor, action, case_code, outcome, payload, hash"

    static func auditRow(_ row: PostgresRandomAccessRow) throws -> AuditEntryRow {
        AuditEntryRow(seq: try row.value(0), at: try row.value(1), actor: try row.value(2), action: try row.value(3),
                      caseCode: try row.value(4), outcome: try row.value(5), payload: try row.optionalBytes(6), hash: try row.bytes(7))
    }

    static let headColumns = "seq, signer, directory_revision, signature"

    static func headRow(_ row: PostgresRandomAccessRow) throws -> AuditHeadRow {
        AuditHeadRow(seq: try row.value(0), signer: try row.value(1), directoryRevision: try row.value(2), signature: try row.bytes(3))
    }

    public func auditHead() throws -> (seq: Int64, hash: [UInt8])? {
        try Self.auditHead(session)
    }

    static func auditHead(_ session: PostgresSession) throws -> (seq: Int64, hash: [UInt8])? {
        try session.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").firstRow.map {
            (seq: try $0.value(0), hash: try $0.bytes(1))
        }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntryRow] {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.auditColumns) FROM audit_log")
        var conditions: [String] = []
        for (column, value) in [("actor =", filter.actor), ("action =", filter.action), ("case_code =", filter.caseCode),
                                ("at >=", filter.since), ("at <", filter.until)] {
            guard let value else { continue }
            query.binds.append(value)
            conditions.append("\(column) $\(query.binds.count)")
        }
        if !conditions.isEmpty { query.sql += " WHERE " + conditions.joined(separator: " AND ") }
        query.sql += " ORDER BY seq"
        return try session.query(query).allRows.map(Self.auditRow)
    }

    public func forEachAuditEntry(after start: Int64, _ body: (AuditEntryRow, AuditHeadRow?) throws -> Void) throws {
        try session.forEachRow(keyColumn: 0, { page in
            let after = max(page, start)
            return
            """
            SELECT a.seq, a.at, a.actor, a.action, a.case_code, a.outcome, a.payload, a.hash, h.signer, h.directory_revision, h.signature
            FROM audit_log a LEFT JOIN audit_heads h ON h.seq = a.seq AND h.seq > \(after)
            WHERE a.seq > \(after) ORDER BY a.seq LIMIT \(PostgresSession.pageSize)
            """
        }) { row in
            let entry = try Self.auditRow(row)
            var head: AuditHeadRow?
            if let signer = try row.value(8, as: String?.self), let signature = try row.optionalBytes(10) {
                head = AuditHeadRow(seq: entry.seq, signer: signer, directoryRevision: try row.value(9), signature: signature)
            }
            try body(entry, head)
        }
    }

    public func auditEntryHash(seq: Int64) throws -> [UInt8]? {
        try session.query("SELECT hash FROM audit_log WHERE seq = \(seq)").firstRow.map { try $0.bytes(0) }
    }

    public func newestAuditHead() throws -> AuditHeadRow? {
        try session.query("SELECT \(unescaped: Self.headColumns) FROM audit_heads ORDER BY seq DESC LIMIT 1").firstRow.map(Self.headRow)
    }
}
