/// Everything the policy decides about. The raw values are the action names of docs/roles.md.
public enum AccessAction: String, CaseIterable, Sendable {
    case caseCreate = "case.create"
    case caseRead = "case.read"
    case caseUpdate = "case.update"
    case caseRefer = "case.refer"
    case caseClose = "case.close"
    case caseErase = "case.erase"
    case caseAssign = "case.assign"
    case caseList = "case.list"
    case caseFind = "case.find"
    case caseAccessLog = "case.access_log"
    case statisticsRun = "statistics.run"
    case statisticsPolicy = "statistics.policy"
    case exportApprove = "export.approve"
    case exportSurvivor = "export.survivor"
    case exportReferral = "export.referral"
    case exportIncidentRecorder = "export.incident_recorder"
    case exportRules = "export.rules"
    case partnerManage = "partner.manage"
    case userManage = "user.manage"
    case backup
    case rekey
    case auditRead = "audit.read"
    case auditVerify = "audit.verify"
    case auditCheckpoint = "audit.checkpoint"
    case passphraseChange = "passphrase.change"
    case profileChange = "profile.change"
    /// Rectification: correct a case at the survivor's request.
    case caseCorrect = "case.correct"
    /// Partial erasure: purge one field from every version of a case.
    case casePurge = "case.purge"
    /// Set the retention rule.
    case retentionManage = "retention.manage"
    /// List the closed cases the retention rule makes due, and erase them.
    case retentionRun = "retention.run"
}
