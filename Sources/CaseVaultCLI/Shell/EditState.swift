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

    mutating func handle(_ key: Key) -> EditStep {
        let before = buffer
        switch key {
        case .character(let character): buffer.insert(character)
        case .backspace: buffer.deleteBackward()
        case .delete: buffer.deleteForward()
        case .left: buffer.moveLeft()
        case .right: buffer.moveRight()
        case .home: buffer.moveToStart()
        case .end: buffer.moveToEnd()
        case .killToStart: buffer.killToStart()
        case .killToEnd: buffer.killToEnd()
        case .deleteWordBack: buffer.deleteWordBackward()
        case .up: recall(position - 1)
        case .down: recall(position + 1)
        case .enter: return .finished(.line(buffer.text))
        case .interrupt: return .finished(.interrupted)
        case .clearScreen: return .finished(.clearScreen)
        case .endOfFile:
            guard !buffer.isEmpty else { return .finished(.endOfInput) }
            buffer.deleteForward()
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
