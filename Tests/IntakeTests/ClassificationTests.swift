import Intake
import XCTest

/// The GBVIMS decision table of domain.md: asked in order, the first yes decides.
final class ClassificationTests: XCTestCase {
    struct Row: Decodable {
        let name: String
        let yes: [String]
        let type: String
    }

    func rows() throws -> [Row] {
        try Fixtures.decode([Row].self, "classification_table.json")
    }

    func testClassifierGivesTheTypeOfEveryRow() throws {
        for row in try rows() {
            var answers: [GBVType: Bool] = [:]
            for kind in GBVType.decisionOrder {
                answers[kind] = row.yes.contains(kind.rawValue)
            }
            XCTAssertEqual(IncidentClassifier.classify(answers).rawValue, row.type, row.name)
        }
        XCTAssertEqual(IncidentClassifier.classify([:]), .nonGBV)
    }

    func testEngineAsksInOrderAndStopsAtTheFirstYes() throws {
        for row in try rows() {
            var driver = EngineDriver(engine: try Fixtures.engine(.english))
            driver.advance(to: "type_rape", with: EngineDriver.englishAnswers)
            var asked: [String] = []
            while let step = driver.engine.current, let kind = step.question.classifies {
                asked.append(kind.rawValue)
                try driver.engine.answer(row.yes.contains(kind.rawValue) ? "yes" : "no")
            }
            let firstYes = GBVType.decisionOrder.firstIndex { row.yes.contains($0.rawValue) }
            let expectedAsked = GBVType.decisionOrder.prefix(firstYes.map { $0 + 1 } ?? 6).map(\.rawValue)
            XCTAssertEqual(asked, expectedAsked, row.name)
            driver.advance(to: "services_requested", with: EngineDriver.englishAnswers)
            try driver.engine.answer("1")
            let result = try driver.engine.confirm()
            XCTAssertEqual(result.incidentType?.rawValue, row.type, row.name)
            XCTAssertEqual(result.documentFields["incident.type"], .text(row.type), row.name)
        }
    }

    func testChangingAnEarlierAnswerReclassifies() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.english))
        driver.advance(to: "services_requested", with: EngineDriver.englishAnswers)
        try driver.engine.answer("1")
        XCTAssertEqual(try driver.engine.confirm().incidentType, .physicalAssault)
        let discarded = try driver.engine.change(AnswerPath("type_rape"), to: .typed("yes"))
        XCTAssertEqual(discarded.map(\.description), ["type_physical_assault", "type_sexual_assault"])
        XCTAssertEqual(driver.engine.current?.path.description, "context_child_sexual_abuse", "the newly asked context flag")
        try driver.engine.answer("no")
        XCTAssertEqual(try driver.engine.confirm().incidentType, .rape)
    }
}
