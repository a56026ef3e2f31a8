/// The non-identifying facts of one incident that statistics count: months, never days; groups,
/// never ages; category ids, never free text, names, codes or phone numbers. Built from a case
/// document (`CaseFacts(document:createdDay:)`) only when the survivor consented to anonymous
/// statistics, and sealed under the statistics key beside the case (`SealedFacts`).
public struct CaseFacts: Equatable, Sendable {
    /// The month the incident was reported (the intake's report date, else the day the case was made).
    public var reportMonth: FactMonth
    /// The month of the incident, when known.
    public var incidentMonth: FactMonth?
    /// One category position per `FactField`, in field order.
    public var fields: [UInt8]
    /// One flag set per `FactSet`, bit i for category i.
    public var sets: [UInt16]
    public var perpetrators: [Perpetrator]
    public var referrals: [ReferralFact]

    /// One alleged perpetrator: a category position per `PerpetratorField`.
    public struct Perpetrator: Equatable, Sendable {
        public var values: [UInt8]

        public init(values: [UInt8]) { self.values = values }

        public subscript(field: PerpetratorField) -> UInt8 { values[field.rawValue] }
    }

    /// One referral: a category position per `ReferralField`, and the whole days from the report
    /// to the referral when both days are known.
    public struct ReferralFact: Equatable, Sendable {
        public var values: [UInt8]
        public var daysFromReport: Int?

        public init(values: [UInt8], daysFromReport: Int?) {
            self.values = values
            self.daysFromReport = daysFromReport
        }

        public subscript(field: ReferralField) -> UInt8 { values[field.rawValue] }
    }

    public init(reportMonth: FactMonth, incidentMonth: FactMonth?, fields: [UInt8], sets: [UInt16],
                perpetrators: [Perpetrator], referrals: [ReferralFact]) {
        self.reportMonth = reportMonth
        self.incidentMonth = incidentMonth
        self.fields = fields
        self.sets = sets
        self.perpetrators = perpetrators
        self.referrals = referrals
    }

    /// The category position of `field`.
    public subscript(field: FactField) -> UInt8 { fields[field.rawValue] }

    /// The category id of `field`.
    public func category(_ field: FactField) -> String { field.categories[Int(fields[field.rawValue])] }

    /// Whether category `index` of `set` is flagged.
    public func contains(_ set: FactSet, _ index: Int) -> Bool { sets[set.rawValue] & (1 << index) != 0 }

    /// Whether the incident was already reported to another organisation that keeps GBV
    /// statistics (left out on request, so two organisations' numbers can be added).
    public var reportedToOtherOrganisation: Bool { contains(.reportedElsewhere, Self.otherOrganisation) }

    private static let otherOrganisation = FactSet.reportedElsewhere.categories.firstIndex(of: "other_organisation") ?? 0
}
