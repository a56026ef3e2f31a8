import VaultCrypto

/// Retention: closed cases erased a set number of years after closing, under a rule an
/// administrator signs. Selecting and erasing the cases needs no case key (a supervisor runs it).
extension UnlockedVault {
    /// The retention rule in force, verified: signed by an administrator the directory
    /// certifies, for this vault, at the revision the audit trail counts. No rule when no
    /// administrator ever set one (and the trail records no change).
    public func retentionRule() throws -> RetentionRule {
        var (rule, revision) = try signedSetting(RetentionRule.self, record: .retentionRule)
        rule.revision = revision
        return rule
    }

    /// Signs and stores `rule` as the next revision, with its `retention_rule` audit entry.
    public func setRetentionRule(_ rule: RetentionRule) throws {
        if let years = rule.closedCaseYears, !RetentionRule.allowedYears.contains(years) {
            throw CaseStoreError.invalidRetentionRule(years)
        }
        try setSignedSetting(rule, record: .retentionRule, details: ["closed_case_years": rule.closedCaseYears.map(String.init) ?? "none"])
    }

    /// The closed cases whose closing day plus the rule's years is on or before `today`
    /// (`YYYY-MM-DD`), by code. A case's status comes from its verified signed state; its
    /// closing day from the time of its latest `case_close` entry in the audit trail, which is
    /// verified first (hash chain and signed heads): a tamper error rather than a date a writer
    /// moved. A closed case without such an entry is never due. Nothing is recorded.
    public func casesDueForRetention(today: String) throws -> [RetentionDue] {
        let rule = try retentionRule()
        guard rule.closedCaseYears != nil else { return [] }
        let closed = try listCases().filter { $0.status == .closed }
        guard !closed.isEmpty else { return [] }
        guard try vault.verifyAuditTrail(checkpoint: nil, paper: nil, directory: currentDirectory()).firstBad == nil else {
            throw CaseStoreError.untrustedSignature(.auditTrail)
        }
        var closedDays: [String: String] = [:]
        for entry in try storage.auditEntries(AuditFilter(action: AuditAction.caseClose.rawValue))
        where entry.outcome == AuditOutcome.ok.rawValue {
            if let code = entry.caseCode { closedDays[code] = String(entry.at.prefix(10)) }
        }
        return closed.compactMap { summary in
            guard let day = closedDays[summary.code], let due = rule.dueDay(closedOn: day), due <= today else { return nil }
            return RetentionDue(code: summary.code, closedDay: day, dueDay: due)
        }.sorted { $0.code < $1.code }
    }

    /// Erases `codes`, each of which must be due today (`notDueForRetention` otherwise, and
    /// nothing is erased), in one transaction, each audited as `case_erase` with reason
    /// "retention".
    public func eraseForRetention(_ codes: [CaseCode]) throws {
        let requested = Array(Set(codes.map(\.rawValue))).sorted()
        guard !requested.isEmpty else { return }
        let due = Set(try casesDueForRetention(today: vault.options.today).map(\.code))
        if let early = requested.first(where: { !due.contains($0) }) { throw CaseStoreError.notDueForRetention(early) }
        var mutations: [StorageMutation] = []
        for code in requested {
            // The erasure is for the closed case the rule made due; reopened or changed since, it fails.
            guard let caseCode = CaseCode(code), case let row = try liveRow(caseCode), row.status == .closed else {
                throw CaseStoreError.notDueForRetention(code)
            }
            mutations.append(.eraseCase(code: code, updatedDay: vault.options.today, replacing: row.state?.revision ?? 0))
            mutations.append(.appendAudit(try auditDraft(.caseErase, caseCode: code, details: ["reason": Self.retentionReason])))
        }
        try commit(mutations)
    }

    /// The erasure reason recorded for a retention erasure.
    public static let retentionReason = "retention"
}
