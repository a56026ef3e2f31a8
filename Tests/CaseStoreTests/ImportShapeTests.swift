import CaseStore
import Foundation
import XCTest

/// docs/case-document.md: an import may contain only `survivor`, `incident`, `consent` and
/// `intake` with their keys; every key at every depth is checked; `work` (notes with author and
/// time, follow-ups, referrals, plan, closure) is written only by the workflow commands and is
/// refused; `intake` keys are question ids and its values strings. Each refusal names the
/// position and the field, never the refused value.
final class ImportShapeTests: XCTestCase {
    let today = ISODay.parse("2026-11-24")!
    static let marker = "Zmarker7Q"

    private func document(_ extra: String, survivor: String = #""name":"A""#) -> String {
        #"{"survivor":{\#(survivor)},"consent":{"statistics":true}\#(extra.isEmpty ? "" : ",")\#(extra)}"#
    }

    private func refuse(_ text: String, position: Int? = 1, field: String, rule: DocumentRule,
                        file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try CaseDocumentCodec.decodeBatch(Data(text.utf8), today: today)
            XCTFail("accepted: field \(field), rule \(rule)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? CaseStoreError, .invalidDocument(position: position, field: field, rule: rule), file: file, line: line)
            for description in [String(describing: error), String(reflecting: error), "\(error)"] {
                XCTAssertFalse(description.contains(Self.marker), "the refused value is echoed: \(description)", file: file, line: line)
            }
        }
    }

    private func accept(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> CaseDocument {
        let documents = try CaseDocumentCodec.decodeBatch(Data(text.utf8), today: today)
        XCTAssertEqual(documents.count, 1, file: file, line: line)
        return try XCTUnwrap(documents.first, file: file, line: line)
    }

    func testWorkIsNeverImported() {
        let m = Self.marker
        refuse(document(#""work":{"notes":[{"at":"2026-01-01T10:00Z","author":"\#(m)","text":"\#(m)"}],"followUps":[],"referrals":[]}"#),
               field: "work", rule: .notImportable)
        refuse(document(#""work":{}"#), field: "work", rule: .notImportable)
        refuse(document(#""work":null"#), field: "work", rule: .notImportable)
        refuse(document(#""work":"\#(m)""#), field: "work", rule: .notImportable)
        refuse(document(#""work":{"plan":"\#(m)","closure":{"reason":"needs_met"}}"#), field: "work", rule: .notImportable)
        let good = document("")
        refuse("\(good)\n\(document(#""work":{"referrals":[{"by":"\#(m)"}]}"#))", position: 2, field: "work", rule: .notImportable)
        refuse("[\(good),\(good),\(document(#""work":{}"#))]", position: 3, field: "work", rule: .notImportable)
    }

    func testUnknownKeysAtEveryDepth() {
        let m = Self.marker
        refuse(document("", survivor: #""name":"A","nickname":"\#(m)""#), field: "survivor.nickname", rule: .unknownField)
        refuse(document(#""incident":{"weapon":"\#(m)"}"#), field: "incident.weapon", rule: .unknownField)
        refuse(#"{"survivor":{"name":"A"},"consent":{"statistics":true,"police":"\#(m)"}}"#, field: "consent.police", rule: .unknownField)
        refuse(document(#""extra":{"deeper":"\#(m)"}"#), field: "extra", rule: .unknownField)
        // A key that is not shaped like a field name may be survivor data typed in the wrong
        // place: the error names the object holding it, not the key.
        refuse(document("", survivor: #""name":"A","Јелена \#(m)":"x""#), field: "survivor", rule: .unknownField)
        refuse(document(#""\#(m) Petrović":1"#), field: "", rule: .unknownField)
        refuse(document(#""incident":{"\#(m)-\#(m)":"x"}"#), field: "incident", rule: .unknownField)
        refuse(document(#""incident":{"\#(String(repeating: "a", count: 65))":"x"}"#), field: "incident", rule: .unknownField)
        refuse(#"{"survivor":"\#(m)","consent":{"statistics":true}}"#, field: "survivor", rule: .notAnObject)
        refuse(document(#""incident":["\#(m)"]"#), field: "incident", rule: .notAnObject)
        // Objects where a value belongs are refused by type, whatever keys they hold.
        refuse(document("", survivor: #""name":{"\#(m)":"\#(m)"}"#), field: "survivor.name", rule: .wrongType)
        refuse(#"{"survivor":{"name":"A"},"consent":{"statistics":true,"sharing":[{"\#(m)":1}]}}"#,
               field: "consent.sharing.Index 0", rule: .wrongType)
    }

    func testIntakeKeysAreQuestionIDsAndValuesStrings() throws {
        let m = Self.marker
        let longest = String(repeating: "q", count: 64)
        let accepted = try accept(document(#""intake":{"form":"gbv_intake v1","q_1.a":"\"yes\"","\#(longest)":"x","Q9":""}"#))
        XCTAssertEqual(accepted.intake?["q_1.a"], "\"yes\"")
        XCTAssertEqual(accepted.intake?.count, 4)
        refuse(document(#""intake":{"\#(m) name":"x"}"#), field: "intake", rule: .invalidKey)
        refuse(document(#""intake":{"q1":"x","\#(String(repeating: "q", count: 65))":"x"}"#), field: "intake", rule: .invalidKey)
        refuse(document(#""intake":{"pitanje_\#(m)_đ":"x"}"#), field: "intake", rule: .invalidKey)
        refuse(document(#""intake":{"":"\#(m)"}"#), field: "intake", rule: .invalidKey)
        refuse(document(#""intake":{"q/\#(m)":"x"}"#), field: "intake", rule: .invalidKey)
        refuse(document(#""intake":{"age":31}"#), field: "intake.age", rule: .wrongType)
        refuse(document(#""intake":{"age":true}"#), field: "intake.age", rule: .wrongType)
        refuse(document(#""intake":{"age":null}"#), field: "intake.age", rule: .wrongType)
        refuse(document(#""intake":{"age":{"years":"\#(m)"}}"#), field: "intake.age", rule: .wrongType)
        refuse(document(#""intake":{"age":["\#(m)"]}"#), field: "intake.age", rule: .wrongType)
        refuse(document(#""intake":["\#(m)"]"#), field: "intake", rule: .notAnObject)
        refuse(document(#""intake":"\#(m)""#), field: "intake", rule: .notAnObject)
        refuse(document(#""intake":{"q1":"\#(m)\u0007"}"#), field: "intake.q1", rule: .controlCharacters)
    }

    func testSharingIsAListOfKnownServices() throws {
        let shared = try accept(#"{"survivor":{"name":"A"},"consent":{"statistics":true,"sharing":["legal","social_welfare"]}}"#)
        XCTAssertEqual(shared.consent.sharing, [.legal, .socialWelfare])
        refuse(#"{"survivor":{"name":"A"},"consent":{"statistics":true,"sharing":["\#(Self.marker)"]}}"#,
               field: "consent.sharing.Index 0", rule: .unknownValue)
        refuse(#"{"survivor":{"name":"A"},"consent":{"statistics":true,"sharing":"\#(Self.marker)"}}"#,
               field: "consent.sharing", rule: .wrongType)
    }
}
