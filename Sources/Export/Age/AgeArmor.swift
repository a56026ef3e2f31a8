/// age's ASCII armor: strict PEM (RFC 7468) with the label `AGE ENCRYPTED FILE`, base64 with
/// padding in lines of exactly 64 columns but the last (1 to 64), LF or CRLF line ends, no
/// headers, and only whitespace before the first and after the last line. For files pasted
/// into mail or tickets.
public enum AgeArmor {
    private static let begin = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)
    private static let end = Array("-----END AGE ENCRYPTED FILE-----".utf8)
    private static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0a, 0x0d]

    /// The armored form of an age file, with LF line ends.
    public static func encode(_ file: [UInt8]) -> [UInt8] {
        let text = PaddedBase64.encode(file)
        var output = begin + [0x0a]
        var start = 0
        while start < text.count {
            let stop = min(start + AgeFormat.columns, text.count)
            output += text[start..<stop] + [0x0a]
            start = stop
        }
        return output + end + [0x0a]
    }

    /// The age file inside `armored`; `armorFailure` for anything but the strict form.
    public static func decode(_ armored: [UInt8]) throws -> [UInt8] {
        guard let first = armored.firstIndex(where: { !whitespace.contains($0) }),
              let last = armored.lastIndex(where: { !whitespace.contains($0) })
        else { throw AgeError.armorFailure }
        let lines = armored[first...last].split(separator: 0x0a, omittingEmptySubsequences: false).map { line in
            line.last == 0x0d ? line.dropLast() : line
        }
        guard lines.count >= 2, lines[0].elementsEqual(begin), lines[lines.count - 1].elementsEqual(end) else {
            throw AgeError.armorFailure
        }
        let body = lines[1..<(lines.count - 1)]
        var text: [UInt8] = []
        for (index, line) in body.enumerated() {
            let isLast = index == body.count - 1
            guard isLast ? (1...AgeFormat.columns).contains(line.count) : line.count == AgeFormat.columns else {
                throw AgeError.armorFailure
            }
            text += line
        }
        guard let file = PaddedBase64.decode(text) else { throw AgeError.armorFailure }
        return file
    }
}

/// Padded canonical base64, the armor's encoding, built on the unpadded form of the header.
enum PaddedBase64 {
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let text = AgeBase64.encode(bytes)
        return text + [UInt8](repeating: UInt8(ascii: "="), count: (4 - text.count % 4) % 4)
    }

    /// nil unless the length is a multiple of 4, padding only at the end (at most two) and the
    /// encoding canonical.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        let padding = text.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return nil }
        return AgeBase64.decode(text.dropLast(padding))
    }
}
