/// Reads lines from input that is not a terminal (commands or a note piped to `casevault shell`): bytes
/// up to LF, with a CR before it dropped; no prompt, no echo, no escape sequences. A last line
/// without LF still counts; after it comes `.endOfInput`. A timeout drops a partial line.
/// Bytes are collected in a `SecretBuffer`, so a passphrase read this way is zeroed too.
struct PlainLineReader {
    private enum Stop {
        case lineEnd
        case timedOut
        case endOfInput
    }

    let reader: ByteReader

    func readLine(idleTimeout: Double?) throws(LineEditorError) -> LineEditorResult {
        let buffer = SecretBuffer()
        switch try collect(into: buffer, idleTimeout: idleTimeout) {
        case .lineEnd: return .line(String(decoding: buffer.take(), as: UTF8.self))
        case .timedOut: return .timedOut
        case .endOfInput: return .endOfInput
        }
    }

    /// Lines up to one holding only the end marker (left out) or to the end of the input,
    /// joined by LF; each line is read whole, however long.
    func readText(idleTimeout: Double?) throws(LineEditorError) -> LineEditorResult {
        var rows: [String] = []
        while true {
            switch try readLine(idleTimeout: idleTimeout) {
            case .line(let row) where row == TextEntry.endMarker:
                return .line(rows.joined(separator: "\n"))
            case .line(let row):
                rows.append(row)
            case .endOfInput:
                return rows.isEmpty ? .endOfInput : .line(rows.joined(separator: "\n"))
            case let other:
                return other
            }
        }
    }

    /// Like `readLine`, but the bytes are returned as they are.
    func readSecret(idleTimeout: Double?) throws(LineEditorError) -> LineEditorResult {
        let buffer = SecretBuffer()
        switch try collect(into: buffer, idleTimeout: idleTimeout) {
        case .lineEnd: return .secret(buffer.take())
        case .timedOut: return .timedOut
        case .endOfInput: return .endOfInput
        }
    }

    private func collect(into buffer: SecretBuffer, idleTimeout: Double?) throws(LineEditorError) -> Stop {
        var carriageReturn = false
        while true {
            let event = try reader.next(idleTimeout: idleTimeout)
            if case .byte(0x0A) = event { return .lineEnd }
            if carriageReturn { buffer.append([0x0D]) }
            carriageReturn = false
            switch event {
            case .byte(0x0D):
                carriageReturn = true
            case .byte(let byte):
                buffer.append([byte])
            case .timedOut:
                return .timedOut
            case .endOfInput:
                return buffer.isEmpty ? .endOfInput : .lineEnd
            }
        }
    }
}
