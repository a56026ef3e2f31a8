/// Text read from the vault, made safe to print on a terminal. Anyone who can write the vault
/// file (the stock `sqlite3` tool is enough) can store a user name, an audit actor or a detail
/// holding a newline, which would forge a line of `audit log`, or an escape sequence, which would
/// rewrite the auditor's screen. Every text renderer passes vault text through `escaped` before
/// laying it out: each control character (C0, DEL, C1) and each bidirectional override or
/// isolate (U+202A–U+202E, U+2066–U+2069) is written visibly as `\n`, `\r`, `\t`, `\x1b` or
/// `\u{202E}`. Everything else, Cyrillic and Romani letters included, is shown as stored.
/// JSON output needs no such step: `JSONRendering` escapes the same characters.
enum TerminalSafeText {
    /// Whether `scalar` must not reach a terminal raw.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe character written as a visible escape.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex.uppercased())}"
            }
        }
        return result
    }

    /// A text of several lines (a narrative, a note): split at its newlines, each line escaped.
    static func escapedLines(_ text: some StringProtocol) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
    }
}
