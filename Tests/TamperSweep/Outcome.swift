import Access
import CaseStore

/// How one operation on a flipped copy ended, compared with the untouched vault.
enum Outcome: Equatable {
    /// The same result as the reference.
    case same
    /// A typed error (or an audit finding) that says the vault or a record is damaged; `naming`
    /// says what it points at.
    case refused(kind: String, naming: Naming)
    /// The same lines in another order (a listing whose order came from a damaged index).
    case reordered
    /// A different result without an error, or an error that is not a clear refusal.
    case wrong(String)
    /// A difference only in a value the vault format keeps in plaintext and unsigned, listed as a
    /// known gap (docs/reliability.md): a case's creation and update days.
    case knownGap(String)

    /// What a refusal points the user at.
    enum Naming: String {
        /// One record: a case code, a user's slot or entry, an export request, an audit entry.
        case record
        /// One table-sized signed value: the directory, the audit trail, the statistics policy,
        /// the export rules, the partners, the retention rule.
        case table
        /// The vault as a whole (corrupt, unsupported) or a refused login that names nothing.
        case vault
    }

    /// The line form: `same`, `reordered`, `refused:KIND:NAMING`, `KNOWN:DETAIL`, `WRONG:DETAIL`.
    var text: String {
        switch self {
        case .same: "same"
        case .reordered: "reordered"
        case .refused(let kind, let naming): "refused:\(kind):\(naming.rawValue)"
        case .wrong(let detail): "WRONG:\(detail)"
        case .knownGap(let detail): "KNOWN:\(detail)"
        }
    }

    /// Classifies `result` of `operation` against `reference`.
    static func classify(_ operation: String, _ result: SweepOperations.Result, reference: String) -> Outcome {
        switch result {
        case .value(let value):
            if value == reference { return .same }
            if value.split(separator: "\n").sorted() == reference.split(separator: "\n").sorted() { return .reordered }
            // The listing is ordered by the days, so a changed day may also reorder it.
            let lines = { (text: String) in withoutDays(text).split(separator: "\n").sorted() }
            if lines(value) == lines(reference) { return .knownGap("days_only_\(operation)") }
            return .wrong("different_\(operation)")
        case .failed(let error):
            return refusal(error) ?? .wrong("error_\(String(describing: error).prefix(80).replacingOccurrences(of: " ", with: "_"))")
        }
    }

    /// `text` without the plaintext creation and update days of cases, to tell a difference
    /// only in those apart from any other.
    static func withoutDays(_ text: String) -> String {
        text.replacingOccurrences(of: #"(createdDay|updatedDay): "(?:\\.|[^"\\])*""#, with: "$1: -", options: .regularExpression)
    }

    /// The refusal `error` is, or nil when it is no clear tamper refusal.
    static func refusal(_ error: any Error) -> Outcome? {
        if let finding = error as? AuditFinding {
            let naming: Naming = finding.verification.firstBad != nil || !finding.verification.rolledBackCases.isEmpty ? .record : .table
            return .refused(kind: "auditNotIntact", naming: naming)
        }
        guard let error = error as? CaseStoreError else { return nil }
        switch error {
        case .tamperedRecord: return .refused(kind: "tamperedRecord", naming: .record)
        case .caseRolledBack: return .refused(kind: "caseRolledBack", naming: .record)
        case .untrustedSignature(let signed):
            switch signed {
            case .directoryEntry, .keyGrant, .caseState, .exportRequest: return .refused(kind: "untrustedSignature", naming: .record)
            case .directory, .auditTrail, .statisticsPolicy, .exportRules, .partners, .retentionRule:
                return .refused(kind: "untrustedSignature", naming: .table)
            }
        case .corruptVault: return .refused(kind: "corruptVault", naming: .vault)
        case .unsupportedVaultVersion: return .refused(kind: "unsupportedVaultVersion", naming: .vault)
        case .wrongPassphrase: return .refused(kind: "wrongPassphrase", naming: .vault)
        // Refusals that show nothing but do not say the vault is damaged (docs/reliability.md):
        // a damaged user name in a key slot, a header that makes SQLite open the file read-only,
        // damaged statistics facts or their index.
        case .unknownUser: return .refused(kind: "unknownUser", naming: .vault)
        case .storageFailure(.cannotOpenOrWrite): return .refused(kind: "cannotWrite", naming: .vault)
        case .statisticsNotPrepared: return .refused(kind: "statisticsNotPrepared", naming: .vault)
        default: return nil
        }
    }
}
