/// Serbian Cyrillic → Latin transliteration by the one-to-one table of the Serbian standard
/// (domain.md). Latin → Cyrillic is deliberately absent: it is ambiguous (nadživeti, injekcija).
public enum SerbianTransliteration {
    static let table: [Character: String] = [
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž", "З": "Z",
        "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O",
        "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "Ć", "У": "U", "Ф": "F", "Х": "H", "Ц": "C",
        "Ч": "Č", "Џ": "Dž", "Ш": "Š",
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
        "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
        "ч": "č", "џ": "dž", "ш": "š",
    ]
    static let digraphCapitals: Set<Character> = ["Љ", "Њ", "Џ"]

    /// Latin text for Serbian Cyrillic `text`; characters outside the Serbian alphabet pass
    /// through unchanged. Љ, Њ and Џ become Lj, Nj, Dž, or LJ, NJ, DŽ inside all-capital words.
    public static func cyrillicToLatin(_ text: String) -> String {
        let characters = Array(text.precomposedStringWithCanonicalMapping)
        var result = ""
        result.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            guard let latin = table[character] else {
                result.append(character)
                continue
            }
            if digraphCapitals.contains(character), isInAllCapitalWord(characters, at: index) {
                result += latin.uppercased()
            } else {
                result += latin
            }
        }
        return result
    }

    /// True when the letter at `index` belongs to a word of two or more letters that are all
    /// capitals (the next letter decides; a word-final letter looks at the previous one).
    static func isInAllCapitalWord(_ characters: [Character], at index: Int) -> Bool {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        if let next, next.isLetter { return next.isUppercase }
        let previous = index > 0 ? characters[index - 1] : nil
        if let previous, previous.isLetter { return previous.isUppercase }
        return false
    }
}
