import VaultCrypto

/// A case's public handle, such as `K7Q-4M2X`: random, non-identifying, easy to read aloud.
/// Crockford base32 (no I, L, O, U), 8 characters = 40 random bits.
public struct CaseCode: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// Crockford base32: the 32 symbols of a code, also those of other random handles.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The canonical form, `XXXX-XXXX`.
    public let rawValue: String

    /// Parses a code as a person may type it: any case, with or without the dash, O for 0 and
    /// I or L for 1. Nil when it cannot be a case code.
    public init?(_ typed: String) {
        var symbols: [Character] = []
        for character in typed.uppercased() where character != "-" && character != " " {
            let mapped: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            guard Self.alphabet.contains(mapped) else { return nil }
            symbols.append(mapped)
        }
        guard symbols.count == 8 else { return nil }
        rawValue = String(symbols[0..<4]) + "-" + String(symbols[4..<8])
    }

    /// A fresh random code: 40 random bits, five bits per symbol.
    static func random() throws -> CaseCode {
        let bytes = try SecureRandom.bytes(count: 5)
        return CaseCode(bits: bytes.reduce(UInt64(0)) { ($0 << 8) | UInt64($1) })
    }

    /// The code of the low 40 bits of `bits`, five bits per symbol.
    init(bits: UInt64) {
        var symbols = ""
        for index in 0..<8 {
            if index == 4 { symbols.append("-") }
            symbols.append(Self.alphabet[Int((bits >> UInt64(35 - 5 * index)) & 31)])
        }
        rawValue = symbols
    }

    public var description: String { rawValue }

    public static func < (lhs: CaseCode, rhs: CaseCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
