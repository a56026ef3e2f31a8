/// How long after the incident the survivor reported it, in the GBVIMS buckets. Half-open
/// ranges of whole days: 0 ≤ d < 4 is "0–3 days", 4 ≤ d < 6 "4–5 days", and so on (a widely
/// used tool counts day 4 as "0–3 days"; this one does not).
public enum ReportingDelay: String, CaseIterable, Codable, Sendable {
    case upTo3Days = "0-3"
    case from4To5Days = "4-5"
    case from6To14Days = "6-14"
    case from15To30Days = "15-30"
    case over30Days = "31+"
    case unknown

    /// The bucket of a delay of `days`; unknown when missing or negative.
    public init(days: Int?) {
        switch days {
        case .some(0..<4): self = .upTo3Days
        case .some(4..<6): self = .from4To5Days
        case .some(6..<15): self = .from6To14Days
        case .some(15..<31): self = .from15To30Days
        case .some(31...): self = .over30Days
        default: self = .unknown
        }
    }

    /// The bucket of the report date minus the incident date.
    public init(incident: CivilDay?, report: CivilDay?) {
        guard let incident, let report else {
            self = .unknown
            return
        }
        self.init(days: report.days(since: incident))
    }
}
