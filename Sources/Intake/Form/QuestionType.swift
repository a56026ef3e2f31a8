/// The kinds of question a form can ask (docs/intake.md, "Question types"). The raw values are
/// the `type` strings of the form file.
public enum QuestionType: String, CaseIterable, Codable, Sendable {
    /// One line of text.
    case text
    /// Several lines of text, such as the survivor's account.
    case longText
    /// A calendar day.
    case date
    /// A number in the language's notation (decimal comma in Serbian and Romani).
    case number
    /// Exactly one of the listed choices.
    case singleChoice
    /// One or more of the listed choices.
    case multiChoice
    /// Yes or no.
    case yesNo
    /// A number of items, each answering the group's own questions (e.g. perpetrators).
    case repeatableGroup
}
