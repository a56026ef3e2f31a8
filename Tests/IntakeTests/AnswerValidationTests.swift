import Foundation
import Intake
import XCTest

/// Every bad answer gets its problem and a message, and leaves the engine where it was.
final class AnswerValidationTests: XCTestCase {
    struct Case: Decodable {
        let name: String
        let question: String
        let input: String?
        let `repeat`: String?
        let times: Int?
        let bytesHex: String?
        let skip: Bool?
        let via: [String: String]?
        let problem: String
    }

    func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    func testEveryBadAnswerIsRefusedAndNothingIsLost() throws {
        let cases = try Fixtures.decode([Case].self, "bad_answers.json")
        let localizers = try Language.allCases.map(Fixtures.localizer)
        for item in cases {
            var driver = EngineDriver(engine: try Fixtures.engine(.english))
            let answers = EngineDriver.englishAnswers.merging(item.via ?? [:]) { $1 }
            driver.advance(to: item.question, with: answers)
            let before = driver.engine.snapshot()
            if item.question != "consent_services" {
                XCTAssertFalse(before.answers.isEmpty, item.name)
            }
            do {
                if item.skip == true {
                    try driver.engine.skip()
                } else if let hex = item.bytesHex {
                    try driver.engine.answer(.bytes(bytes(hex: hex)))
                } else if let unit = item.repeat, let times = item.times {
                    try driver.engine.answer(String(repeating: unit, count: times))
                } else {
                    try driver.engine.answer(item.input ?? "")
                }
                XCTFail("\(item.name): accepted")
            } catch {
                XCTAssertEqual(code(of: error.problem), item.problem, item.name)
                XCTAssertEqual(error.path?.description, item.question, item.name)
                for localizer in localizers {
                    let text = localizer.render(error.message)
                    XCTAssertFalse(text.isEmpty || text == error.message.id, "\(item.name) \(localizer.language)")
                }
            }
            XCTAssertEqual(driver.engine.current?.path.description, item.question, "\(item.name): same question")
            XCTAssertEqual(driver.engine.snapshot(), before, "\(item.name): earlier answers intact")
        }
    }

    func testFixtureCoversTheRequiredBadAnswers() throws {
        let problems = Set(try Fixtures.decode([Case].self, "bad_answers.json").map(\.problem))
        for required in ["required", "tooLong", "forbiddenCharacters", "invalidEncoding", "invalidDate",
                         "dateInFuture", "dateAfter", "numberTooLarge"] {
            XCTAssertTrue(problems.contains(required), required)
        }
    }

    func testReportDateBeforeTheIncidentDateIsRefusedOnChange() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.english))
        driver.advance(to: "incident_time", with: EngineDriver.englishAnswers)
        let before = driver.engine.snapshot()
        XCTAssertThrowsError(try driver.engine.change(AnswerPath("report_date"), to: .typed("2026-03-18"))) { error in
            guard let error = error as? AnswerError, case .dateBefore(let day, let question) = error.problem else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(day.iso, "2026-03-19")
            XCTAssertEqual(question, "q.incident_date")
        }
        XCTAssertEqual(driver.engine.snapshot(), before)
    }

    func testValidAnswersInSerbianNotation() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.serbianCyrillic))
        let answers = [
            "consent_services": "да", "consent_share_psychosocial": "Да", "consent_share_legal": "da",
            "consent_share_health": "НЕ", "consent_share_safety": "д", "consent_share_police": "n",
            "consent_share_social_welfare": "не", "consent_share_livelihood": "не", "consent_statistics": "да",
            "survivor_name": "  Јелена Ђорђевић \n", "birth_date_known": "не",
        ]
        driver.advance(to: "age", with: answers)
        try driver.engine.answer("34")
        let review = driver.engine.review()
        XCTAssertEqual(review.first { $0.path.description == "consent_share_legal" }?.answer, .yesNo(true))
        XCTAssertEqual(review.first { $0.path.description == "consent_share_police" }?.answer, .yesNo(false))
        XCTAssertEqual(review.first { $0.path.description == "survivor_name" }?.answer, .text("Јелена Ђорђевић"))
        XCTAssertEqual(review.first { $0.path.description == "age" }?.answer, .number(34))
        for (typed, expected) in [("Женски", "female"), ("zenski", "female"), ("2", "male"), ("unknown", "unknown")] {
            var engine = driver.engine
            try engine.answer(typed)
            XCTAssertEqual(engine.review().first { $0.path.description == "survivor_sex" }?.answer, .choice(expected), typed)
        }
    }

    func testDecomposedInputIsStoredAsNFC() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.serbianLatin))
        driver.advance(to: "survivor_name", with: EngineDriver.englishAnswers.mapValues { $0 == "yes" ? "da" : $0 == "no" ? "ne" : $0 })
        try driver.engine.answer("Jovanovic\u{0301}")
        let stored = driver.engine.review().first { $0.path.description == "survivor_name" }?.answer
        XCTAssertEqual(stored, .text("Jovanović"))
        if case .text(let text)? = stored {
            XCTAssertEqual(Array(text.unicodeScalars), Array("Jovanovi\u{0107}".unicodeScalars))
        }
    }

    func testTypedValuesAreValidatedLikeTypedText() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.english))
        driver.advance(to: "survivor_name", with: EngineDriver.englishAnswers)
        XCTAssertThrowsError(try driver.engine.answer(.value(.yesNo(true)))) { error in
            XCTAssertEqual((error as? AnswerError)?.problem, .wrongValueType)
        }
        XCTAssertThrowsError(try driver.engine.answer(.value(.text("A\u{202E}B")))) { error in
            XCTAssertEqual((error as? AnswerError)?.problem, .forbiddenCharacters)
        }
        try driver.engine.answer(.value(.text(" Ana ")))
        XCTAssertEqual(driver.engine.review().first { $0.path.description == "survivor_name" }?.answer, .text("Ana"))
    }
}
