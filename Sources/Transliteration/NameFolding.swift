import Foundation

/// The cross-script search key of domain.md: Serbian Cyrillic and Latin, with or without
/// diacritics, in any case, fold to one Latin key, so "Ђорђевић", "Đorđević", "Djordjevic" and
/// "Dordevic" find each other.
///
/// Steps: NFC; the ligatures Ǆ…ǌ (U+01C4–U+01CC) split into two letters; lowercase; Cyrillic →
/// Latin; đ → dj, ć/č → c, ž → z, š → s; any other diacritic dropped; then "dj" → "d", because
/// people typing without diacritics write Đ as either "Dj" or "D"; anything that is not a letter
/// or digit separates words. The d/dj merge can only widen a search (a name with a real "dj" also
/// matches its "d" spelling), never hide a match.
public enum NameFolding {
    static let ligatures: [Character: String] = [
        "\u{01C4}": "DŽ", "\u{01C5}": "Dž", "\u{01C6}": "dž",
        "\u{01C7}": "LJ", "\u{01C8}": "Lj", "\u{01C9}": "lj",
        "\u{01CA}": "NJ", "\u{01CB}": "Nj", "\u{01CC}": "nj",
    ]
    static let latinFolds: [Character: String] = ["đ": "dj", "ć": "c", "č": "c", "ž": "z", "š": "s"]

    /// The folded key of a whole name: words joined by single spaces.
    public static func searchKey(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of a name, in order, without duplicates.
    public static func words(_ text: String) -> [String] {
        NameFoldingFastPath.words(text) ?? generalWords(text)
    }

    /// `words` for any text, step by step as the type's comment lists them.
    static func generalWords(_ text: String) -> [String] {
        var expanded = ""
        for character in text.precomposedStringWithCanonicalMapping {
            expanded += ligatures[character] ?? String(character)
        }
        let latin = SerbianTransliteration.cyrillicToLatin(expanded.lowercased())
        var folded = ""
        for character in latin {
            folded += latinFolds[character] ?? String(character)
        }
        let stripped = folded.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
        let plain = String(String.UnicodeScalarView(stripped)).replacingOccurrences(of: "dj", with: "d")
        var seen = Set<String>()
        var result: [String] = []
        for word in plain.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let text = String(word)
            if seen.insert(text).inserted { result.append(text) }
        }
        return result
    }
}
