import CaseStore
import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny fixed-seed generator, so every run of the
/// benchmark builds the same documents and picks the same samples. Never used for secrets.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// Serbian Latin → Cyrillic for the benchmark's own name and word lists (which avoid the
/// ambiguous cases the product deliberately does not handle), and the diacritic-free spelling
/// people type on a plain keyboard.
enum SerbianScript {
    private static let digraphs: [String: String] = [
        "Lj": "Љ", "LJ": "Љ", "lj": "љ", "Nj": "Њ", "NJ": "Њ", "nj": "њ", "Dž": "Џ", "DŽ": "Џ", "dž": "џ",
    ]
    private static let letters: [Character: Character] = [
        "A": "А", "B": "Б", "C": "Ц", "Č": "Ч", "Ć": "Ћ", "D": "Д", "Đ": "Ђ", "E": "Е", "F": "Ф", "G": "Г",
        "H": "Х", "I": "И", "J": "Ј", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О", "P": "П", "R": "Р",
        "S": "С", "Š": "Ш", "T": "Т", "U": "У", "V": "В", "Z": "З", "Ž": "Ж",
        "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г",
        "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
        "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
    ]
    private static let ascii: [Character: String] = [
        "Č": "C", "Ć": "C", "Đ": "Dj", "Š": "S", "Ž": "Z", "č": "c", "ć": "c", "đ": "dj", "š": "s", "ž": "z",
    ]

    static func cyrillic(_ latin: String) -> String {
        let characters = Array(latin)
        var result = ""
        var index = 0
        while index < characters.count {
            if index + 1 < characters.count, let pair = digraphs[String(characters[index...index + 1])] {
                result += pair
                index += 2
            } else {
                result.append(letters[characters[index]] ?? characters[index])
                index += 1
            }
        }
        return result
    }

    static func withoutDiacritics(_ latin: String) -> String {
        latin.map { ascii[$0] ?? String($0) }.joined()
    }
}

/// The name a synthetic case was given, kept so that search queries can target names that exist.
struct SyntheticName {
    var first: String
    var surname: String
    var cyrillic: Bool
}

/// Makes the benchmark's case documents from a fixed seed: Serbian names in Latin or Cyrillic,
/// Rasina district municipalities, past dates, and a narrative sized so that the sealed document
/// (canonical JSON + 29 bytes of version, nonce and tag) is about 1 KiB.
struct CaseGenerator {
    /// Canonical JSON bytes aimed for: 1024 − `SealedValue.overhead`.
    static let targetJSONBytes = 1024 - 29

    private var rng: SplitMix64
    private let encoder: JSONEncoder
    /// Every name generated so far, in order.
    private(set) var names: [SyntheticName] = []

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes] // as CaseDocumentCodec.encode
    }

    mutating func batch(_ count: Int) -> [CaseDocument] { (0..<count).map { _ in next() } }

    mutating func next() -> CaseDocument {
        let roll = Int.random(in: 0..<100, using: &rng)
        let sex: Sex = roll < 85 ? .female : roll < 95 ? .male : roll < 97 ? .other : .unknown
        let first = rng.pick(sex == .male ? Vocabulary.maleFirstNames : Vocabulary.femaleFirstNames)
        let surname = rng.pick(Vocabulary.surnames)
        let cyrillic = rng.chance(40)
        names.append(SyntheticName(first: first, surname: surname, cyrillic: cyrillic))
        func script(_ latin: String) -> String { cyrillic ? SerbianScript.cyrillic(latin) : latin }
        let language = cyrillic ? "sr-Cyrl" : rng.chance(8) ? "rom" : "sr-Latn"
        let phone = "+381 6\(rng.pick([0, 1, 2, 3, 4, 5, 6, 9])) \(Int.random(in: 100...999, using: &rng)) "
            + "\(Int.random(in: 100...9999, using: &rng))"
        var document = CaseDocument(
            survivor: .init(name: script("\(first) \(surname)"), phone: rng.chance(90) ? phone : nil,
                            birthDate: day(years: 1950...2007), sex: sex,
                            municipality: script(rng.pick(Vocabulary.municipalities)), language: language),
            incident: .init(date: day(years: 2015...2024), narrative: "", type: rng.pick(IncidentType.allCases)),
            consent: .init(statistics: rng.chance(80))
        )
        let used = (try? encoder.encode(document).count) ?? 300
        document.incident.narrative = narrative(bytes: Self.targetJSONBytes - used, cyrillic: cyrillic)
        return document
    }

    private mutating func day(years: ClosedRange<Int>) -> String {
        let year = Int.random(in: years, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...28, using: &rng)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Words (none needing JSON escapes) up to `bytes` UTF-8 bytes, in sentences.
    private mutating func narrative(bytes: Int, cyrillic: Bool) -> String {
        let words = cyrillic ? Vocabulary.narrativeWordsCyrillic : Vocabulary.narrativeWords
        var text = ""
        var length = 0
        var sentence = 0
        while true {
            var word = rng.pick(words)
            if sentence == 0, let initial = word.first { word = initial.uppercased() + word.dropFirst() }
            sentence += 1
            let ending = sentence >= 10 || rng.chance(8) ? "." : ""
            if ending == "." { sentence = 0 }
            let piece = (text.isEmpty ? "" : " ") + word + ending
            let pieceLength = piece.utf8.count
            if length + pieceLength > bytes { break }
            text += piece
            length += pieceLength
        }
        return text
    }

    /// Surname-only queries for names present among the first `loaded` cases, each typed in the
    /// other script or without diacritics.
    func surnameQueries(count: Int, loaded: Int, rng: inout SplitMix64) -> [String] {
        (0..<count).map { _ in
            let name = names[Int.random(in: 0..<loaded, using: &rng)]
            return Self.retyped(name.surname, storedCyrillic: name.cyrillic, rng: &rng)
        }
    }

    /// "Surname First" queries (reversed order) for names present among the first `loaded` cases.
    func fullNameQueries(count: Int, loaded: Int, rng: inout SplitMix64) -> [String] {
        (0..<count).map { _ in
            let name = names[Int.random(in: 0..<loaded, using: &rng)]
            return Self.retyped("\(name.surname) \(name.first)", storedCyrillic: name.cyrillic, rng: &rng)
        }
    }

    /// A Latin name as someone would type it when the record is in the other script: Cyrillic for
    /// a Latin record (or plain ASCII), plain ASCII (lowercase half the time) for a Cyrillic one.
    static func retyped(_ latin: String, storedCyrillic: Bool, rng: inout SplitMix64) -> String {
        if !storedCyrillic, rng.chance(50) { return SerbianScript.cyrillic(latin) }
        let plain = SerbianScript.withoutDiacritics(latin)
        return rng.chance(50) ? plain.lowercased() : plain
    }
}
