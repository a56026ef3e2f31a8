@testable import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// `intake --answers FILE`: the file's own keys reach the error of questions that were not asked,
/// so a key holding an escape sequence must be shown escaped, never written raw to the terminal
/// (found by the answers-json fuzz target; the input is in Fuzz/regressions/answers-json).
final class AnswersFileEchoTests: XCTestCase {
    func answer(_ object: [String: Any]) throws -> String? {
        let catalogs = try IntakeResources.catalogs()
        var engine = IntakeEngine(form: try IntakeResources.form(catalogs: catalogs), localizer: try IntakeResources.localizer(for: .english),
                                  today: try XCTUnwrap(CalendarDay(year: 2026, month: 6, day: 15)))
        do {
            _ = try AnswersFile.answer(&engine, data: try JSONSerialization.data(withJSONObject: object), messages: .english)
            return nil
        } catch let error as CLIError {
            return error.message(.english)
        }
    }

    func testCompleteFileIsAccepted() throws {
        XCTAssertNil(try answer(fixture()))
    }

    func testUnaskedKeyIsEchoedEscaped() throws {
        var object = try fixture()
        object["\u{1B}[2J\u{202E}x"] = 1
        let message = try XCTUnwrap(try answer(object))
        XCTAssertTrue(message.contains("\\x1b[2J\\u{202E}x"), message)
        XCTAssertFalse(message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, message)
    }

    private func fixture() throws -> [String: Any] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("answers_en.json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}
