/// `--lang L` (or `--lang=L`) anywhere on the command line, taken out before parsing so every
/// command, and the parser's own messages, share one language.
enum LanguageOption {
    struct MissingValue: Error {}

    /// The explicit language, if given, and the remaining arguments.
    static func extract(from arguments: [String]) throws -> (String?, [String]) {
        var rest: [String] = []
        var language: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang" {
                guard index + 1 < arguments.endIndex else { throw MissingValue() }
                language = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                language = String(argument.dropFirst("--lang=".count))
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (language, rest)
    }
}
