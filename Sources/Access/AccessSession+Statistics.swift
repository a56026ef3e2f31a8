import CaseStore

/// Statistics through the policy: only a supervisor reads facts and releases tables (every
/// other role is refused, and the refusal is audited); only an administrator sets the
/// threshold and budgets; a caseworker changes a survivor's statistics consent on her case.
extension AccessSession {
    /// The statistics policy in force (threshold, budgets), verified.
    public func statisticsPolicy() throws -> StatisticsPolicy {
        try require(.statisticsRun, auditAction: .statistics)
        return try vault.statisticsPolicy()
    }

    /// Streams the facts of every consenting case to `body`, which must not use the session (see
    /// `UnlockedVault.forEachFacts`).
    /// Nothing is released by this: `recordStatisticsRelease` records what is shown.
    public func forEachFacts(_ body: (CaseFacts) throws -> Void) throws {
        try require(.statisticsRun, auditAction: .statistics)
        try vault.forEachFacts(body)
    }

    /// This supervisor's budget for the current month and what she has spent of it, in units of
    /// ε/10000 (budget nil: none was set, so no noisy release is possible).
    public func privacyBudget() throws -> (monthly: Int?, spent: Int) {
        try require(.statisticsRun, auditAction: .statistics)
        return (try vault.statisticsPolicy().monthlyBudgets[actor.name], try vault.privacySpentThisMonth())
    }

    /// Records a release before it is shown: what was asked (`details`: dimensions, filters,
    /// counts hidden; never a count) and the ε it spends. A release that would overspend this
    /// month's budget is refused, recorded as denied, and nothing is spent.
    public func recordStatisticsRelease(details: [String: String], epsilonUnits: Int) throws {
        var details = details
        if epsilonUnits > 0 {
            try requirePrivacyBudget(epsilonUnits, details: details)
            details["epsilon_units"] = String(epsilonUnits)
        }
        try vault.recordAudit(.statistics, outcome: .ok, details: details)
    }

    /// Records a query whose tables disclosure control could not protect: nothing was released.
    public func recordStatisticsNotReleased(details: [String: String]) throws {
        try require(.statisticsRun, auditAction: .statistics)
        try vault.recordAudit(.statistics, outcome: .failed, details: details.merging(["reason": "not_protected"]) { $1 })
    }

    /// Refuses (and records as denied) a noisy release of `units` that this month's budget left
    /// cannot pay for; asked before any fact is read, and again when the release is recorded.
    public func requirePrivacyBudget(_ units: Int, details: [String: String]) throws {
        let (monthly, spent) = try privacyBudget()
        let left = max(0, (monthly ?? 0) - spent)
        guard units <= left else {
            try vault.recordAudit(.statistics, outcome: .denied,
                                  details: details.merging(["reason": "privacy_budget", "epsilon_units": String(units)]) { $1 })
            throw AccessError.privacyBudgetExceeded(left: left)
        }
    }

    /// Sets the statistics policy (administrators).
    public func setStatisticsPolicy(_ policy: StatisticsPolicy) throws {
        try require(.statisticsPolicy, auditAction: .statisticsPolicy)
        try vault.setStatisticsPolicy(policy)
    }

    /// The policy as it stands, for an administrator about to change it.
    public func currentStatisticsPolicy() throws -> StatisticsPolicy {
        try require(.statisticsPolicy, auditAction: .statisticsPolicy)
        return try vault.statisticsPolicy()
    }

    /// Computes the facts of cases that have none yet (a vault made before statistics), for a
    /// user whose keys can (a caseworker or an administrator); 0 when nothing is waiting.
    @discardableResult
    public func prepareStatistics(progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        guard actor.role == .caseworker || actor.role == .admin else { return 0 }
        return try vault.computeMissingFacts(progress: progress)
    }

    /// How many cases wait for their facts (0 for a role that cannot compute them).
    public func statisticsWaiting() throws -> Int {
        guard actor.role == .caseworker || actor.role == .admin else { return 0 }
        return try vault.factsToCompute()
    }

    /// Gives or withdraws the survivor's consent to anonymous statistics: a new version of the
    /// case whose facts are written (or withdrawn) in the same transaction.
    public func setStatisticsConsent(_ code: CaseCode, _ consent: Bool) throws {
        _ = try requireCase(.caseUpdate, code, auditAction: .caseUpdate)
        guard try vault.readCase(code, recordAccess: false).document.consent.statistics != consent else {
            throw AccessError.consentUnchanged(code: code.rawValue)
        }
        try vault.amendCase(code, action: .caseUpdate, details: ["consent.statistics": consent ? "yes" : "no"]) { document in
            document.consent.statistics = consent
        }
    }

    /// Gives consent to share with the services in `give` and withdraws it for those in
    /// `withdraw`: a new version of the case; from then on a referral export to a withdrawn
    /// service is refused.
    public func setSharingConsent(_ code: CaseCode, give: Set<ReferralService>, withdraw: Set<ReferralService>) throws {
        _ = try requireCase(.caseUpdate, code, auditAction: .caseUpdate)
        let current = Set(try vault.readCase(code, recordAccess: false).document.consent.sharing ?? [])
        let next = current.union(give).subtracting(withdraw)
        guard next != current else { throw AccessError.consentUnchanged(code: code.rawValue) }
        let ordered = ReferralService.allCases.filter(next.contains)
        try vault.amendCase(code, action: .caseUpdate, details: ["consent.sharing": ordered.map(\.rawValue).joined(separator: ",")]) { document in
            document.consent.sharing = ordered
        }
    }
}
