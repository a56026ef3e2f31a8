import CaseStore

/// Errors of the Access layer; the CLI translates them.
public enum AccessError: Error, Equatable, Sendable {
    /// The policy denied `action`; the denial was recorded in the audit trail.
    case denied(AccessAction, DenyReason)
    /// The survivor did not consent to sharing with this referral service; recorded in the audit trail.
    case noConsentToShare(ReferralService)
    /// A new passphrase breaks the passphrase rule.
    case weakPassphrase(PassphraseProblem)
    /// `close` of a case that is already closed: nothing was changed (its closure stays as it was).
    case alreadyClosed(code: String)
    /// `reopen` of a case that is open: nothing was changed.
    case notClosed(code: String)
    /// A release with differential-privacy noise would spend more than this month's budget
    /// left (in units of ε/10000); recorded in the audit trail, nothing released.
    case privacyBudgetExceeded(left: Int)
    /// A `consent` change that changes nothing: the case already has this consent.
    case consentUnchanged(code: String)
    /// The export needs a supervisor's approval: request `id` was recorded (and the refusal
    /// audited); the same export succeeds once it is approved.
    case exportApprovalRequested(id: String)
    /// The export's request `id` still waits for a supervisor; the refusal was audited.
    case exportAwaitingApproval(id: String)
    /// A referral export names no service.
    case referralServiceNeeded
}

/// Why a passphrase was refused.
public enum PassphraseProblem: String, Sendable, Equatable {
    /// Fewer than 12 characters and fewer than 4 words.
    case tooShort = "too_short"
    /// On the list of common passphrases.
    case common
    /// Not valid UTF-8 text.
    case notText = "not_text"
}
