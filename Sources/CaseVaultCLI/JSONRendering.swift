import Foundation

/// Stable, pipe-friendly JSON output (sorted keys, pretty-printed). The encoder escapes C0
/// control characters itself; DEL, C1 and the bidirectional overrides (`TerminalSafeText`) are
/// valid raw in JSON, so they are escaped here as `\u007f`, `\u009b`, `\u202e`: JSON read on a
/// terminal cannot move the cursor or reorder text either. They can only occur inside strings,
/// so the document means exactly the same.
enum JSONRendering {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return escapingUnsafeScalars(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func escapingUnsafeScalars(_ json: String) -> String {
        // C0 stays: the encoder escaped it inside strings, and outside them it is the layout.
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x7F && TerminalSafeText.isUnsafe(scalar) }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
