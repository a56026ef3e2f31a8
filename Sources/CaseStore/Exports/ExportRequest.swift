import VaultCrypto

/// One entry of the export ledger, verified: what was asked (case, profile, service, reason),
/// by whom, and where it stands. The request is signed by its requester, the decision by a
/// supervisor and bound to the request's hash; whether an approved request was already used is
/// read from the audit trail, so none of it can be forged or replayed by editing the file.
public struct ExportRequest: Sendable, Equatable {
    public var id: String
    /// The case exported (nil for a profile over many cases).
    public var caseCode: String?
    public var profile: ExportProfile
    /// The referral service (referral profile only).
    public var service: ReferralService?
    public var requester: String
    public var day: String
    /// The requester's reason; nil when this user cannot open it (no audit key).
    public var reason: String?
    public var status: Status

    /// Where a request stands.
    public enum Status: Sendable, Equatable {
        case pending
        case approved(by: String)
        /// Approved and the file was written: it cannot be used again.
        case used(by: String)
        case denied(by: String, reason: String?)
    }

    /// Whether this request is for exactly `order` by `requester`.
    public func matches(_ order: ExportOrder, requester: String) -> Bool {
        caseCode == order.caseCode && profile == order.profile && service == order.service && self.requester == requester
            && reason == order.reason
    }
}

/// What a user asks to export: the case (nil for many cases), profile, referral service and
/// reason. The reason is free text and may be sensitive: it is sealed wherever it is stored.
public struct ExportOrder: Sendable, Equatable {
    public var caseCode: String?
    public var profile: ExportProfile
    public var service: ReferralService?
    public var reason: String

    public init(caseCode: String?, profile: ExportProfile, service: ReferralService?, reason: String) {
        self.caseCode = caseCode
        self.profile = profile
        self.service = service
        self.reason = reason
    }
}

/// The signed bodies of requests and decisions (docs/vault-format.md, "Export ledger").
enum ExportLedgerBody {
    static let requestLabel = "casevault/v1/export-request"
    static let decisionLabel = "casevault/v1/export-decision"

    /// A fresh request id, `E-XXXX-XXXX` (40 random bits, like a case code).
    static func newID() throws -> String { "E-" + (try CaseCode.random().rawValue) }

    /// Reads a typed request id as a person may type it (any case, with or without dashes).
    static func canonicalID(_ typed: String) -> String? {
        var text = typed.uppercased()
        guard text.hasPrefix("E") else { return nil }
        text.removeFirst()
        return CaseCode(text).map { "E-" + $0.rawValue }
    }

    static func reasonAssociatedData(vaultID: [UInt8], id: String) -> [UInt8] {
        AssociatedData.make("export_requests.reason", AssociatedData.hex(vaultID), id)
    }

    static func request(vaultID: [UInt8], id: String, order: ExportOrder, requester: String, day: String, sealedReason: [UInt8]) -> [UInt8] {
        var bytes = CanonicalBytes(label: requestLabel)
        bytes.field(vaultID)
        bytes.field(id)
        bytes.field(order.caseCode)
        bytes.field(order.profile.rawValue)
        bytes.field(order.service?.rawValue)
        bytes.field(requester)
        bytes.field(day)
        bytes.field(sealedReason)
        return bytes.bytes
    }

    /// The parts of a request body; nil when it is not one.
    struct Request {
        var caseCode: String?
        var profile: ExportProfile
        var service: ReferralService?
        var requester: String
        var day: String
        var sealedReason: [UInt8]
    }

    static func parseRequest(_ body: [UInt8], vaultID: [UInt8], id: String) -> Request? {
        guard var reader = CanonicalReader(body, label: requestLabel), case let vault?? = reader.field(), ConstantTime.equal(vault, vaultID),
              reader.text() == id, case let code? = reader.field(), let profileName = reader.text(),
              let profile = ExportProfile(rawValue: profileName), case let service? = reader.field(), let requester = reader.text(),
              let day = reader.text(), case let sealed?? = reader.field(), reader.atEnd
        else { return nil }
        func text(_ bytes: [UInt8]?) -> String?? {
            guard let bytes else { return .some(nil) }
            return String(validating: bytes, as: UTF8.self).map { .some($0) }
        }
        guard case let caseCode? = text(code), case let serviceID? = text(service) else { return nil }
        let referralService = serviceID.flatMap(ReferralService.init(rawValue:))
        guard (serviceID == nil) == (referralService == nil) else { return nil }
        return Request(caseCode: caseCode, profile: profile, service: referralService, requester: requester, day: day, sealedReason: sealed)
    }

    static func decision(vaultID: [UInt8], id: String, requestBody: [UInt8], approved: Bool, decider: String, day: String,
                         sealedReason: [UInt8]?) throws -> [UInt8] {
        var bytes = CanonicalBytes(label: decisionLabel)
        bytes.field(vaultID)
        bytes.field(id)
        bytes.field(try SHA256.hash(requestBody))
        bytes.flag(approved)
        bytes.field(decider)
        bytes.field(day)
        bytes.field(sealedReason)
        return bytes.bytes
    }

    /// The parts of a decision body; nil when it is not one, or not about this request.
    static func parseDecision(_ body: [UInt8], vaultID: [UInt8], id: String, requestBody: [UInt8])
        -> (approved: Bool, decider: String, sealedReason: [UInt8]?)? {
        guard var reader = CanonicalReader(body, label: decisionLabel), case let vault?? = reader.field(), ConstantTime.equal(vault, vaultID),
              reader.text() == id, case let hash?? = reader.field(), let expected = try? SHA256.hash(requestBody),
              ConstantTime.equal(hash, expected), let approved = reader.flag(), let decider = reader.text(), reader.text() != nil,
              case let sealed? = reader.field(), reader.atEnd
        else { return nil }
        return (approved, decider, sealed)
    }
}
