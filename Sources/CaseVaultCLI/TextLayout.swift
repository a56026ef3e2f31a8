import Intake

/// Lays out translated text: column widths follow the words of the active language, so
/// tables and label lists stay aligned in every language.
enum TextLayout {
    /// Rows under a header, each column as wide as its widest cell, two spaces between columns.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    /// `label:` followed by the value, the values lined up after the longest label.
    static func fields(_ fields: [(label: String, value: String)], indent: String = "", width: Int? = nil) -> [String] {
        let labelWidth = width ?? labelWidth(fields.map(\.label))
        return fields.map { indent + ($0.label + ":").padding(toLength: labelWidth, withPad: " ", startingAt: 0) + $0.value }
    }

    /// The column where values start for `labels` (the longest, its colon and two spaces).
    static func labelWidth(_ labels: [String]) -> Int {
        (labels.map(\.count).max() ?? 0) + 3
    }

    /// Width of a terminal line the output keeps within (80 columns, the last left free).
    static let lineWidth = 79

    /// `head` and then `words` in lines of at most `width` columns: the words follow the head
    /// (two spaces after it, one between words) while they fit, the rest go on lines indented by
    /// `indent`, and a word longer than a whole line is cut into pieces that fit. The head is
    /// never broken, so a search finds all of it on one line.
    static func wrap(head: String, words: [String], width: Int = lineWidth, indent: Int = 6) -> [String] {
        precondition(width > indent, "no room for text after the indent")
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = head
        var separator = "  "
        for text in words {
            var word = Substring(text)
            if line.count + separator.count + word.count <= width {
                line += separator + word
            } else {
                lines.append(line)
                line = margin
                while line.count + word.count > width {
                    let room = width - line.count
                    lines.append(line + word.prefix(room))
                    word = word.dropFirst(room)
                }
                line += word
            }
            separator = " "
        }
        lines.append(line)
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension Messages {
    /// A UTC minute as the vault stores it (`2026-11-24T10:05Z`), its day written the
    /// language's way: `24.11.2026. 10:05 UTC` (`UTC` is the same in every language).
    func minute(_ at: String) -> String {
        guard let separator = at.firstIndex(of: "T") else { return day(at) }
        var time = at[at.index(after: separator)...]
        let utc = time.hasSuffix("Z")
        if utc { time = time.dropLast() }
        return day(String(at[..<separator])) + " " + time + (utc ? " UTC" : "")
    }

    /// A whole number in the language's notation (`1,234` in English, `1.234` in Serbian).
    func number(_ value: Int) -> String {
        localizer?.formats.format(value) ?? String(value)
    }

    /// The catalog text of a form message (`choice.municipality.krusevac`) when the catalog has
    /// it, else nil: lets a stored choice id be shown by its label.
    func formLabel(_ id: String) -> String? {
        guard let localizer, localizer.catalog.contains(id) else { return nil }
        return localizer.text(id)
    }
}
