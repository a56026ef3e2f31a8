import CaseStore
import Statistics

/// The words of statistics in the user's language: dimension names, category labels (the
/// intake's own words where the intake asks the question), titles and errors.
enum StatsMessages {
    /// Intake catalog prefixes whose entries name the categories of a dimension.
    static let intakeChoices: [String: String] = [
        "ethnicity": "choice.ethnicity.", "municipality": "choice.municipality.", "incident-municipality": "choice.municipality.",
        "language": "choice.language.", "marital-status": "choice.marital_status.", "displacement": "choice.displacement.",
        "time-of-day": "choice.time_of_day.", "place": "choice.place.", "sex": "choice.sex.", "perpetrator-sex": "choice.sex.",
        "perpetrator-relationship": "choice.relationship.", "reported-elsewhere": "choice.reported_to.",
        "service-requested": "choice.service.", "disability": "choice.yes_no_unknown.", "previous-incidents": "choice.yes_no_unknown.",
        "immediate-danger": "choice.yes_no_unknown.", "weapons": "choice.yes_no_unknown.", "threats-to-kill": "choice.yes_no_unknown.",
        "health-referral": "choice.yes_no_unknown.",
    ]

    static func dimension(_ id: String, _ messages: Messages) -> String {
        messages("cli.stats.dim." + id.replacingOccurrences(of: "-", with: "_"))
    }

    static func category(_ dimension: String, _ category: String, _ messages: Messages) -> String {
        let catalog = messages.localizer?.catalog
        func known(_ id: String) -> String? { catalog?.text(id) != nil ? messages(id) : nil }
        switch dimension {
        case "report-month", "incident-month", "perpetrator-count":
            return category == "unknown" ? messages("cli.stats.value.unknown") : category
        case "incident-type":
            return known("cli.incident_type." + category) ?? messages("cli.stats.value.unknown")
        case "age-group", "perpetrator-age-group":
            let id = category == "61+" ? "age_61_plus" : category == "unknown" ? "unknown" : "age_" + category.replacingOccurrences(of: "-", with: "_")
            return messages("choice.age_group." + id)
        case "case-status":
            return messages("cli.status." + category)
        case "referral-service":
            return messages("cli.service." + category)
        default:
            let own = "cli.stats.value." + dimension.replacingOccurrences(of: "-", with: "_") + "." + category
            if let text = known(own) { return text }
            if let prefix = intakeChoices[dimension], let text = known(prefix + category) { return text }
            return messages(category == "other" ? "cli.stats.value.other" : "cli.stats.value.unknown")
        }
    }

    static func labels(_ messages: Messages) -> TableLabels {
        TableLabels(dimension: { dimension($0, messages) }, category: { category($0, $1, messages) },
                    total: messages("cli.stats.total"), hidden: messages("cli.stats.hidden_marker"),
                    hiddenNote: { messages.plural("cli.stats.hidden_note", count: $0) }, noiseNote: messages("cli.stats.noise_note"))
    }

    /// "Incidents by incident type and age group" in the user's language.
    static func title(_ query: StatisticsQuery, _ messages: Messages) -> String {
        let names = query.dimensions.map { dimension($0.id, messages) }
        let unit = messages("cli.stats.unit." + query.unit.rawValue)
        return names.count == 1 ? messages("cli.stats.title.one", ["unit": unit, "a": names[0]])
            : messages("cli.stats.title.two", ["unit": unit, "a": names[0], "b": names[1]])
    }

    static func text(_ error: StatisticsError, _ messages: Messages) -> String {
        switch error {
        case .dimensionCount: messages("cli.stats.error.dimension_count")
        case .repeatedDimension: messages("cli.stats.error.repeated_dimension")
        case .unknownDimension(let id):
            messages("cli.stats.error.unknown_dimension", ["value": TerminalSafeText.escaped(id),
                                                           "dimensions": StatisticsDimension.all.map(\.id).joined(separator: ", ")])
        case .unknownCategory(let dimension, let value):
            messages("cli.stats.error.unknown_value", ["value": TerminalSafeText.escaped(value), "dimension": dimension,
                                                       "values": StatisticsDimension.named(dimension)?.categories.joined(separator: ", ") ?? ""])
        case .unitsDoNotNest: messages("cli.stats.error.units_do_not_nest")
        case .filterNotOnIncidents(let id): messages("cli.stats.error.filter_not_on_incidents", ["dimension": TerminalSafeText.escaped(id)])
        case .emptyPeriod: messages("cli.stats.error.empty_period")
        case .notProtected: messages("cli.stats.error.not_protected")
        }
    }
}
