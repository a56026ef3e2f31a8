/// One recipient stanza of an age header: its type, further arguments and body (a wrapped file
/// key). Types are compared byte for byte: `x25519` is not `X25519`.
struct AgeStanza {
    var type: String
    var arguments: [String]
    var body: [UInt8]

    /// The stanza's lines: `-> type args…`, then the body in base64 wrapped at 64 columns, always
    /// ending with a line shorter than 64 (empty if need be).
    func encoded() -> [UInt8] {
        var output = Array("-> ".utf8) + Array(([type] + arguments).joined(separator: " ").utf8) + [0x0a]
        let text = AgeBase64.encode(body)
        var start = 0
        while true {
            let end = min(start + AgeFormat.columns, text.count)
            output += text[start..<end]
            output.append(0x0a)
            if end - start < AgeFormat.columns { break }
            start = end
        }
        return output
    }
}
