import CaseStore
import Foundation
import XCTest

/// Import parsing: one document, arrays and JSON Lines, and every refusal names the position
/// and field but never echoes the value.
final class CaseDocumentCodecTests: XCTestCase {
    let today = ISODay.parse("2026-11-24")!

    func decode(_ text: String) throws -> [CaseDocument] {
        try CaseDocumentCodec.decodeBatch(Data(text.utf8), today: today)
    }

    func expect(_ text: String, _ error: CaseStoreError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrows(error, file: file, line: line) { _ = try decode(text) }
    }

    func testAcceptsOneDocumentAnArrayAndJSONLines() throws {
        let one = #"{"survivor":{"name":"A"},"consent":{"statistics":true}}"#
        XCTAssertEqual(try decode(one).count, 1)
        XCTAssertEqual(try decode("[\(one),\(one)]").count, 2)
        XCTAssertEqual(try decode("\(one)\n\n\(one)\r\n\(one)\n").count, 3)
        XCTAssertNil(try decode(one)[0].incident.type)
    }

    /// With a key given twice, every form of input (one document, an array, JSON Lines, read by
    /// different parsers) stores the copy the key check saw: a copy with an unknown field is
    /// either refused or not the one stored.
    func testDuplicatedKeysDecodeAsChecked() throws {
        let firstHasField = #"{"survivor":{"name":"First","nickname":"x"},"survivor":{"name":"Second"},"consent":{"statistics":true}}"#
        let secondHasField = #"{"survivor":{"name":"First"},"survivor":{"name":"Second","nickname":"x"},"consent":{"statistics":true}}"#
        let plain = #"{"survivor":{"name":"A"},"consent":{"statistics":true}}"#
        for (text, fieldIn) in [(firstHasField, "First"), (secondHasField, "Second")] {
            for form in [text, "[\(text)]", "\(plain)\n\(text)"] {
                do {
                    let documents = try decode(form)
                    XCTAssertNotEqual(documents.last?.survivor.name, fieldIn, "stored the copy with the unknown field: \(form)")
                } catch let error as CaseStoreError {
                    guard case .invalidDocument(_, let field, .unknownField) = error else { return XCTFail("\(error) for \(form)") }
                    XCTAssertEqual(field, "survivor.nickname", form)
                }
            }
        }
        let twice = #"{"survivor":{"name":"First"},"survivor":{"name":"Second"},"consent":{"statistics":true}}"#
        XCTAssertEqual(try decode("\(twice)\n\(twice)").map(\.survivor.name).count, 2)
    }

    func testJSONLinesAcceptAndRefuseAsTheOtherForms() throws {
        let good = #"{"survivor":{"name":"Ана","phone":"+381 63 1"},"incident":{"narrative":"Линија\nдве"},"consent":{"statistics":true,"sharing":["health"]}}"#
        XCTAssertEqual(try decode("\(good)\n\(good)"), try decode("[\(good),\(good)]"))
        for bad in [#"{"survivor":{"name":"A"},"consent":{"statistics":1}}"#, #"{"survivor":{"name":"A"},"consent":{"statistics":null}}"#,
                    #"{"survivor":{"name":7},"consent":{"statistics":true}}"#, #"{"survivor":[],"consent":{"statistics":true}}"#,
                    #"{"survivor":{"name":"A"},"consent":{"statistics":true},"intake":{"q":1}}"#, #""text""#, "7", "null"] {
            let single = Result { try decode("[\(bad)]") }
            let lines = Result { try decode("\(bad)\n\(bad)") }
            switch (single, lines) {
            case (.success, .success): break
            case (.failure(let one as CaseStoreError), .failure(let other as CaseStoreError)):
                guard case .invalidDocument(_, let field, let rule) = one, case .invalidDocument(_, let otherField, let otherRule) = other else {
                    return XCTFail(bad)
                }
                XCTAssertEqual(field, otherField, bad)
                XCTAssertEqual(rule, otherRule, bad)
            default: XCTFail("the forms disagree on \(bad): \(single) / \(lines)")
            }
        }
    }

    /// Lines are parsed on worker threads: a deeply nested line is refused, never a crash.
    func testADeeplyNestedLineIsRefused() {
        let good = #"{"survivor":{"name":"A"},"consent":{"statistics":true}}"#
        for depth in [100, 500, 511, 512, 600, 20_000] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let line = #"{"survivor":{"name":"A"},"consent":{"statistics":true},"intake":{"q":"# + nested + "}}"
            XCTAssertThrowsError(try decode("\(good)\n\(line)"), "depth \(depth)") {
                guard case .invalidDocument(let position, _, _) = $0 as? CaseStoreError else { return XCTFail("\($0)") }
                XCTAssertEqual(position, 2)
            }
        }
    }

    func testRefusalsNamePositionAndField() {
        let good = #"{"survivor":{"name":"A"},"consent":{"statistics":true}}"#
        expect("\(good)\n\(good)\n{oops", .invalidDocument(position: 3, field: "", rule: .notJSON))
        expect(#"[1]"#, .invalidDocument(position: 1, field: "", rule: .notAnObject))
        expect(#"{"survivor":{"name":"A","nickname":"B"},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "survivor.nickname", rule: .unknownField))
        expect(#"{"survivor":{"name":"A"},"consent":{"statistics":true},"extra":1}"#,
               .invalidDocument(position: 1, field: "extra", rule: .unknownField))
        expect(#"{"survivor":{},"consent":{"statistics":true}}"#, .invalidDocument(position: 1, field: "survivor.name", rule: .missing))
        expect(#"{"survivor":{"name":"A"}}"#, .invalidDocument(position: 1, field: "consent", rule: .missing))
        expect(#"{"survivor":{"name":"A"},"consent":{"statistics":"yes"}}"#,
               .invalidDocument(position: 1, field: "consent.statistics", rule: .wrongType))
        expect(#"{"survivor":{"name":"  "},"consent":{"statistics":true}}"#, .invalidDocument(position: 1, field: "survivor.name", rule: .empty))
        expect(#"{"survivor":{"name":"A","birthDate":"31.02.2026."},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "survivor.birthDate", rule: .invalidDate))
        expect(#"{"survivor":{"name":"A"},"incident":{"date":"2027-01-01"},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "incident.date", rule: .dateInFuture))
        expect(#"{"survivor":{"name":"A\u202Eevil"},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "survivor.name", rule: .controlCharacters))
        expect(#"{"survivor":{"name":"A\u0007"},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "survivor.name", rule: .controlCharacters))
        expect(#"{"survivor":{"name":"A"},"incident":{"type":"robbery"},"consent":{"statistics":true}}"#,
               .invalidDocument(position: 1, field: "incident.type", rule: .unknownValue))
        expect("", .invalidDocument(position: nil, field: "", rule: .notJSON))
        expect("[", .invalidDocument(position: nil, field: "", rule: .notJSON))
        XCTAssertThrows(.invalidDocument(position: 1, field: "", rule: .notJSON)) {
            _ = try CaseDocumentCodec.decodeBatch(Data([0x7B, 0xFF, 0xFE, 0x00, 0x7D]), today: today)
        }
    }

    func testNarrativeKeepsNewlinesAndRefusesHugeText() {
        let newline = #"{"survivor":{"name":"A"},"incident":{"narrative":"line1\nline2\ttab"},"consent":{"statistics":false}}"#
        XCTAssertEqual(try decode(newline).first?.incident.narrative, "line1\nline2\ttab")
        let huge = String(repeating: "a", count: 1_000_001)
        expect(#"{"survivor":{"name":"A"},"incident":{"narrative":"\#(huge)"},"consent":{"statistics":false}}"#,
               .invalidDocument(position: 1, field: "incident.narrative", rule: .tooLong))
    }

    func testEveryIncidentTypeOfTheContractIsAccepted() throws {
        for type in ["rape", "sexual_assault", "physical_assault", "forced_marriage", "denial_of_resources", "psychological_abuse", "non_gbv"] {
            let text = #"{"survivor":{"name":"A"},"incident":{"type":"\#(type)"},"consent":{"statistics":true}}"#
            XCTAssertEqual(try decode(text).first?.incident.type?.rawValue, type)
        }
    }
}
