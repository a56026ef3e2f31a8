/// The languages CaseVault speaks. Raw values are BCP 47 tags and catalog file names
/// (`Catalogs/sr-Cyrl.po`).
public enum Language: String, CaseIterable, Codable, Sendable {
    /// English, the source language of the catalogs.
    case english = "en"
    /// Serbian in Cyrillic, the master copy for Serbian.
    case serbianCyrillic = "sr-Cyrl"
    /// Serbian in Latin, generated from the Cyrillic catalog by transliteration.
    case serbianLatin = "sr-Latn"
    /// Romani (Latin script, Serbian standard orthography); awaiting native review.
    case romani = "rom"

    /// The file in `Catalogs/` that holds this language's messages.
    public var catalogFileName: String { "\(rawValue).po" }

    /// The CLDR plural rule (Romani has no CLDR data: one/other, marked for review).
    public var pluralRule: PluralRule {
        switch self {
        case .serbianCyrillic, .serbianLatin: .serbian
        case .english, .romani: .oneOther
        }
    }

    /// How the language writes dates and numbers.
    public var formats: LocaleFormats { LocaleFormats(language: self) }
}
