/// A line being typed, driven one `Key` at a time: a visible command line (`EditState`), a
/// passphrase (`SecretEntry`) or several lines of text (`TextEntry`). Pure: no terminal, so tests drive it with keys.
protocol LineEntry {
    mutating func handle(_ key: Key) -> EditStep
    /// What to show after the prompt; nil when nothing may be shown.
    var echo: LineBuffer? { get }
}

/// What one key did to the line being typed.
enum EditStep: Equatable {
    /// The text or the cursor changed: redraw.
    case changed
    /// Nothing visible changed.
    case unchanged
    /// The row shown (given here as it ended) is done; the text goes on in a new row.
    case newRow(LineBuffer)
    /// The line is over.
    case finished(LineEditorResult)
}
