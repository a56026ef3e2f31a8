/// Reads gettext PO text: `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[n]`, strings
/// continued on following lines, C escapes, and the comment kinds `#`, `#.`, `#:`, `#,`.
/// Obsolete (`#~`) and previous-id (`#|`) lines are ignored.
public enum POParser {
    public static func parse(_ text: String, file: String) throws(CatalogError) -> POFile {
        var state = State(file: file)
        var lineNumber = 0
        // CR LF is one Character in Swift, so splitting on "\n" alone would keep a CRLF file's
        // lines together (found by the po-catalog fuzz target).
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
            try state.consume(line, lineNumber: lineNumber)
        }
        try state.finishEntry(lineNumber: lineNumber)
        return POFile(entries: state.entries)
    }

    /// Which string a continuation line extends.
    enum Field: Equatable {
        case context, id, idPlural, string(Int)
    }

    struct State {
        let file: String
        var entries: [POEntry] = []
        var entry = POEntry()
        var field: Field?
        var hasID = false
        var startLine = 0

        func fail(_ line: Int, _ reason: String) -> CatalogError {
            .syntax(file: file, line: line, reason: reason)
        }

        mutating func consume(_ line: String, lineNumber: Int) throws(CatalogError) {
            if line.isEmpty {
                try finishEntry(lineNumber: lineNumber)
            } else if line.hasPrefix("#~") || line.hasPrefix("#|") {
                return
            } else if line.hasPrefix("#") {
                if hasID { try finishEntry(lineNumber: lineNumber) }
                addComment(line)
            } else if line.hasPrefix("\"") {
                guard let field else { throw fail(lineNumber, "string without a keyword before it") }
                append(try POString.parse(line, line: lineNumber, file: file), to: field)
            } else {
                try keyword(line, lineNumber: lineNumber)
            }
        }

        mutating func addComment(_ line: String) {
            let kind = line.dropFirst().first
            let body = { (drop: Int) in String(line.dropFirst(drop)).trimmingCharacters(in: .whitespaces) }
            switch kind {
            case ".": entry.extractedComments.append(body(2))
            case ":": entry.references.append(body(2))
            case ",": entry.flags += body(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            default: entry.translatorComments.append(body(1))
            }
        }

        mutating func keyword(_ line: String, lineNumber: Int) throws(CatalogError) {
            guard let space = line.firstIndex(of: " ") else { throw fail(lineNumber, "expected a keyword and a string") }
            let name = String(line[..<space])
            let value = try POString.parse(String(line[line.index(after: space)...]), line: lineNumber, file: file)
            switch name {
            case "msgctxt":
                if hasID { try finishEntry(lineNumber: lineNumber) }
                guard entry.context == nil else { throw fail(lineNumber, "second msgctxt") }
                entry.context = value
                field = .context
            case "msgid":
                if hasID { try finishEntry(lineNumber: lineNumber) }
                entry.id = value
                hasID = true
                startLine = lineNumber
                field = .id
            case "msgid_plural":
                guard hasID, entry.strings.isEmpty, entry.idPlural == nil else { throw fail(lineNumber, "misplaced msgid_plural") }
                entry.idPlural = value
                field = .idPlural
            case "msgstr":
                guard hasID, entry.idPlural == nil, entry.strings.isEmpty else { throw fail(lineNumber, "misplaced msgstr") }
                entry.strings = [value]
                field = .string(0)
            default:
                guard name.hasPrefix("msgstr["), name.hasSuffix("]"), let index = Int(name.dropFirst(7).dropLast()) else {
                    throw fail(lineNumber, "unknown keyword \(name)")
                }
                guard hasID, entry.idPlural != nil, index == entry.strings.count else {
                    throw fail(lineNumber, "misplaced \(name)")
                }
                entry.strings.append(value)
                field = .string(index)
            }
        }

        mutating func append(_ text: String, to field: Field) {
            switch field {
            case .context: entry.context = (entry.context ?? "") + text
            case .id: entry.id += text
            case .idPlural: entry.idPlural = (entry.idPlural ?? "") + text
            case .string(let index): entry.strings[index] += text
            }
        }

        mutating func finishEntry(lineNumber: Int) throws(CatalogError) {
            defer {
                entry = POEntry()
                field = nil
                hasID = false
            }
            guard hasID else {
                if entry.context != nil { throw fail(lineNumber, "msgctxt without msgid") }
                return
            }
            guard !entry.strings.isEmpty else { throw fail(startLine, "msgid without msgstr") }
            entries.append(entry)
        }
    }
}

/// Quoted PO strings with C escapes.
enum POString {
    /// The text of one `"..."` token; nothing but spaces may follow it.
    static func parse(_ token: String, line: Int, file: String) throws(CatalogError) -> String {
        func fail(_ reason: String) -> CatalogError { .syntax(file: file, line: line, reason: reason) }
        var scalars = token.unicodeScalars.makeIterator()
        guard scalars.next() == "\"" else { throw fail("expected a quoted string") }
        var result = String.UnicodeScalarView()
        var closed = false
        while let scalar = scalars.next() {
            if closed {
                guard scalar == " " || scalar == "\t" else { throw fail("text after the closing quote") }
                continue
            }
            switch scalar {
            case "\"": closed = true
            case "\\":
                guard let escaped = scalars.next() else { throw fail("unfinished escape") }
                result.append(try unescape(escaped, rest: &scalars, fail: fail))
            default: result.append(scalar)
            }
        }
        guard closed else { throw fail("unterminated string") }
        return String(result)
    }

    static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "a": "\u{07}", "b": "\u{08}",
        "f": "\u{0C}", "v": "\u{0B}", "'": "'", "?": "?",
    ]

    static func unescape(
        _ escaped: Unicode.Scalar, rest: inout String.UnicodeScalarView.Iterator, fail: (String) -> CatalogError
    ) throws(CatalogError) -> Unicode.Scalar {
        if let simple = simpleEscapes[escaped] { return simple }
        guard ("0"..."7").contains(escaped) else { throw fail("unknown escape \\\(escaped)") }
        var value = escaped.value - 48
        var lookahead = rest
        for _ in 0..<2 {
            guard let next = lookahead.next(), ("0"..."7").contains(next) else { break }
            value = value * 8 + next.value - 48
            rest = lookahead
        }
        guard let scalar = Unicode.Scalar(value) else { throw fail("bad octal escape") }
        return scalar
    }
}
