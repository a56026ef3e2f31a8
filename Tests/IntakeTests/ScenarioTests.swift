import Foundation
import Intake
import XCTest

/// Whole intakes typed in each language, from fixtures: the engine asks exactly the listed
/// questions in order and produces the listed case-document fields.
final class ScenarioTests: XCTestCase {
    struct Scenario: Decodable {
        let language: String
        let answers: [[String]]
        let incidentType: String
        let documentFields: [String: DocumentValue]
    }

    func testWholeIntakesInEachLanguage() throws {
        for name in ["sr-Cyrl", "rom", "en"] {
            let scenario = try Fixtures.decode(Scenario.self, "scenarios/\(name).json")
            let language = try XCTUnwrap(Language(rawValue: scenario.language))
            var driver = EngineDriver(engine: try Fixtures.engine(language))
            driver.run(scenario.answers)
            XCTAssertNil(driver.engine.current, "\(name): questions left")
            let result = try driver.engine.confirm()
            XCTAssertEqual(result.incidentType?.rawValue, scenario.incidentType, name)
            XCTAssertEqual(result.documentFields, scenario.documentFields, name)
            let encoded = try JSONEncoder().encode(result)
            XCTAssertEqual(try JSONDecoder().decode(IntakeResult.self, from: encoded), result, name)
        }
    }

    func testSerbianLatinSessionReadsCyrillicTypingToo() throws {
        let scenario = try Fixtures.decode(Scenario.self, "scenarios/sr-Cyrl.json")
        var driver = EngineDriver(engine: try Fixtures.engine(.serbianLatin))
        driver.run(scenario.answers)
        XCTAssertEqual(try driver.engine.confirm().documentFields, scenario.documentFields)
    }
}
