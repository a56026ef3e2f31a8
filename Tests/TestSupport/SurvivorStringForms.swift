import Foundation
import Transliteration

/// The forms a survivor's words could take in stored bytes, for the tests that search a vault
/// file, a backup or a database dump for them: as written, upper and lower case, transliterated
/// to Latin, folded as the name index folds, and word by word (words of five letters or more).
public enum SurvivorStringForms {
    public static func needles(for values: [String]) -> Set<String> {
        var needles = Set<String>()
        for value in values {
            let latin = SerbianTransliteration.cyrillicToLatin(value)
            for form in [value, latin, NameFolding.searchKey(value)] {
                needles.formUnion([form, form.uppercased(), form.lowercased()])
            }
            for word in (value + " " + latin).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count >= 5 {
                needles.formUnion([String(word), word.uppercased(), word.lowercased()])
            }
            needles.formUnion(NameFolding.words(value).filter { $0.count >= 5 })
        }
        return needles
    }

    /// The needles found in `contents`, as UTF-8 or (for needles of four characters or more) as
    /// UTF-16: empty when none is.
    public static func found(_ needles: Set<String>, in contents: Data) -> [String] {
        needles.filter { needle in
            if contents.range(of: Data(needle.utf8)) != nil { return true }
            guard let utf16 = needle.data(using: .utf16LittleEndian), utf16.count >= 8 else { return false }
            return contents.range(of: utf16) != nil
        }.sorted()
    }
}
