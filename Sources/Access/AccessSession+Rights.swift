import CaseStore

/// Survivors' rights through the policy: erasure (the assigned caseworker or a supervisor),
/// rectification and partial purge (the assigned caseworker, who holds the case key), the
/// retention rule (an administrator) and retention erasure (a supervisor). Every denial is
/// recorded in the audit trail before it is thrown.
extension AccessSession {
    /// Erases a case for good (crypto-shredding); `reason` is sealed in the audit entry.
    public func eraseCase(_ code: CaseCode, reason: String) throws {
        _ = try requireCase(.caseErase, code, auditAction: .caseErase)
        try vault.eraseCase(code, reason: reason)
    }

    /// Replaces a case's document with a corrected one, recorded as a correction.
    @discardableResult
    public func correctCase(_ code: CaseCode, document: CaseDocument) throws -> Int {
        _ = try requireCase(.caseCorrect, code, auditAction: .caseCorrect)
        return try vault.correctCase(code, document: document)
    }

    /// Purges one field from every version of a case; `reason` is sealed in the audit entry.
    @discardableResult
    public func purgeField(_ code: CaseCode, field: PurgeableField, reason: String) throws -> Int {
        _ = try requireCase(.casePurge, code, auditAction: .casePurge)
        return try vault.purgeField(code, field: field, reason: reason)
    }

    /// The retention rule in force, for an administrator about to change it.
    public func retentionRule() throws -> RetentionRule {
        try require(.retentionManage, auditAction: .retentionRule)
        return try vault.retentionRule()
    }

    /// Sets the retention rule (administrators).
    public func setRetentionRule(_ rule: RetentionRule) throws {
        try require(.retentionManage, auditAction: .retentionRule)
        try vault.setRetentionRule(rule)
    }

    /// The closed cases due for erasure on `today` (default: the current day).
    public func casesDueForRetention(today: String? = nil) throws -> [RetentionDue] {
        try require(.retentionRun, auditAction: .caseList)
        return try vault.casesDueForRetention(today: today ?? vault.currentDay)
    }

    /// Erases cases that are due today under the retention rule, each audited with reason
    /// "retention"; a case not due is refused and nothing is erased.
    public func eraseForRetention(_ codes: [CaseCode]) throws {
        try require(.retentionRun, auditAction: .caseErase)
        try vault.eraseForRetention(codes)
    }
}
