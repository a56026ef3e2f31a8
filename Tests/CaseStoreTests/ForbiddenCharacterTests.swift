@testable import CaseStore
import XCTest

/// Validation finds forbidden characters in UTF-8 bytes instead of looking up each character's
/// Unicode category, and counts characters only past the byte limit: both must decide exactly as
/// the definitions do.
final class ForbiddenCharacterTests: XCTestCase {
    private func byDefinition(_ scalar: Unicode.Scalar, allowsNewlines: Bool) -> Bool {
        if allowsNewlines, scalar == "\n" || scalar == "\t" || scalar == "\r" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    func testEveryScalarIsJudgedAsItsCategorySays() {
        var forbidden = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for allowsNewlines in [false, true] {
                let expected = byDefinition(scalar, allowsNewlines: allowsNewlines)
                let text = "a\(Character(scalar))ђ"
                if CaseDocumentCodec.containsForbidden(text, allowsNewlines: allowsNewlines) != expected {
                    XCTFail("U+\(String(value, radix: 16)) allowsNewlines=\(allowsNewlines): expected \(expected)")
                }
                if expected { forbidden += 1 }
            }
        }
        XCTAssertEqual(forbidden, (65 + 9) * 2 - 3, "the 65 controls and 9 direction marks, three allowed in long text")
    }

    func testAForbiddenCharacterIsFoundAnywhereInALongText() {
        let narrative = String(repeating: "Ђорђевић, Šarić — ", count: 60)
        XCTAssertFalse(CaseDocumentCodec.containsForbidden(narrative + "\n\t" + narrative, allowsNewlines: true))
        XCTAssertTrue(CaseDocumentCodec.containsForbidden(narrative + "\n", allowsNewlines: false))
        for mark in ["\u{202E}", "\u{2066}", "\u{0085}", "\u{7F}", "\u{0}"] {
            XCTAssertTrue(CaseDocumentCodec.containsForbidden(narrative + mark + narrative, allowsNewlines: true), mark.debugDescription)
        }
        XCTAssertFalse(CaseDocumentCodec.containsForbidden("\u{2029}\u{200F}\u{00A0}", allowsNewlines: false), "other marks are not refused here")
    }

    func testLengthIsCountedInCharactersNotBytes() {
        XCTAssertFalse(CaseDocumentCodec.isLonger(String(repeating: "ђ", count: 200), than: 200), "400 bytes, 200 characters")
        XCTAssertTrue(CaseDocumentCodec.isLonger(String(repeating: "ђ", count: 201), than: 200))
        XCTAssertFalse(CaseDocumentCodec.isLonger(String(repeating: "e\u{301}", count: 10), than: 10), "combining marks join their letter")
        XCTAssertTrue(CaseDocumentCodec.isLonger(String(repeating: "a", count: 11), than: 10))
        XCTAssertFalse(CaseDocumentCodec.isLonger("", than: 0))
    }
}
