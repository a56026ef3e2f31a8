/// The forms and catalogs built into the binary (from `Forms/*.json` and `Catalogs/*.po`, embedded
/// by the EmbedDataPlugin), so a copied `casevault` needs no data files.
public enum IntakeResources {
    /// The standard GBVIMS-style intake (`Forms/gbv_intake.json`).
    public static let standardFormName = "gbv_intake"

    /// The embedded text of a language's catalog, if present.
    public static func catalogText(_ language: Language) -> String? {
        EmbeddedCatalogs.files.first { $0.name == language.catalogFileName }?.text
    }

    /// A language's parsed catalog.
    public static func catalog(_ language: Language) throws(CatalogError) -> Catalog {
        guard let text = catalogText(language) else { throw .notFound(file: language.catalogFileName) }
        return try Catalog(language: language, text: text)
    }

    /// The catalogs of all languages.
    public static func catalogs() throws(CatalogError) -> [Catalog] {
        var result: [Catalog] = []
        for language in Language.allCases {
            result.append(try catalog(language))
        }
        return result
    }

    /// A localizer for `language` that falls back to English for a message it lacks.
    public static func localizer(for language: Language) throws(CatalogError) -> Localizer {
        let fallback = language == .english ? nil : try catalog(.english)
        return Localizer(catalog: try catalog(language), fallback: fallback)
    }

    /// The embedded form `name`, checked against `catalogs` (every message id it uses must be
    /// translated in each of them).
    public static func form(named name: String = standardFormName, catalogs: [Catalog]) throws(FormError) -> FormDefinition {
        guard let text = EmbeddedForms.files.first(where: { $0.name == "\(name).json" })?.text else {
            throw FormError(path: "", problem: .notFound(name))
        }
        return try FormLoader.load(Array(text.utf8), catalogs: catalogs)
    }
}
