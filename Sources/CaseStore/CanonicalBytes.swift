/// The byte layout every signed statement and the audit chain hash use (docs/vault-format.md,
/// "Authenticity"): a label, then fields, each length-prefixed so that no byte can move from one
/// field to the next without changing the message. Written by hand: it is a few lines, and the
/// layout is pinned by known-answer tests.
struct CanonicalBytes {
    private(set) var bytes: [UInt8]

    init(label: String) {
        bytes = Array(label.utf8)
        bytes.append(0)
    }

    /// Starts with `prefix` as it is (the audit chain's label has no separator, docs/audit.md).
    init(prefix: [UInt8]) { bytes = prefix }

    /// Bytes of fixed length, without a length prefix.
    mutating func raw(_ value: [UInt8]) { bytes += value }

    /// `u32be(len) ‖ value`, or `FF FF FF FF` for nil.
    mutating func field(_ value: [UInt8]?) {
        guard let value else {
            bytes += [0xFF, 0xFF, 0xFF, 0xFF]
            return
        }
        bytes += Self.bigEndian(UInt32(value.count))
        bytes += value
    }

    mutating func field(_ text: String?) { field(text.map { Array($0.utf8) }) }

    mutating func number(_ value: Int64) { bytes += Self.bigEndian(UInt64(bitPattern: value)) }

    mutating func number(_ value: Int) { number(Int64(value)) }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}

/// Reads what `CanonicalBytes` wrote; every read fails (nil) past the end or on a bad length.
struct CanonicalReader {
    private let bytes: [UInt8]
    private var index = 0

    init?(_ bytes: [UInt8], label: String) {
        let prefix = Array(label.utf8) + [0]
        guard bytes.count >= prefix.count, Array(bytes.prefix(prefix.count)) == prefix else { return nil }
        self.bytes = bytes
        index = prefix.count
    }

    var atEnd: Bool { index == bytes.count }

    mutating func field() -> [UInt8]?? {
        guard let length = fixed(4) else { return nil }
        if length == [0xFF, 0xFF, 0xFF, 0xFF] { return .some(nil) }
        let count = length.reduce(0) { $0 << 8 | Int($1) }
        guard let value = fixed(count) else { return nil }
        return .some(value)
    }

    mutating func text() -> String? {
        guard case .some(.some(let value)) = field() else { return nil }
        return String(validating: value, as: UTF8.self)
    }

    mutating func key(length: Int) -> [UInt8]? {
        guard case .some(.some(let value)) = field(), value.count == length else { return nil }
        return value
    }

    mutating func number() -> Int64? {
        guard let raw = fixed(8) else { return nil }
        return Int64(bitPattern: raw.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    mutating func flag() -> Bool? {
        guard let raw = fixed(1), raw[0] <= 1 else { return nil }
        return raw[0] == 1
    }

    private mutating func fixed(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - index >= count else { return nil }
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }
}
