import VaultCrypto

/// What an administrator decided for statistics: the disclosure-control threshold (never below
/// 3) and each supervisor's differential-privacy budget per calendar month, in ten-thousandths
/// of ε. Stored as one body signed by the administrator, whom the directory must certify, and
/// whose revision must match the number of policy changes in the audit trail: someone who
/// writes to the file can neither lower the threshold nor raise a budget, nor put an older
/// policy back.
public struct StatisticsPolicy: Sendable, Equatable {
    static let label = "casevault/v1/statistics-policy"
    public static let minimumThreshold = 3
    public static let defaultThreshold = 5

    public var threshold: Int
    /// Supervisor name → monthly budget in units of ε/10000; a supervisor without one has none.
    public var monthlyBudgets: [String: Int]
    /// How many times the policy was set (0: never, the defaults).
    public internal(set) var revision: Int

    public init(threshold: Int = StatisticsPolicy.defaultThreshold, monthlyBudgets: [String: Int] = [:]) {
        self.threshold = threshold
        self.monthlyBudgets = monthlyBudgets
        revision = 0
    }

    func body(vaultID: [UInt8], signer: String) -> [UInt8] {
        var bytes = CanonicalBytes(label: Self.label)
        bytes.field(vaultID)
        bytes.number(revision)
        bytes.field(signer)
        bytes.number(threshold)
        bytes.number(monthlyBudgets.count)
        for (user, units) in monthlyBudgets.sorted(by: { $0.key < $1.key }) {
            bytes.field(user)
            bytes.number(units)
        }
        return bytes.bytes
    }

    static func parse(_ body: [UInt8], vaultID: [UInt8], signer: String) -> StatisticsPolicy? {
        guard var reader = CanonicalReader(body, label: label), case let id?? = reader.field(), id == vaultID,
              let revision = reader.number(), reader.text() == signer, let threshold = reader.number(), let count = reader.number(),
              (0...10_000).contains(count) else { return nil }
        var budgets: [String: Int] = [:]
        for _ in 0..<count {
            guard let user = reader.text(), let units = reader.number(), units >= 0 else { return nil }
            budgets[user] = Int(units)
        }
        guard reader.atEnd, threshold >= Int64(minimumThreshold) else { return nil }
        var policy = StatisticsPolicy(threshold: Int(threshold), monthlyBudgets: budgets)
        policy.revision = Int(revision)
        return policy
    }
}

extension UnlockedVault {
    /// The statistics policy in force, verified: signed by an administrator the directory
    /// certifies, for this vault, at the revision the audit trail counts. The defaults when no
    /// administrator ever set one (and the trail records no change).
    public func statisticsPolicy() throws -> StatisticsPolicy {
        let changes = try storage.auditEntries(AuditFilter(action: AuditAction.statisticsPolicy.rawValue)).filter { $0.outcome == AuditOutcome.ok.rawValue }.count
        guard let row = try storage.statisticsPolicy() else {
            guard changes == 0 else { throw CaseStoreError.untrustedSignature(.statisticsPolicy) }
            return StatisticsPolicy()
        }
        let directory = try currentDirectory()
        guard let signer = directory.entry(row.signer), signer.role == .admin, let key = signer.signingPublicKey,
              Ed25519.isValidSignature(row.signature, for: row.body, publicKey: key),
              let policy = StatisticsPolicy.parse(row.body, vaultID: vaultID, signer: row.signer), policy.revision == row.revision,
              policy.revision == changes
        else { throw CaseStoreError.untrustedSignature(.statisticsPolicy) }
        return policy
    }

    /// Signs and stores `policy` as the next revision, with its audit entry (details: the
    /// threshold and the budgets changed, never survivor data).
    public func setStatisticsPolicy(_ policy: StatisticsPolicy) throws {
        guard policy.threshold >= StatisticsPolicy.minimumThreshold, policy.monthlyBudgets.values.allSatisfy({ $0 >= 0 }) else {
            throw CaseStoreError.statisticsThresholdTooLow(policy.threshold)
        }
        var next = policy
        next.revision = try statisticsPolicy().revision + 1
        let body = next.body(vaultID: vaultID, signer: user)
        let row = StatisticsPolicyRow(revision: next.revision, signer: user, body: body, signature: try signingKey.signature(for: body))
        var details = ["threshold": String(next.threshold)]
        for (name, units) in next.monthlyBudgets { details["budget." + name] = String(units) }
        try commit([.putStatisticsPolicy(row), .appendAudit(try auditDraft(.statisticsPolicy, details: details))])
    }
}
