import CaseStore

/// Who is acting.
public struct Actor: Sendable, Equatable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

/// What an action is about: the vault as a whole, or one case (known by its plaintext summary).
public enum Resource: Sendable, Equatable {
    case vault
    case caseFile(code: String, assignee: String?)
}

/// The policy's answer.
public enum Decision: Sendable, Equatable {
    case allow
    case deny(DenyReason)
}

/// Why an action was denied; stable codes, recorded in the audit trail and translated by the CLI.
public enum DenyReason: String, Sendable, Equatable {
    /// The role may never do this.
    case roleNotPermitted = "role_not_permitted"
    /// The role may do this only on cases assigned to the actor.
    case notAssigned = "not_assigned"
}

/// The access policy of docs/roles.md as one pure function.
public enum Policy {
    /// What a role may do with an action.
    enum Rule: Sendable {
        case allow, deny, assigned
    }

    static func rule(_ role: Role, _ action: AccessAction) -> Rule {
        switch (role, action) {
        case (_, .passphraseChange), (_, .profileChange): .allow
        case (.caseworker, .caseCreate), (.caseworker, .caseList), (.caseworker, .caseFind): .allow
        case (.caseworker, .caseRead), (.caseworker, .caseUpdate), (.caseworker, .caseRefer), (.caseworker, .caseClose),
             (.caseworker, .caseErase), (.caseworker, .exportSurvivor), (.caseworker, .exportReferral), (.caseworker, .caseCorrect),
             (.caseworker, .casePurge): .assigned
        case (.supervisor, .caseErase), (.supervisor, .caseAssign), (.supervisor, .caseList), (.supervisor, .caseAccessLog),
             (.supervisor, .statisticsRun), (.supervisor, .exportApprove), (.supervisor, .exportIncidentRecorder), (.supervisor, .retentionRun): .allow
        case (.admin, .exportRules), (.admin, .partnerManage): .allow
        case (.admin, .caseList), (.admin, .userManage), (.admin, .statisticsPolicy), (.admin, .backup), (.admin, .rekey), (.admin, .auditVerify),
             (.admin, .auditCheckpoint), (.admin, .retentionManage): .allow
        case (.auditor, .caseAccessLog), (.auditor, .auditRead), (.auditor, .auditVerify), (.auditor, .auditCheckpoint): .allow
        default: .deny
        }
    }

    /// Allows or denies `actor` doing `action` on `resource`.
    public static func decide(actor: Actor, action: AccessAction, resource: Resource) -> Decision {
        switch rule(actor.role, action) {
        case .allow:
            return .allow
        case .deny:
            return .deny(.roleNotPermitted)
        case .assigned:
            guard case .caseFile(_, let assignee) = resource, assignee == actor.name else { return .deny(.notAssigned) }
            return .allow
        }
    }
}
