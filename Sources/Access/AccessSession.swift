import CaseStore
import VaultCrypto

/// A logged-in user's session: every operation is first put to `Policy.decide`; a denial is
/// recorded in the audit trail and thrown as `AccessError.denied`. The fronts (one-off commands
/// and the shell) use only this type, never `UnlockedVault` directly.
public final class AccessSession {
    /// The unlocked vault; internal so that nothing outside this layer skips the policy.
    private(set) var vault: UnlockedVault
    /// Who is acting.
    public var actor: Actor { Actor(name: vault.user, role: vault.role) }

    public init(_ vault: UnlockedVault) {
        self.vault = vault
    }

    /// Decides, and on denial records it and throws.
    func require(_ action: AccessAction, on resource: Resource = .vault, auditAction: AuditAction, caseCode: String? = nil) throws {
        if case .deny(let reason) = Policy.decide(actor: actor, action: action, resource: resource) {
            try vault.recordAudit(auditAction, caseCode: caseCode, outcome: .denied, details: ["reason": reason.rawValue, "action": action.rawValue])
            throw AccessError.denied(action, reason)
        }
    }

    /// Decides about one case, looked up by code.
    func requireCase(_ action: AccessAction, _ code: CaseCode, auditAction: AuditAction) throws -> CaseSummary {
        let summary = try vault.summary(code)
        try require(action, on: .caseFile(code: summary.code, assignee: summary.assignee), auditAction: auditAction, caseCode: summary.code)
        return summary
    }

    // MARK: Cases

    public func createCases(_ documents: [CaseDocument], progress: ((Int) -> Void)? = nil) throws -> [CaseCode] {
        try require(.caseCreate, auditAction: .caseCreate)
        return try vault.createCases(documents, progress: progress)
    }

    public func readCase(_ code: CaseCode) throws -> CaseRecord {
        _ = try requireCase(.caseRead, code, auditAction: .caseRead)
        return try vault.readCase(code)
    }

    public func history(_ code: CaseCode) throws -> [CaseVersion] {
        _ = try requireCase(.caseRead, code, auditAction: .caseRead)
        return try vault.history(code)
    }

    @discardableResult
    public func updateCase(_ code: CaseCode, document: CaseDocument) throws -> Int {
        _ = try requireCase(.caseUpdate, code, auditAction: .caseUpdate)
        return try vault.updateCase(code, document: document)
    }

    public func assignCase(_ code: CaseCode, to user: String) throws {
        _ = try requireCase(.caseAssign, code, auditAction: .caseAssign)
        try vault.assignCase(code, to: user)
    }

    /// Case summaries; a caseworker sees only the cases assigned to them.
    public func listCases() throws -> [CaseSummary] {
        try require(.caseList, auditAction: .caseList)
        return try vault.listCases(assignedTo: caseworkerFilter)
    }

    /// Name search; a caseworker finds only the cases assigned to them.
    public func findCases(name: String) throws -> [CaseSummary] {
        try require(.caseFind, auditAction: .caseFind)
        return try vault.findCases(name: name, assignedTo: caseworkerFilter)
    }

    /// Whose cases a listing is limited to: a caseworker's own, anyone else's all.
    private var caseworkerFilter: String? { actor.role == .caseworker ? actor.name : nil }

    /// Who opened or changed a case and when.
    public func accessLog(_ code: CaseCode) throws -> [AuditEntry] {
        _ = try requireCase(.caseAccessLog, code, auditAction: .caseAccessLog)
        return try vault.accessLog(code)
    }

    // MARK: Users and keys

    public func addUser(_ name: String, role: Role, passphrase: SecretBytes) throws {
        try require(.userManage, auditAction: .userAdd)
        try PassphraseRule.check(passphrase)
        try vault.addUser(name, role: role, passphrase: passphrase)
    }

    public func users() throws -> [UserSummary] {
        try require(.userManage, auditAction: .userAdd)
        return try vault.users()
    }

    public func setDisabled(_ name: String, _ disabled: Bool) throws {
        try require(.userManage, auditAction: disabled ? .userDisable : .userEnable)
        try vault.setDisabled(name, disabled)
    }

    public func changeRole(_ name: String, to role: Role) throws {
        try require(.userManage, auditAction: .userRole)
        try vault.changeRole(name, to: role)
    }

    public func changePassphrase(to passphrase: SecretBytes) throws {
        try require(.passphraseChange, auditAction: .passphraseChange)
        try PassphraseRule.check(passphrase)
        try vault.changePassphrase(to: passphrase)
    }

    /// Names this user's own role in `gender` from now on (a display preference).
    public func setGrammaticalGender(_ gender: GrammaticalGender) throws {
        try require(.profileChange, auditAction: .profileChange)
        try vault.setGrammaticalGender(gender)
    }

    /// The gender each user's role is named in, for showing roles.
    public func grammaticalGenders() throws -> [String: GrammaticalGender] {
        try vault.grammaticalGenders()
    }

    public func rekey(passphrase: SecretBytes, progress: ((Int, Int) -> Void)? = nil) throws -> RekeyReport {
        try require(.rekey, auditAction: .rekey)
        let (rekeyed, report) = try vault.rekey(passphrase: passphrase, progress: progress)
        vault = rekeyed
        return report
    }

    // MARK: Backups and audit

    public func backup(to path: String, progress: ((BackupProgress) -> Void)? = nil) throws -> BackupReport {
        try require(.backup, auditAction: .backup)
        try vault.backup(to: path, progress: progress)
        return try vault.verifyBackup(at: path, progress: progress)
    }

    /// Copies the whole vault into `destination` (an empty store: a database on a server, or a
    /// new file) and proves the copy; the same right as a backup (administrators).
    public func copyVault(to destination: any VaultStorage, destinationKind: String,
                          progress: ((VaultCopyProgress) -> Void)? = nil) throws -> VaultCopyReport {
        try require(.backup, auditAction: .vaultCopy)
        return try vault.copyVault(to: destination, destinationKind: destinationKind, progress: progress)
    }

    public func verifyBackup(at path: String, progress: ((BackupProgress) -> Void)? = nil) throws -> BackupReport {
        try require(.backup, auditAction: .backup)
        return try vault.verifyBackup(at: path, progress: progress)
    }

    public func auditLog(_ filter: AuditFilter) throws -> [AuditEntry] {
        try require(.auditRead, auditAction: .auditRead)
        return try vault.auditLog(filter)
    }

    public func verifyAuditTrail(checkpoint: AuditCheckpoint?, paper: AuditPaperCheckpoint? = nil) throws -> AuditVerification {
        try require(.auditVerify, auditAction: .auditVerify)
        return try vault.verifyAuditTrail(checkpoint: checkpoint, paper: paper)
    }

    public func checkpoint() throws -> AuditCheckpoint {
        try require(.auditCheckpoint, auditAction: .auditCheckpoint)
        return try vault.checkpoint()
    }

    /// Non-identifying facts about the vault.
    public func status() throws -> VaultStatus { try vault.status() }
}
