/// One stored row of any table, exactly as kept (ciphertext and the allowed plaintext columns):
/// what `vault copy` reads from one backend and loads into another, and what it compares to
/// prove the copy whole. Derived values (a case's count of changes in the trail) are not rows.
public enum StoredRow: Sendable, Equatable {
    case meta(VaultMetaRow)
    case keySlot(KeySlotRow)
    case keyGrant(KeyGrantRow)
    case directory(DirectoryRow)
    case retiredAuditKey(RetiredAuditKeyRow)
    case intakeDraft(user: String, updatedDay: String, sealed: [UInt8])
    case grammaticalGender(user: String, GrammaticalGender)
    case loginFailure(user: String, LoginFailureRow)
    /// A case (live or an erased tombstone) with its earlier versions, name index and facts.
    case storedCase(StoredCase)
    case statisticsPolicy(StatisticsPolicyRow)
    case signedSetting(name: String, SignedSettingRow)
    case exportRequest(ExportRequestRow, used: Bool)
    case auditEntry(AuditEntryRow)
    case auditHead(AuditHeadRow)
}

/// A case row with everything stored under it.
public struct StoredCase: Sendable, Equatable {
    /// The row; its `committedRevision` is derived from the trail and is always 0 here.
    public var row: CaseRow
    public var history: [HistoryRow]
    /// The blind name-index tokens, sorted.
    public var nameTokens: [[UInt8]]
    /// The sealed statistics facts and the version they were made for, if any.
    public var facts: (version: Int, sealed: [UInt8])?

    public init(row: CaseRow, history: [HistoryRow], nameTokens: [[UInt8]], facts: (version: Int, sealed: [UInt8])?) {
        var row = row
        row.committedRevision = 0
        self.row = row
        self.history = history
        self.nameTokens = Array(Set(nameTokens)).sorted { $0.lexicographicallyPrecedes($1) }
        self.facts = facts
    }

    public static func == (lhs: StoredCase, rhs: StoredCase) -> Bool {
        lhs.row == rhs.row && lhs.history == rhs.history && lhs.nameTokens == rhs.nameTokens
            && lhs.facts?.version == rhs.facts?.version && lhs.facts?.sealed == rhs.facts?.sealed
    }
}
