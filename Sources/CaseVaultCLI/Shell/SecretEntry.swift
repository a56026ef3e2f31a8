/// Typing a passphrase: bytes only, nothing shown, no history, no cursor movement. Backspace
/// removes the last character and Ctrl-U everything. The bytes live in a `SecretBuffer`, so
/// they are zeroed however the entry ends; on Enter they move into the result.
struct SecretEntry: LineEntry {
    private let buffer = SecretBuffer()

    var echo: LineBuffer? { nil }

    func handle(_ key: Key) -> EditStep {
        switch key {
        case .character(let character):
            buffer.append(String(character).utf8)
        case .backspace:
            buffer.removeLastScalar()
        case .killToStart:
            buffer.removeAll()
        case .enter:
            return .finished(.secret(buffer.take()))
        case .interrupt:
            buffer.removeAll()
            return .finished(.interrupted)
        case .endOfFile where buffer.isEmpty:
            return .finished(.endOfInput)
        default:
            break
        }
        return .unchanged
    }
}
