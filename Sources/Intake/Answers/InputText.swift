import Foundation

/// The first checks on anything typed: valid UTF-8, bounded size, no control characters (line
/// breaks and tabs only in long text) and no Unicode text-direction overrides or isolates
/// (U+202A–U+202E, U+2066–U+2069), which can make a record read differently from what it says.
/// The result is NFC and trimmed; in long text, `\r\n` and `\r` become `\n`.
enum InputText {
    /// `bytes` as text, or nil when they are not valid UTF-8.
    static func decode(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Cleaned `raw`, at most `limit` characters long.
    static func clean(_ raw: String, multiline: Bool, limit: Int) throws(AnswerProblem) -> String {
        guard raw.utf8.count <= max(limit * 4, 4096) else { throw .tooLong(limit: limit) }
        var text = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if multiline {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard !text.unicodeScalars.contains(where: { isForbidden($0, multiline: multiline) }) else {
            throw .forbiddenCharacters
        }
        // A character is at least one byte: only a text of more than `limit` bytes is counted.
        guard text.utf8.count <= limit || text.count <= limit else { throw .tooLong(limit: limit) }
        return text
    }

    /// Category Cc is exactly U+0000–U+001F and U+007F–U+009F, so values are compared instead of
    /// looking the category up for every character.
    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        let value = scalar.value
        if multiline, value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
