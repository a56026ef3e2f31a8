/// An audit entry before the store gives it a sequence number and hash.
public struct AuditDraft: Sendable, Equatable {
    /// UTC time to the minute, `YYYY-MM-DDTHH:MMZ`.
    public var at: String
    public var actor: String
    public var action: AuditAction
    public var caseCode: String?
    public var outcome: AuditOutcome
    /// Details sealed under the audit key (nil when there are none, or no key, as for a failed login).
    public var payload: [UInt8]?
}

/// One stored audit entry.
public struct AuditEntryRow: Sendable, Equatable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var caseCode: String?
    public var outcome: String
    public var payload: [UInt8]?
    public var hash: [UInt8]

    public init(seq: Int64, at: String, actor: String, action: String, caseCode: String? = nil, outcome: String,
                payload: [UInt8]? = nil, hash: [UInt8]) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.caseCode = caseCode
        self.outcome = outcome
        self.payload = payload
        self.hash = hash
    }
}

/// What an audit entry records. Stable codes: they are stored and filtered on.
public enum AuditAction: String, Sendable, CaseIterable, Codable {
    case login
    case loginFailed = "login_failed"
    case caseCreate = "case_create"
    case intakeDraftSave = "intake_draft_save"
    case profileChange = "profile_change"
    case intakeDraftDiscard = "intake_draft_discard"
    case caseRead = "case_read"
    case caseUpdate = "case_update"
    case caseErase = "case_erase"
    case caseNote = "case_note"
    case caseFollowUp = "case_followup"
    case caseRefer = "case_refer"
    case casePlan = "case_plan"
    case caseClose = "case_close"
    case caseReopen = "case_reopen"
    case caseAssign = "case_assign"
    case caseFind = "case_find"
    case caseList = "case_list"
    case caseAccessLog = "case_access_log"
    case export
    case userAdd = "user_add"
    case userDisable = "user_disable"
    case userEnable = "user_enable"
    case userRole = "user_role"
    case passphraseChange = "passphrase_change"
    case keyGrantApplied = "key_grant_applied"
    case rekey
    case directoryCreate = "directory_create"
    case backup
    /// The whole vault copied to another store (a database server, or back to a file).
    case vaultCopy = "vault_copy"
    case auditRead = "audit_read"
    case auditVerify = "audit_verify"
    case auditCheckpoint = "audit_checkpoint"
    case statistics
    /// Statistics facts computed for cases of a vault made before statistics.
    case statisticsPrepare = "statistics_prepare"
    /// An administrator changed the statistics policy (threshold, privacy budgets).
    case statisticsPolicy = "statistics_policy"
    /// A user asked to export; the request waits for a supervisor.
    case exportRequest = "export_request"
    /// A supervisor approved or denied an export request.
    case exportDecision = "export_decision"
    /// An administrator changed which exports need approval.
    case exportRules = "export_rules"
    /// An administrator added, replaced or removed a partner organisation's key.
    case partnerKey = "partner_key"
    /// A correction of a case (rectification): details name the changed fields, never values.
    case caseCorrect = "case_correct"
    /// One field purged from every version of a case; details hold the field and the reason.
    case casePurge = "case_purge"
    /// An administrator changed the retention rule.
    case retentionRule = "retention_rule"
}

/// How the recorded action ended.
public enum AuditOutcome: String, Sendable, Codable {
    case ok, denied, failed
}

/// Filters for `audit log`; nil fields match everything. Times compare as `YYYY-MM-DD...` text.
public struct AuditFilter: Sendable, Equatable {
    public var actor: String?
    public var action: String?
    public var caseCode: String?
    public var since: String?
    public var until: String?

    public init(actor: String? = nil, action: String? = nil, caseCode: String? = nil, since: String? = nil, until: String? = nil) {
        self.actor = actor
        self.action = action
        self.caseCode = caseCode
        self.since = since
        self.until = until
    }
}
