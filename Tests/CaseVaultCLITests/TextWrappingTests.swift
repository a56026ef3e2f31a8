@testable import CaseVaultCLI
import XCTest

/// Wrapping to a terminal's width at word boundaries, numbers kept whole.
final class TextWrappingTests: XCTestCase {
    let text = "  Bezbedan broj telefona → +381 64 123 4567, slučaj K7Q4-M2XA prijavljen 21.03.2026. 10:05 UTC, SOS linija 0800 222 003 za žene žrtve nasilja."

    func testFiftyColumnsBreakNoWordAndNoNumber() {
        let lines = TextWrapping.wrap(line: text, width: 50)
        XCTAssertGreaterThan(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " ").split(separator: " "), text.split(separator: " "), "no word was cut")
        for whole in ["+381 64 123 4567,", "K7Q4-M2XA", "21.03.2026. 10:05", "0800 222 003"] {
            XCTAssertTrue(lines.contains { $0.contains(whole) }, "\(whole) split: \(lines)")
        }
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, "continuations indented two deeper")
    }

    func testShortLinesAndNoWidthStayAsTheyAre() {
        XCTAssertEqual(TextWrapping.wrap(line: "  kratko", width: 50), ["  kratko"])
        XCTAssertEqual(TextWrapping.wrap(text + "\n" + text, width: nil), text + "\n" + text)
    }

    func testAWordWiderThanTheLineIsLeftWhole() {
        let long = String(repeating: "x", count: 60)
        XCTAssertEqual(TextWrapping.wrap(line: "a " + long + " b", width: 50), ["a", "  " + long, "  b"])
    }
}
