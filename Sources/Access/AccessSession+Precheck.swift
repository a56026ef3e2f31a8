import CaseStore

/// Work a front is about to ask the user for: asked of the policy before the user types
/// anything (a note, a plan, a name to find, a new user's passphrase), so that nobody types a
/// whole note only to hear she may not add it.
public enum PlannedWork: Sendable, Equatable {
    case note(CaseCode)
    case plan(CaseCode)
    case findByName
    case createCases
    case manageUsers

    /// The policy action and the audit action the operation itself uses.
    var actions: (AccessAction, AuditAction) {
        switch self {
        case .note: (.caseUpdate, .caseNote)
        case .plan: (.caseUpdate, .casePlan)
        case .findByName: (.caseFind, .caseFind)
        case .createCases: (.caseCreate, .caseCreate)
        case .manageUsers: (.userManage, .userAdd)
        }
    }
}

extension AccessSession {
    /// "May I?": decides `work` as the operation will, without doing it. A denial is recorded
    /// and thrown exactly as the operation would record and throw it; an allowance changes
    /// nothing. The operation decides again when it runs.
    public func precheck(_ work: PlannedWork) throws {
        let (action, auditAction) = work.actions
        switch work {
        case .note(let code), .plan(let code):
            _ = try requireCase(action, code, auditAction: auditAction)
        case .findByName, .createCases, .manageUsers:
            try require(action, auditAction: auditAction)
        }
    }
}
