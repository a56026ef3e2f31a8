import CaseStore

/// What each word an option takes means, in the user's language: `legal (правна помоћ)`. The
/// words themselves stay as they are typed; help and "not one of the choices" show both.
enum ChoiceWords {
    /// The choices of an argument, each with its meaning when there is one.
    static func list(_ argument: CommandTree.Argument, _ messages: Messages) -> String {
        let labels = meanings(argument.valueName, messages)
        return (argument.allValues ?? []).map { word in labels[word].map { "\(word) (\($0))" } ?? word }.joined(separator: ", ")
    }

    static func meanings(_ valueName: String?, _ messages: Messages) -> [String: String] {
        switch valueName {
        case "service": table(ReferralService.allCases) { messages.label($0) }
        case "reason": table(ClosureReason.allCases) { messages.label($0) }
        case "role": table(Role.allCases) { messages.label($0) }
        default: [:]
        }
    }

    private static func table<Value: RawRepresentable>(_ values: [Value], _ label: (Value) -> String) -> [String: String]
        where Value.RawValue == String {
        Dictionary(uniqueKeysWithValues: values.map { ($0.rawValue, label($0)) })
    }
}
