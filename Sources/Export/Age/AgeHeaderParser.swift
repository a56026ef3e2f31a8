/// Reads an age header strictly: LF line ends only, arguments of printable ASCII separated by
/// single spaces, bodies in canonical unpadded base64 wrapped at exactly 64 columns and ended by
/// a shorter line, and a `--- ` line with a 32-byte MAC. Anything else is `headerFailure`.
struct AgeHeaderParser {
    private let file: [UInt8]
    private var position = 0

    private init(_ file: [UInt8]) { self.file = file }

    static func parse(_ file: [UInt8]) throws -> AgeHeader {
        var parser = AgeHeaderParser(file)
        return try parser.parse()
    }

    /// The next line without its LF; a header line must end with one.
    private mutating func line() throws -> ArraySlice<UInt8> {
        guard let end = file[position...].firstIndex(of: 0x0a) else { throw AgeError.headerFailure }
        defer { position = end + 1 }
        return file[position..<end]
    }

    private mutating func parse() throws -> AgeHeader {
        guard try line().elementsEqual(AgeFormat.versionLine) else { throw AgeError.headerFailure }
        var stanzas: [AgeStanza] = []
        while true {
            let lineStart = position
            let text = try line()
            if text.starts(with: Array("---".utf8)) {
                guard text.count > 4, text[text.startIndex + 3] == 0x20,
                      let mac = AgeBase64.decode(text.dropFirst(4)), mac.count == AgeFormat.macLength
                else { throw AgeError.headerFailure }
                return AgeHeader(stanzas: stanzas, mac: mac, authenticatedRange: 0..<(lineStart + 3), payloadStart: position)
            }
            guard text.starts(with: Array("-> ".utf8)) else { throw AgeError.headerFailure }
            let arguments = text.dropFirst(3).split(separator: 0x20, omittingEmptySubsequences: false)
            guard let type = arguments.first,
                  arguments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 33 && $0 <= 126 } })
            else { throw AgeError.headerFailure }
            stanzas.append(AgeStanza(type: String(decoding: type, as: UTF8.self),
                                     arguments: arguments.dropFirst().map { String(decoding: $0, as: UTF8.self) },
                                     body: try body()))
        }
    }

    /// Body lines up to and including the first one shorter than 64 columns.
    private mutating func body() throws -> [UInt8] {
        var text: [UInt8] = []
        while true {
            let next = try line()
            guard next.count <= AgeFormat.columns else { throw AgeError.headerFailure }
            text += next
            if next.count < AgeFormat.columns { break }
        }
        guard let body = AgeBase64.decode(text) else { throw AgeError.headerFailure }
        return body
    }
}
