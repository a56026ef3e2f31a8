/// The four roles of design.md. A role decides which keys a user's slot holds, so part of each
/// role's limits is cryptographic (see SECURITY.md); the rest is the Access layer's policy.
public enum Role: String, Codable, CaseIterable, Sendable {
    case caseworker
    case supervisor
    case admin
    case auditor

    /// The vault keys sealed into a slot of this role (every slot also holds its own exchange key).
    public var vaultKeys: Set<KeyPurpose> {
        switch self {
        case .admin: [.root, .audit, .statistics, .signing, .directory]
        case .caseworker: [.caseWrapping, .nameIndex, .statistics, .audit]
        case .supervisor: [.statistics, .audit]
        case .auditor: [.audit, .signing]
        }
    }

    /// Everything a slot of this role holds.
    var slotKeys: Set<KeyPurpose> { vaultKeys.union([.exchange]) }

    /// What a slot of this role held before the signed directory (format 1): no directory key.
    var formatOneSlotKeys: Set<KeyPurpose> { slotKeys.subtracting([.directory]) }
}
