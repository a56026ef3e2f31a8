/// The ANSI text that redraws the prompt and the line on the current row: carriage return,
/// prompt, text, erase to the end of the row (ESC [K), then the cursor moved back over the
/// text after it (ESC [nD). Each character takes one column, except zero-width ones
/// (combining marks, joiners), which take none.
enum LineRenderer {
    static func redraw(prompt: String, buffer: LineBuffer) -> String {
        let after = buffer.characters[buffer.cursor...].reduce(0) { $0 + columns(of: $1) }
        let moveBack = after > 0 ? "\u{1B}[\(after)D" : ""
        return "\r" + prompt + buffer.text + "\u{1B}[K" + moveBack
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
}
