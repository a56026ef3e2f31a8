import Foundation
import Intake
import XCTest

/// Test data files in `Fixtures/`, and the standard form and catalogs every test shares.
enum Fixtures {
    struct Missing: Error { let name: String }

    static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw Missing(name: name) }
        let url = base.appending(path: "Fixtures").appending(path: name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(name: name) }
        return url
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: data(name))
    }

    /// The day all engine tests treat as today.
    static let today = CalendarDay(year: 2026, month: 3, day: 25) ?? CalendarDay.today()

    static func catalogs() throws -> [Catalog] {
        try IntakeResources.catalogs()
    }

    static func form() throws -> FormDefinition {
        try IntakeResources.form(catalogs: catalogs())
    }

    static func localizer(_ language: Language) throws -> Localizer {
        try IntakeResources.localizer(for: language)
    }

    static func engine(_ language: Language = .english) throws -> IntakeEngine {
        IntakeEngine(form: try form(), localizer: try localizer(language), today: today)
    }

    /// The repository's `Catalogs/` folder, for the sr-Latn regeneration helper.
    static func catalogsFolder() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Catalogs")
    }
}

/// A short name for an answer problem's kind, as fixtures write it (`numberTooLarge`).
func code(of problem: AnswerProblem) -> String {
    String(String(describing: problem).prefix { $0 != "(" })
}
