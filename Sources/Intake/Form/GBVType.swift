/// The six GBVIMS incident types plus "not GBV" (domain.md). Raw values are the case document's
/// `incident.type` values.
public enum GBVType: String, CaseIterable, Codable, Sendable {
    case rape
    case sexualAssault = "sexual_assault"
    case physicalAssault = "physical_assault"
    case forcedMarriage = "forced_marriage"
    case denialOfResources = "denial_of_resources"
    case psychologicalAbuse = "psychological_abuse"
    case nonGBV = "non_gbv"

    /// The order in which the classification questions are asked; the first "yes" decides.
    public static let decisionOrder: [GBVType] = [
        .rape, .sexualAssault, .physicalAssault, .forcedMarriage, .denialOfResources, .psychologicalAbuse,
    ]
}
