/// Writes PO text in one canonical layout: comments (`#`, `#.`, `#:`, `#,`), then keywords; a
/// string with newlines is written as `""` followed by one line per `\n`, as gettext tools do.
/// Entries are separated by a blank line. `POParser.parse(POWriter.write(file))` gives `file`.
public enum POWriter {
    public static func write(_ file: POFile) -> String {
        file.entries.map(write).joined(separator: "\n")
    }

    static func write(_ entry: POEntry) -> String {
        var lines: [String] = []
        lines += entry.translatorComments.map { $0.isEmpty ? "#" : "# \($0)" }
        lines += entry.extractedComments.map { "#. \($0)" }
        lines += entry.references.map { "#: \($0)" }
        if !entry.flags.isEmpty { lines.append("#, " + entry.flags.joined(separator: ", ")) }
        if let context = entry.context { lines += keyword("msgctxt", context) }
        lines += keyword("msgid", entry.id)
        if let plural = entry.idPlural {
            lines += keyword("msgid_plural", plural)
            for (index, text) in entry.strings.enumerated() {
                lines += keyword("msgstr[\(index)]", text)
            }
        } else {
            lines += keyword("msgstr", entry.strings.first ?? "")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func keyword(_ name: String, _ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        guard pieces.count > 1 else { return ["\(name) \(quoted(text))"] }
        return ["\(name) \"\""] + pieces.map(quoted)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
