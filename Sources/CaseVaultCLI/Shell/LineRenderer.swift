/// The ANSI text that redraws the prompt and the line on the current row: carriage return,
/// prompt, text, erase to the end of the row (ESC [K), then the cursor moved back over the
/// text after it (ESC [nD). Each character takes one column, except zero-width ones
/// (combining marks, joiners), which take none. A line too long for the terminal is never
/// wrapped (a carriage return could not get back to its start): the row shows the part of the
/// text around the cursor, scrolling sideways as the cursor moves.
enum LineRenderer {
    static func redraw(prompt: String, buffer: LineBuffer, width: Int? = nil) -> String {
        let characters = buffer.characters
        let window = visibleRange(characters, cursor: buffer.cursor, room: width.map { max($0 - columns(of: prompt) - 1, 1) })
        let after = columns(of: characters[buffer.cursor..<window.upperBound])
        let moveBack = after > 0 ? "\u{1B}[\(after)D" : ""
        return "\r" + prompt + String(characters[window]) + "\u{1B}[K" + moveBack
    }

    /// The characters to show: all when they fit in `room` columns (or no width is known), else
    /// the longest run from the first start that keeps the cursor inside the room.
    static func visibleRange(_ characters: [Character], cursor: Int, room: Int?) -> Range<Int> {
        guard let room, columns(of: characters[...]) > room else { return 0..<characters.count }
        // The first start whose text up to the cursor is narrower than the room, found by
        // walking back from the cursor (one pass, even over a long pasted line).
        var start = cursor
        var before = 0
        while start > 0 {
            let width = columns(of: characters[start - 1])
            guard before + width < room else { break }
            before += width
            start -= 1
        }
        var end = start
        var used = 0
        while end < characters.count {
            let width = columns(of: characters[end])
            guard used + width <= room else { break }
            used += width
            end += 1
        }
        return start..<max(end, cursor)
    }

    static func columns(of character: Character) -> Int {
        let zeroWidth = character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: true
            default: false
            }
        }
        return zeroWidth ? 0 : 1
    }

    static func columns<Text: Sequence>(of text: Text) -> Int where Text.Element == Character {
        text.reduce(0) { $0 + columns(of: $1) }
    }
}
