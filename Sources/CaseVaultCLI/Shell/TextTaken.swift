/// The confirmation shown after a text of several lines was entered, so the user sees that
/// all of it was taken: "Taken: 3 lines, 1,204 characters."
enum TextTaken {
    static func confirmation(of text: String, messages: Messages) -> String {
        let lines = text.isEmpty ? 0 : text.split(separator: "\n", omittingEmptySubsequences: false).count
        return messages("cli.text.taken", [
            "lines": messages.plural("cli.text.lines", count: lines),
            "characters": messages.plural("cli.text.characters", count: text.count),
        ])
    }
}
