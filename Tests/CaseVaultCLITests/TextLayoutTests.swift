@testable import CaseVaultCLI
import XCTest

/// Wrapping long output lines (audit entries) to the terminal's 80 columns.
final class TextLayoutTests: XCTestCase {
    func testAShortLineStaysWhole() {
        XCTAssertEqual(TextLayout.wrap(head: "12  2026-11-25 02:58 UTC  maja  case_read", words: ["reason=x"]),
                       ["12  2026-11-25 02:58 UTC  maja  case_read  reason=x"])
    }

    func testDetailsThatDoNotFitGoOnIndentedAndEveryLineFits() {
        let lines = TextLayout.wrap(head: "4711  25.11.2026. 02:58 UTC  sofija", words: ["from=demo-vesna", "to=demo-maja", "reason=workload"],
                                    width: 40, indent: 6)
        XCTAssertEqual(lines, [
            "4711  25.11.2026. 02:58 UTC  sofija",
            "      from=demo-vesna to=demo-maja",
            "      reason=workload",
        ])
    }

    func testTheHeadIsNeverBrokenEvenWhenLong() {
        let head = "1  2026-11-25 02:58 UTC  a-very-long-staff-user-name-indeed  case_followup  Q6YY-MZ7V  denied"
        let lines = TextLayout.wrap(head: head, words: ["service=legal"], width: 40)
        XCTAssertEqual(lines, [head, "      service=legal"])
    }

    func testAWordLongerThanALineIsCutNotLost() {
        let long = String(repeating: "x", count: 100)
        let lines = TextLayout.wrap(head: "1", words: [long], width: 40, indent: 6)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        XCTAssertEqual(lines.joined().filter { $0 == "x" }.count, 100)
        XCTAssertEqual(lines.first, "1")
    }

    func testNoWordsGiveTheHeadAlone() {
        XCTAssertEqual(TextLayout.wrap(head: "7  ok", words: []), ["7  ok"])
    }
}
