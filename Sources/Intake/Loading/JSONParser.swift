/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports the line and column of the first
/// error. Nesting is limited so a hostile file cannot exhaust the stack.
struct JSONParser {
    static let maximumDepth = 64

    /// Where and why the text is not JSON.
    struct SyntaxError: Error, Equatable {
        let line: Int
        let column: Int
    }

    let bytes: [UInt8]
    var offset = 0

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw parser.error() }
        return value
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The error at the current offset: 1-based line and column (in characters).
    func error() -> SyntaxError {
        let prefix = bytes[..<min(offset, bytes.count)]
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = prefix.filter { $0 == 0x0A }.count + 1
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return SyntaxError(line: line, column: column)
    }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            offset += 1
        }
    }

    mutating func expect(_ literal: String) throws(SyntaxError) {
        for byte in literal.utf8 {
            guard current == byte else { throw error() }
            offset += 1
        }
    }

    mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth, let byte = current else { throw error() }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return .number(try number())
        }
    }

    mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        offset += 1
        skipWhitespace()
        var members: [JSONMember] = []
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw error() }
            let key = try string()
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
            } else {
                try expect("}")
                return .object(members)
            }
        }
    }

    mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
        offset += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
            } else {
                try expect("]")
                return .array(elements)
            }
        }
    }

    mutating func number() throws(SyntaxError) -> String {
        let start = offset
        if current == UInt8(ascii: "-") { offset += 1 }
        guard let first = current, isDigit(first) else { throw error() }
        offset += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            offset += 1
            guard let byte = current, isDigit(byte) else { throw error() }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard let byte = current, isDigit(byte) else { throw error() }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    mutating func skipDigits() {
        while let byte = current, isDigit(byte) { offset += 1 }
    }

    mutating func string() throws(SyntaxError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ parser: inout JSONParser) throws(SyntaxError) {
            var bytes = parser.bytes[runStart..<parser.offset].makeIterator()
            var decoder = Unicode.UTF8.ForwardParser()
            while true {
                switch decoder.parseScalar(from: &bytes) {
                case .valid(let encoded):
                    scalars.append(Unicode.UTF8.decode(encoded))
                    runStart += encoded.count
                case .emptyInput:
                    return
                case .error:
                    parser.offset = runStart
                    throw parser.error()
                }
            }
        }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                try flush(&self)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(&self)
                offset += 1
                scalars.append(try escape())
                runStart = offset
            case 0..<0x20:
                throw error()
            default:
                offset += 1
            }
        }
        throw error()
    }

    mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        guard let byte = current else { throw error() }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hexQuad()
            if (0xD800..<0xDC00).contains(high) {
                try expect("\\u")
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else { throw error() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw error() }
            return scalar
        default:
            offset -= 1
            throw error()
        }
    }

    mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else { throw error() }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
