/// Chooses the language of a run: the `--lang` value, then `CASEVAULT_LANG`, then the POSIX
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first non-empty one decides), else English.
/// A pure function of its inputs, so it is tested as a table.
public enum LanguageResolver {
    /// The language to use. An unsupported `--lang` or `CASEVAULT_LANG` is an error (the user
    /// asked for it explicitly); an unsupported POSIX locale (`C`, `de_DE`) means English.
    public static func resolve(explicit: String?, environment: [String: String]) throws(LanguageError) -> Language {
        if let explicit, !explicit.isEmpty {
            guard let language = language(forTag: explicit) else {
                throw LanguageError(value: explicit, source: "--lang")
            }
            return language
        }
        if let value = environment["CASEVAULT_LANG"], !value.isEmpty {
            guard let language = language(forTag: value) else {
                throw LanguageError(value: value, source: "CASEVAULT_LANG")
            }
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return language(forTag: value) ?? .english
        }
        return .english
    }

    /// The language a BCP 47 tag or POSIX locale names: `sr_RS@latin`, `sr-Latn`, `sr@latin` →
    /// sr-Latn; `sr_RS`, `sr`, `sr-Cyrl-RS` → sr-Cyrl; `rom`, `rmy`, `rmn` (any region) → rom;
    /// `en`, `en_GB.UTF-8` → en. Case-insensitive; nil for anything else.
    public static func language(forTag tag: String) -> Language? {
        var text = tag.lowercased()
        var modifier: Substring = ""
        if let at = text.firstIndex(of: "@") {
            modifier = text[text.index(after: at)...]
            text = String(text[..<at])
        }
        if let dot = text.firstIndex(of: ".") {
            text = String(text[..<dot])
        }
        let parts = text.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let primary = parts.first else { return nil }
        switch primary {
        case "en": return .english
        case "rom", "rmy", "rmn": return .romani
        case "sr":
            let latin = modifier == "latin" || parts.dropFirst().contains("latn")
            return latin ? .serbianLatin : .serbianCyrillic
        default: return nil
        }
    }
}

/// A language that was asked for explicitly is not one CaseVault has.
public struct LanguageError: Error, Equatable, Sendable {
    /// What was given.
    public let value: String
    /// Where it came from: `--lang` or `CASEVAULT_LANG`.
    public let source: String
}
