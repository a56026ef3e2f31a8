@testable import CaseVaultCLI
import XCTest

/// Wrapping long output lines (audit entries) to the terminal's 80 columns.
final class TextLayoutTests: XCTestCase {
    private func words(_ texts: [String]) -> [(text: String, separator: String)] {
        texts.map { (text: $0, separator: "  ") }
    }

    func testAShortLineStaysWhole() {
        XCTAssertEqual(TextLayout.wrap(words(["12", "2026-11-25 02:58 UTC", "maja", "case_read"])), ["12  2026-11-25 02:58 UTC  maja  case_read"])
    }

    func testALongLineGoesOnIndentedAndEveryLineFits() {
        let texts = ["4711", "25.11.2026. 02:58 UTC", "demo-sofija", "case_assign", "Q6YY-MZ7V", "ok",
                     "from=demo-vesna", "to=demo-maja", "reason=workload", "note=several-more-words-here"]
        let lines = TextLayout.wrap(words(texts), width: 40, indent: 6)
        XCTAssertEqual(lines, [
            "4711  25.11.2026. 02:58 UTC  demo-sofija",
            "      case_assign  Q6YY-MZ7V  ok",
            "      from=demo-vesna  to=demo-maja",
            "      reason=workload",
            "      note=several-more-words-here",
        ])
    }

    func testAWordLongerThanALineIsCutNotLost() {
        let long = String(repeating: "x", count: 100)
        let lines = TextLayout.wrap(words(["1", long]), width: 40, indent: 6)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        XCTAssertEqual(lines.joined().filter { $0 == "x" }.count, 100)
        XCTAssertEqual(lines.first, "1")
    }

    func testEmptyInputGivesNoLines() {
        XCTAssertEqual(TextLayout.wrap([]), [])
    }
}
