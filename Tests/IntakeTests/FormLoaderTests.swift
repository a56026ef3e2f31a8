import Foundation
@testable import Intake
import XCTest

final class FormLoaderTests: XCTestCase {
    struct Expectation: Decodable {
        let file: String
        let path: String
        let problem: String
        let language: String?
        let line: Int?
        let column: Int?
    }

    func miniCatalogs() throws -> [Catalog] {
        [
            try Catalog(language: .english, text: Fixtures.text("catalogs/en.po")),
            try Catalog(language: .serbianCyrillic, text: Fixtures.text("catalogs/sr-Cyrl.po")),
        ]
    }

    func load(_ name: String) throws -> FormDefinition {
        try FormLoader.load(Array(Fixtures.data("forms/\(name)")), catalogs: miniCatalogs())
    }

    func testEveryBrokenFormIsRefusedAtTheRightPlace() throws {
        let expectations = try Fixtures.decode([Expectation].self, "forms/expectations.json")
        XCTAssertGreaterThanOrEqual(expectations.count, 30)
        for expected in expectations {
            do {
                _ = try load(expected.file)
                XCTFail("\(expected.file) was accepted")
            } catch let error as FormError {
                XCTAssertEqual(error.path, expected.path, expected.file)
                XCTAssertEqual(error.problem.code, expected.problem, "\(expected.file): \(error)")
                if let language = expected.language {
                    guard case .missingTranslation(_, let actual) = error.problem else { continue }
                    XCTAssertEqual(actual.rawValue, language, expected.file)
                }
                if let line = expected.line, let column = expected.column {
                    XCTAssertEqual(error.problem, .invalidJSON(line: line, column: column), expected.file)
                }
            }
        }
    }

    func testMiniFormsLoad() throws {
        let form = try load("mini_valid.json")
        XCTAssertEqual(form.sections.first?.questions.map(\.id), ["name", "hurt", "where"])
        XCTAssertEqual(form.question("where")?.skipIf, .equals(question: "hurt", value: .bool(false)))
        let classified = try load("mini_classified.json")
        XCTAssertEqual(classified.classificationQuestions.compactMap(\.classifies), GBVType.decisionOrder)
    }

    func testStandardFormLoadsAgainstAllFourCatalogs() throws {
        let catalogs = try Fixtures.catalogs()
        XCTAssertEqual(catalogs.map(\.language), Language.allCases)
        let form = try IntakeResources.form(catalogs: catalogs)
        XCTAssertEqual(form.id, "gbv_intake")
        XCTAssertEqual(form.sections.map(\.id), ["consent", "survivor", "incident", "perpetrators", "safety", "services"])
        XCTAssertEqual(form.sections.first?.questions.first?.id, "consent_services", "consent comes first")
        XCTAssertEqual(form.classificationQuestions.compactMap(\.classifies), GBVType.decisionOrder)
        let types = Set(form.allQuestions.map(\.type))
        XCTAssertEqual(types, Set(QuestionType.allCases), "the form uses every question type")
    }

    func testStandardFormFillsTheDocumentFields() throws {
        let fields = Set(try Fixtures.form().allQuestions.compactMap(\.documentField))
        XCTAssertEqual(fields, Set(DocumentField.allCases).subtracting([.incidentType]))
    }

    func testEveryMessageOfTheStandardFormIsInEveryCatalog() throws {
        let form = try Fixtures.form()
        var ids = [form.title] + form.sections.flatMap { [$0.title] + ($0.help.map { [$0] } ?? []) }
        for question in form.allQuestions {
            ids += [question.prompt] + [question.help, question.itemTitle].compactMap { $0 }
            ids += question.choices.map(\.label)
        }
        for catalog in try Fixtures.catalogs() {
            for id in ids {
                XCTAssertTrue(catalog.contains(id), "\(id) missing in \(catalog.language.rawValue)")
            }
        }
    }

    func testStandardFormMunicipalitiesCoverRasinaAndMitrovicaRegion() throws {
        let choices = try XCTUnwrap(Fixtures.form().question("survivor_municipality")).choices.map(\.id)
        let expected = [
            "krusevac", "aleksandrovac", "brus", "varvarin", "trstenik", "cicevac", "mitrovica_south",
            "mitrovica_north", "vucitrn", "srbica", "leposavic", "zubin_potok", "zvecan", "other",
        ]
        XCTAssertEqual(choices, expected)
    }

    func testUnknownEmbeddedFormIsNotFound() throws {
        XCTAssertThrowsError(try IntakeResources.form(named: "nope", catalogs: [])) { error in
            XCTAssertEqual(error as? FormError, FormError(path: "", problem: .notFound("nope")))
        }
    }

    func testDeeplyNestedJSONIsRefusedWithoutCrashing() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try FormLoader.load(Array(text.utf8), catalogs: [])) { error in
            guard case .invalidJSON? = (error as? FormError)?.problem else { return XCTFail("\(error)") }
        }
    }

    func testJSONParserReadsEscapesAndKeepsNumbersExact() throws {
        let value = try JSONParser.parse(Array(#"{"a": "\u0436\ud83d\ude00\n", "b": 0.1, "c": [true, null]}"#.utf8))
        XCTAssertEqual(value, .object([
            JSONMember(key: "a", value: .string("ж😀\n")),
            JSONMember(key: "b", value: .number("0.1")),
            JSONMember(key: "c", value: .array([.bool(true), .null])),
        ]))
        for bad in [#"{"a": 01}"#, #"{"a": "\x"}"#, #"[1,]"#, "\"a\u{01}\"", #"{"a" 1}"#, "tru"] {
            XCTAssertThrowsError(try JSONParser.parse(Array(bad.utf8)), bad)
        }
    }
}
