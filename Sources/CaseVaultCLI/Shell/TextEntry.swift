/// Several lines of text being typed or pasted (a note, a plan, an intake's account). Each row
/// is edited like a command line; Enter starts a new row, and a typed row holding only a dot
/// (`TextEntry.endMarker`) ends the text, as does Ctrl-D on an empty row (on the first row: an
/// empty text, which the question refuses or skips; it never ends the whole command). A paste is taken whole:
/// its line breaks start new rows and none of its rows, a lone dot included, ends the text. Pure:
/// no terminal, so tests drive it with keys.
struct TextEntry: LineEntry {
    /// The row that ends the text when typed alone.
    static let endMarker = "."

    private(set) var rows: [String] = []
    private var row = EditState(history: [])
    private var pasting = false

    var echo: LineBuffer? { row.buffer }

    /// The rows so far, the one being typed included, as one text.
    var text: String { (rows + [row.buffer.text]).joined(separator: "\n") }

    mutating func handle(_ key: Key) -> EditStep {
        switch key {
        case .pasteStart:
            pasting = true
            return .unchanged
        case .pasteEnd:
            pasting = false
            return .unchanged
        case .lineBreak:
            return newRow()
        case .enter:
            if !pasting && row.buffer.text == Self.endMarker { return .finished(.line(rows.joined(separator: "\n"))) }
            return newRow()
        case .endOfFile where row.buffer.isEmpty:
            return .finished(.line(rows.joined(separator: "\n")))
        case .interrupt:
            return .finished(.interrupted)
        case .up, .down, .clearScreen:
            return .unchanged
        default:
            return row.handle(key)
        }
    }

    /// Keeps the row being typed and starts an empty one.
    private mutating func newRow() -> EditStep {
        let finished = row.buffer
        rows.append(finished.text)
        row = EditState(history: [])
        return .newRow(finished)
    }
}
