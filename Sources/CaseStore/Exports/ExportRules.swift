/// Which export profiles need a supervisor's approval before the file is written. By default
/// the survivor's own file and referrals do (they carry identifying data); an administrator may
/// change this per vault. Signed by her (`SignedSetting`).
public struct ExportRules: Sendable, Equatable {
    public var approvalRequired: Set<ExportProfile>

    public init(approvalRequired: Set<ExportProfile>) {
        self.approvalRequired = approvalRequired
    }
}

extension ExportRules: SignedSetting {
    static let settingName = "export_rules"
    static let auditAction = AuditAction.exportRules
    static let defaults = ExportRules(approvalRequired: [.survivor, .referral])

    func encode(into bytes: inout CanonicalBytes) {
        let names = approvalRequired.map(\.rawValue).sorted()
        bytes.number(names.count)
        for name in names { bytes.field(name) }
    }

    static func decode(_ reader: inout CanonicalReader) -> ExportRules? {
        guard let count = reader.number(), (0...Int64(ExportProfile.allCases.count)).contains(count) else { return nil }
        var profiles = Set<ExportProfile>()
        for _ in 0..<count {
            guard let name = reader.text(), let profile = ExportProfile(rawValue: name) else { return nil }
            profiles.insert(profile)
        }
        return ExportRules(approvalRequired: profiles)
    }
}

extension UnlockedVault {
    /// The export rules in force, verified (the defaults until an administrator sets them).
    public func exportRules() throws -> ExportRules {
        try signedSetting(ExportRules.self, record: .exportRules).0
    }

    /// Signs and stores new export rules (administrators; the Access layer decides who).
    public func setExportRules(_ rules: ExportRules) throws {
        try setSignedSetting(rules, record: .exportRules,
                             details: ["approval_required": rules.approvalRequired.map(\.rawValue).sorted().joined(separator: ",")])
    }
}
