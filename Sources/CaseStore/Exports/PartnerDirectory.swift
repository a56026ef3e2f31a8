/// The partner organisations an export may be encrypted to by name, each with its X25519 (age)
/// public key, certified like users' keys: the whole list is one body an administrator signs
/// (`SignedSetting`), so someone who writes to the file cannot add a key, swap one or bring
/// back one that was removed.
public struct PartnerDirectory: Sendable, Equatable {
    /// Partner name → 32-byte X25519 public key.
    public var partners: [String: [UInt8]]

    public init(partners: [String: [UInt8]]) {
        self.partners = partners
    }

    /// A partner's name: 1–64 letters, digits, `.`, `_` or `-`, so it reads the same everywhere.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}

extension PartnerDirectory: SignedSetting {
    static let settingName = "partners"
    static let auditAction = AuditAction.partnerKey
    static let defaults = PartnerDirectory(partners: [:])

    func encode(into bytes: inout CanonicalBytes) {
        bytes.number(partners.count)
        for (name, key) in partners.sorted(by: { $0.key < $1.key }) {
            bytes.field(name)
            bytes.field(key)
        }
    }

    static func decode(_ reader: inout CanonicalReader) -> PartnerDirectory? {
        guard let count = reader.number(), (0...10_000).contains(count) else { return nil }
        var partners: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard let name = reader.text(), isValidName(name), let key = reader.key(length: 32), partners[name] == nil else { return nil }
            partners[name] = key
        }
        return PartnerDirectory(partners: partners)
    }
}

extension UnlockedVault {
    /// The partner keys, verified against an administrator's signature.
    public func partnerDirectory() throws -> PartnerDirectory {
        try signedSetting(PartnerDirectory.self, record: .partners).0
    }

    /// Adds or replaces a partner's key (`key` nil: removes the partner), signed by this
    /// administrator and audited with the partner's name and key.
    public func setPartner(_ name: String, key: [UInt8]?) throws {
        guard PartnerDirectory.isValidName(name) else { throw CaseStoreError.invalidPartnerName(name) }
        if let key, key.count != 32 { throw CaseStoreError.invalidPartnerName(name) }
        var directory = try partnerDirectory()
        guard key != nil || directory.partners[name] != nil else { throw CaseStoreError.unknownPartner(name) }
        directory.partners[name] = key
        var details = ["partner": name, "change": key == nil ? "removed" : "set"]
        if let key { details["key"] = key.map { String(format: "%02x", $0) }.joined() }
        try setSignedSetting(directory, record: .partners, details: details)
    }
}
