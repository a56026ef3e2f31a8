/// The text of the line being edited and the cursor, as an index between `Character`s.
/// Every operation keeps the cursor within `0...characters.count`.
struct LineBuffer: Equatable {
    private(set) var characters: [Character] = []
    private(set) var cursor = 0

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    /// Inserts at the cursor. A character that combines with the one before it (a combining
    /// accent typed after its letter) joins that character instead of standing alone.
    mutating func insert(_ character: Character) {
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1, let combined = joined.first {
                characters[cursor - 1] = combined
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(cursor - 1, 0) }
    mutating func moveRight() { cursor = min(cursor + 1, characters.count) }
    mutating func moveToStart() { cursor = 0 }
    mutating func moveToEnd() { cursor = characters.count }

    mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    mutating func killToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Deletes the blanks before the cursor and then the word before them (Ctrl-W).
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
