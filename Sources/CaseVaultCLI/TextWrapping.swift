/// Wraps lines of output to a terminal's width at word boundaries: no word is cut, and a number
/// written in groups (`+381 64 123 4567`, `0800 222 003`, `24.11.2026. 10:05`) is kept on one
/// line as if it were one word. A continuation line is indented two columns deeper than the line
/// it continues, so lists and labelled answers stay readable. A word wider than the whole line
/// is left whole (the terminal folds it), never cut by us.
enum TextWrapping {
    /// Every line of `text` (separated by newlines) wrapped to `width`; nil width: unchanged.
    static func wrap(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrap(line: String($0), width: width) }.joined(separator: "\n")
    }

    /// Each of `lines` wrapped to `width`; nil width: unchanged.
    static func wrap(_ lines: [String], width: Int?) -> [String] {
        guard let width else { return lines }
        return lines.flatMap { wrap(line: $0, width: width) }
    }

    /// One line (no newline in it) as lines of at most `width` columns where the words allow.
    static func wrap(line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let indent = line.prefix { $0 == " " }
        let units = self.units(line.dropFirst(indent.count))
        let margin = String(indent) + "  "
        var lines: [String] = []
        var current = String(indent)
        var empty = true
        for unit in units {
            if empty {
                current += unit
                empty = false
            } else if current.count + 1 + unit.count <= width {
                current += " " + unit
            } else {
                lines.append(current)
                current = margin + unit
            }
        }
        lines.append(current)
        return lines
    }

    /// The words of `text` split at spaces, with groups of a number joined back into one unit.
    static func units(_ text: Substring) -> [String] {
        var units: [String] = []
        for word in text.split(separator: " ") {
            if let last = units.last, isNumberGroup(last.split(separator: " ").last ?? ""), isNumberGroup(word) {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(String(word))
            }
        }
        return units
    }

    /// A piece of a phone number, a date or a time: digits with `+ - . / : ( )`, at least one
    /// digit, perhaps followed by a comma or semicolon.
    static func isNumberGroup(_ word: Substring) -> Bool {
        var body = word
        while let last = body.last, last == "," || last == ";" { body = body.dropLast() }
        return body.contains(where: \.isASCIIDigit) && body.allSatisfy { $0.isASCIIDigit || "+-./:()".contains($0) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
