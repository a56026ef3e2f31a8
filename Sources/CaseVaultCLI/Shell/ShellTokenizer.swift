/// Splits one shell command line into argv words the way a POSIX shell does for simple input:
/// blanks separate words, single quotes are literal, double quotes honour `\"` and `\\`,
/// a backslash outside quotes takes the next character literally, and `#` at the start of a
/// word begins a comment. There is no globbing, no variables and no pipes. The line is walked
/// by Unicode scalar, so text in any script (Cyrillic, Romani letters, combining marks) passes
/// through unchanged.
public enum ShellTokenizer {
    /// The words of `line`, in order. Quoted empty strings (`''`, `""`) are empty words.
    public static func words(in line: String) throws(ShellTokenizerError) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(String(word)) }
                word = String.UnicodeScalarView()
                inWord = false
            case "#" where !inWord:
                return words
            case "\\":
                guard let escaped = scalars.next() else { throw .trailingBackslash }
                word.append(escaped)
                inWord = true
            case "'":
                try readSingleQuoted(from: &scalars, into: &word)
                inWord = true
            case "\"":
                try readDoubleQuoted(from: &scalars, into: &word)
                inWord = true
            default:
                word.append(scalar)
                inWord = true
            }
        }
        if inWord { words.append(String(word)) }
        return words
    }

    private static func readSingleQuoted(
        from scalars: inout String.UnicodeScalarView.Iterator, into word: inout String.UnicodeScalarView
    ) throws(ShellTokenizerError) {
        while let scalar = scalars.next() {
            if scalar == "'" { return }
            word.append(scalar)
        }
        throw .unterminatedSingleQuote
    }

    private static func readDoubleQuoted(
        from scalars: inout String.UnicodeScalarView.Iterator, into word: inout String.UnicodeScalarView
    ) throws(ShellTokenizerError) {
        while let scalar = scalars.next() {
            switch scalar {
            case "\"":
                return
            case "\\":
                guard let escaped = scalars.next() else { throw .unterminatedDoubleQuote }
                if escaped != "\"" && escaped != "\\" { word.append("\\") }
                word.append(escaped)
            default:
                word.append(scalar)
            }
        }
        throw .unterminatedDoubleQuote
    }
}

/// Why a command line could not be split into words. The raw values are stable codes for
/// translation; no part of the line is ever included.
public enum ShellTokenizerError: String, Error, Equatable, Sendable {
    /// A `'` without its closing `'`.
    case unterminatedSingleQuote = "unterminated_single_quote"
    /// A `"` without its closing `"`.
    case unterminatedDoubleQuote = "unterminated_double_quote"
    /// The line ends with a backslash that escapes nothing.
    case trailingBackslash = "trailing_backslash"
}
