/// Editing one visible line, including the walk through history with Up and Down. Edits made
/// to a recalled entry are kept while this line is being typed (going down and up again finds
/// them) but never change the history itself.
struct EditState: LineEntry {
    private(set) var buffer = LineBuffer()
    private let history: [String]
    /// Which entry is shown; `history.count` is the new line being typed.
    private var position: Int
    private var edited: [Int: String] = [:]

    init(history: [String]) {
        self.history = history
        position = history.count
    }

    var echo: LineBuffer? { buffer }

    /// A pasted line break becomes a blank: one visible line stays one line, so a pasted text
    /// never ends it nor answers what comes next.
    mutating func handle(_ key: Key) -> EditStep {
        switch key {
        case .character(let character):
            buffer.insert(character)
            return .changed
        case .lineBreak:
            buffer.insert(" ")
            return .changed
        case .pasteStart, .pasteEnd: return .unchanged
        case .enter: return .finished(.line(buffer.text))
        case .interrupt: return .finished(.interrupted)
        case .clearScreen: return .finished(.clearScreen)
        case .endOfFile where buffer.isEmpty: return .finished(.endOfInput)
        default: return edit(key)
        }
    }

    /// A key that moves the cursor or deletes; compared before and after, which a typed
    /// character never needs (a long paste would copy the line for every character).
    private mutating func edit(_ key: Key) -> EditStep {
        let before = buffer
        switch key {
        case .backspace: buffer.deleteBackward()
        case .delete, .endOfFile: buffer.deleteForward()
        case .left: buffer.moveLeft()
        case .right: buffer.moveRight()
        case .home: buffer.moveToStart()
        case .end: buffer.moveToEnd()
        case .killToStart: buffer.killToStart()
        case .killToEnd: buffer.killToEnd()
        case .deleteWordBack: buffer.deleteWordBackward()
        case .up: recall(position - 1)
        case .down: recall(position + 1)
        default: break
        }
        return buffer == before ? .unchanged : .changed
    }

    private mutating func recall(_ target: Int) {
        guard target >= 0, target <= history.count else { return }
        edited[position] = buffer.text
        position = target
        buffer = LineBuffer(edited[target] ?? (target < history.count ? history[target] : ""))
    }
}
