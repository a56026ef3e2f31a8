/// Strict hexadecimal conversion for test vectors: even length, digits `0-9a-fA-F` only, so a
/// malformed vector fails loudly instead of silently decoding to the wrong bytes.
enum Hex {
    /// A string that is not valid hex.
    struct InvalidHex: Error, CustomStringConvertible {
        let text: String
        var description: String { "invalid hex string \"\(text.prefix(40))\"" }
    }

    /// Decodes `text` into bytes.
    static func decode(_ text: String) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { throw InvalidHex(text: text) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { throw InvalidHex(text: text) }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Lower-case hex of `bytes`, for failure messages.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A byte string that a JSON vector file stores as a hex string.
struct HexBytes: Decodable, Equatable, Sendable {
    /// The decoded bytes.
    let bytes: [UInt8]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            bytes = try Hex.decode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Number of bytes.
    var count: Int { bytes.count }
}
