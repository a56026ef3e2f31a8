/// The work done on a case after intake: all of it sealed with the case, each change a new
/// document version.
public struct CaseWork: Codable, Equatable, Sendable {
    public var notes: [CaseNote]
    public var followUps: [FollowUp]
    public var referrals: [Referral]
    /// The case action plan, as the caseworker wrote it.
    public var plan: String?
    /// Why and when the case was closed (cleared on reopening).
    public var closure: Closure?
    /// Corrections made at the survivor's request (rectification), oldest first; written only
    /// by `correctCase`.
    public var corrections: [Correction]

    public init(notes: [CaseNote] = [], followUps: [FollowUp] = [], referrals: [Referral] = [], plan: String? = nil, closure: Closure? = nil,
                corrections: [Correction] = []) {
        self.notes = notes
        self.followUps = followUps
        self.referrals = referrals
        self.plan = plan
        self.closure = closure
        self.corrections = corrections
    }

    private enum CodingKeys: String, CodingKey {
        case notes, followUps, referrals, plan, closure, corrections
    }

    /// Documents sealed before corrections existed have no `corrections` key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        notes = try container.decode([CaseNote].self, forKey: .notes)
        followUps = try container.decode([FollowUp].self, forKey: .followUps)
        referrals = try container.decode([Referral].self, forKey: .referrals)
        plan = try container.decodeIfPresent(String.self, forKey: .plan)
        closure = try container.decodeIfPresent(Closure.self, forKey: .closure)
        corrections = try container.decodeIfPresent([Correction].self, forKey: .corrections) ?? []
    }

    /// Writes `corrections` only when there are some, so a document without any keeps the bytes
    /// it had before corrections existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notes, forKey: .notes)
        try container.encode(followUps, forKey: .followUps)
        try container.encode(referrals, forKey: .referrals)
        try container.encodeIfPresent(plan, forKey: .plan)
        try container.encodeIfPresent(closure, forKey: .closure)
        if !corrections.isEmpty { try container.encode(corrections, forKey: .corrections) }
    }
}

/// A timestamped note (UTC, to the minute) by a caseworker.
public struct CaseNote: Codable, Equatable, Sendable {
    public var at: String
    public var author: String
    public var text: String

    public init(at: String, author: String, text: String) {
        self.at = at
        self.author = author
        self.text = text
    }
}

/// Something to do by a day.
public struct FollowUp: Codable, Equatable, Sendable {
    public var due: String
    public var note: String?
    public var createdBy: String

    public init(due: String, note: String?, createdBy: String) {
        self.due = due
        self.note = note
        self.createdBy = createdBy
    }
}

/// A referral to another service, made only with the survivor's consent to share with it.
public struct Referral: Codable, Equatable, Sendable {
    public var service: ReferralService
    public var organisation: String
    public var day: String
    public var by: String

    public init(service: ReferralService, organisation: String, day: String, by: String) {
        self.service = service
        self.organisation = organisation
        self.day = day
        self.by = by
    }
}

/// Why a case was closed.
public struct Closure: Codable, Equatable, Sendable {
    public var day: String
    public var reason: ClosureReason
    public var by: String

    public init(day: String, reason: ClosureReason, by: String) {
        self.day = day
        self.reason = reason
        self.by = by
    }
}

/// The services a case can be referred to (domain.md).
public enum ReferralService: String, Codable, CaseIterable, Sendable {
    case psychosocial, legal, health, safety, police
    case socialWelfare = "social_welfare"
    case livelihood
}

/// Reasons for closing a case.
public enum ClosureReason: String, Codable, CaseIterable, Sendable {
    case needsMet = "needs_met"
    case survivorRequest = "survivor_request"
    case noContact = "no_contact"
    case referredOn = "referred_on"
    case relocated
    case other
}
