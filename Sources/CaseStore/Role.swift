/// The four roles of design.md. A role decides which keys a user's slot holds, so part of each
/// role's limits is cryptographic (see SECURITY.md).
public enum Role: String, Codable, CaseIterable, Sendable {
    case caseworker
    case supervisor
    case admin
    case auditor

    /// The key purposes sealed into a slot of this role.
    public var keyPurposes: Set<KeyPurpose> {
        switch self {
        case .admin: [.root]
        case .caseworker: [.caseWrapping, .nameIndex, .statistics, .audit]
        case .supervisor: [.statistics, .audit]
        case .auditor: [.audit]
        }
    }
}
