/// `NameFolding.words` for the names nearly every record has — Serbian Cyrillic or Latin letters
/// (with their diacritics, precomposed), ASCII letters and digits, spaces and a few separators —
/// in one pass over the UTF-8 bytes, without a string per character. On such input each step of
/// the general pipeline is a fixed per-letter mapping (lowercasing comes before transliteration,
/// so Љ, Њ and Џ never need their neighbours; nothing decomposes; no letter is a ligature), so the
/// result is the same; `NameFoldingFastPathTests` compares the two on random names. Any other
/// scalar (a combining mark, another script, other punctuation) returns nil and the general
/// pipeline runs. Written by hand: the folding is this project's own rule (domain.md).
enum NameFoldingFastPath {
    /// Folded words, or nil when `text` has a scalar outside the fast path's alphabet.
    static func words(_ text: String) -> [String]? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let latin = fold(scalar) else { return nil }
            folded += latin
        }
        var words: [String] = []
        var word: [UInt8] = []
        var index = 0
        while index <= folded.count {
            let byte = index < folded.count ? folded[index] : separator
            if byte == separator {
                if !word.isEmpty {
                    let text = String(decoding: word, as: UTF8.self)
                    if !words.contains(text) { words.append(text) }
                    word.removeAll(keepingCapacity: true)
                }
            } else if byte == UInt8(ascii: "d"), index + 1 < folded.count, folded[index + 1] == UInt8(ascii: "j") {
                // "dj" → "d", left to right without overlap, as `replacingOccurrences` does.
                word.append(byte)
                index += 1
            } else {
                word.append(byte)
            }
            index += 1
        }
        return words
    }

    /// Marks a place between words in the folded bytes.
    private static let separator: UInt8 = 0x20

    /// The folded ASCII of one scalar: a letter or digit, `separator`, nothing (for the two ASCII
    /// diacritics the general pipeline strips), or nil outside the alphabet.
    private static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39: return [UInt8(value)]
        case 0x41...0x5A: return [UInt8(value + 0x20)]
        case 0x20, 0x2C, 0x2D, 0x2E, 0x27: return [separator]
        case 0x5E, 0x60: return []
        default: return serbian[value]
        }
    }

    /// Serbian letters outside ASCII, both cases, to their folded ASCII.
    private static let serbian: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let latin: [(Character, String)] = [("č", "c"), ("ć", "c"), ("ž", "z"), ("š", "s"), ("đ", "dj"),
                                             ("Č", "c"), ("Ć", "c"), ("Ž", "z"), ("Š", "s"), ("Đ", "dj")]
        let cyrillic: [(String, String)] = [
            ("аА", "a"), ("бБ", "b"), ("вВ", "v"), ("гГ", "g"), ("дД", "d"), ("ђЂ", "dj"), ("еЕ", "e"), ("жЖ", "z"), ("зЗ", "z"),
            ("иИ", "i"), ("јЈ", "j"), ("кК", "k"), ("лЛ", "l"), ("љЉ", "lj"), ("мМ", "m"), ("нН", "n"), ("њЊ", "nj"), ("оО", "o"),
            ("пП", "p"), ("рР", "r"), ("сС", "s"), ("тТ", "t"), ("ћЋ", "c"), ("уУ", "u"), ("фФ", "f"), ("хХ", "h"), ("цЦ", "c"),
            ("чЧ", "c"), ("џЏ", "dz"), ("шШ", "s"),
        ]
        for (letter, ascii) in latin { table[letter.unicodeScalars.first!.value] = Array(ascii.utf8) }
        for (letters, ascii) in cyrillic {
            for letter in letters.unicodeScalars { table[letter.value] = Array(ascii.utf8) }
        }
        return table
    }()
}
