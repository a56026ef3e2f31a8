import Transliteration

/// Generates `sr-Latn.po` from the Cyrillic master `sr-Cyrl.po`: every translation and the
/// header go through `SerbianTransliteration.cyrillicToLatin`, the `Language` header becomes
/// `sr@latin`, and a notice says the file is generated. A test regenerates it and fails on any
/// difference; docs/intake.md says how to rewrite the file.
public enum SerbianLatinCatalog {
    /// The notice written at the top of the generated file.
    public static let notice = [
        "GENERATED from sr-Cyrl.po by SerbianLatinCatalog.generate; do not edit.",
        "Fix Serbian text in sr-Cyrl.po, then regenerate (docs/intake.md).",
    ]

    /// The text of `sr-Latn.po` for the Cyrillic catalog text `cyrillic`.
    public static func generate(fromCyrillic cyrillic: String) throws(CatalogError) -> String {
        var file = try POParser.parse(cyrillic, file: Language.serbianCyrillic.catalogFileName)
        for index in file.entries.indices {
            var entry = file.entries[index]
            entry.strings = entry.strings.map(SerbianTransliteration.cyrillicToLatin)
            if entry.isHeader {
                entry.translatorComments = notice
                entry.strings = entry.strings.map(latinHeader)
            }
            file.entries[index] = entry
        }
        return POWriter.write(file)
    }

    static func latinHeader(_ header: String) -> String {
        header.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("Language:") ? "Language: sr@latin" : String(line)
        }.joined(separator: "\n")
    }
}
