#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 4180 CSV as UTF-8 bytes, for exports a spreadsheet opens: records end in CRLF, and a
/// field is quoted (its quotes doubled) only when it holds a comma, a quote, CR or LF. Bytes
/// accumulate until `takeBytes()`, so a caller can write a long export to a file in pieces.
public struct CSVWriter: Sendable {
    /// The UTF-8 byte order mark: Excel reads a CSV without it in the Windows code page, which
    /// garbles "Kruševac"; LibreOffice and Python's `utf-8-sig` read it as a mark, not as text.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var bytes: [UInt8]

    /// A writer whose output starts with the byte order mark when `byteOrderMark` is true.
    public init(byteOrderMark: Bool) {
        bytes = byteOrderMark ? Self.byteOrderMark : []
    }

    /// Appends one record. Most records need no quotes at all: they are joined as they are and
    /// checked once, so 100,000 records of 42 fields take a fraction of a second.
    public mutating func write(record fields: [String]) {
        var line = fields.joined(separator: ",")
        if !Self.isPlain(line, fieldCount: fields.count) {
            line = fields.map(Self.quotedIfNeeded).joined(separator: ",")
        }
        bytes.append(contentsOf: line.utf8)
        bytes.append(Self.carriageReturn)
        bytes.append(Self.lineFeed)
    }

    /// The bytes written since the last call, which the writer then forgets.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Whether `line`, fields joined by commas, holds no quote, CR, LF or NUL and no comma but
    /// the `fieldCount - 1` separators (scanned by libc, not byte by byte in Swift).
    private static func isPlain(_ line: String, fieldCount: Int) -> Bool {
        line.withCString { start in
            guard strcspn(start, "\"\r\n") == line.utf8.count else { return false }
            var commas = 0
            var next = strchr(start, Int32(comma))
            while let found = next {
                commas += 1
                next = strchr(found + 1, Int32(comma))
            }
            return commas == max(fieldCount - 1, 0)
        }
    }

    private static func quotedIfNeeded(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), carriageReturn: UInt8 = 0x0D, lineFeed: UInt8 = 0x0A
}
