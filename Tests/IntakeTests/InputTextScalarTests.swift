@testable import Intake
import XCTest

/// `InputText` compares scalar values instead of looking up each character's category: it must
/// refuse exactly the controls (Cc) and the direction overrides and isolates.
final class InputTextScalarTests: XCTestCase {
    func testEveryScalarIsJudgedAsItsCategorySays() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for multiline in [false, true] {
                let allowed = multiline && (scalar == "\n" || scalar == "\t")
                let expected = !allowed && (scalar.properties.generalCategory == .control
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value))
                if InputText.isForbidden(scalar, multiline: multiline) != expected {
                    XCTFail("U+\(String(value, radix: 16)) multiline=\(multiline): expected \(expected)")
                }
            }
        }
    }

    func testALongTextIsMeasuredInCharacters() throws {
        XCTAssertEqual(try InputText.clean(String(repeating: "ш", count: 10), multiline: false, limit: 10), String(repeating: "ш", count: 10))
        XCTAssertThrowsError(try InputText.clean(String(repeating: "ш", count: 11), multiline: false, limit: 10))
    }
}
