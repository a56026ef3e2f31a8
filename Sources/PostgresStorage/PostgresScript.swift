/// Splits a migration file into its statements. PostgresNIO speaks only the extended query
/// protocol, which takes one statement per message, so a file of several statements is sent one
/// statement at a time. A `;` ends a statement unless it stands in a `--` or `/* */` comment, a
/// quoted string or identifier, or a dollar-quoted body (`$$ ... $$`, `$tag$ ... $tag$`, as in a
/// plpgsql function). Statements are returned trimmed, without their `;`; empty ones are dropped.
enum PostgresScript {
    static func statements(_ script: String) -> [String] {
        let characters = Array(script)
        var statements: [String] = []
        var current = ""
        var index = 0

        func appendUntil(_ terminator: [Character]) {
            while index < characters.count {
                if Array(characters[index..<min(index + terminator.count, characters.count)]) == terminator {
                    current.append(contentsOf: terminator)
                    index += terminator.count
                    return
                }
                current.append(characters[index])
                index += 1
            }
        }

        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "-" where next == "-":
                appendUntil(["\n"])
            case "/" where next == "*":
                current.append("/*")
                index += 2
                appendUntil(["*", "/"])
            case "'", "\"":
                current.append(character)
                index += 1
                appendUntil([character])
            case "$":
                if let tag = dollarTag(characters, at: index) {
                    current.append(contentsOf: tag)
                    index += tag.count
                    appendUntil(tag)
                } else {
                    current.append(character)
                    index += 1
                }
            case ";":
                statements.append(current)
                current = ""
                index += 1
            default:
                current.append(character)
                index += 1
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && !isCommentOnly($0) }
    }

    /// The dollar-quote opener (`$$` or `$tag$`) starting at `index`, if one does.
    private static func dollarTag(_ characters: [Character], at index: Int) -> [Character]? {
        var end = index + 1
        while end < characters.count, characters[end] == "_" || characters[end].isLetter || (end > index + 1 && characters[end].isNumber) {
            end += 1
        }
        guard end < characters.count, characters[end] == "$" else { return nil }
        return Array(characters[index...end])
    }

    /// Whether a piece holds nothing but comments (the file's header before its first statement
    /// is kept with that statement, but a trailing comment after the last `;` stands alone).
    private static func isCommentOnly(_ piece: String) -> Bool {
        piece.split(separator: "\n").allSatisfy { $0.trimmingWhitespace().isEmpty || $0.trimmingWhitespace().hasPrefix("--") }
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
