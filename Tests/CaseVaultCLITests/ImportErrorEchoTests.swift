import CaseStore
import CaseVaultCLI
import Foundation
import VaultCrypto
import XCTest

/// SECURITY.md claim: error messages carry field names and positions, never the refused value.
/// For every rule the importer can produce (checked against `DocumentRule.allCases`), one
/// document with a distinctive marker in the offending field goes through `casevault case create
/// --from` in each language; the marker is in neither stdout nor stderr, the error names the
/// field, and nothing is imported.
final class ImportErrorEchoTests: XCTestCase {
    static let marker = "Qzmarkerovna"

    struct Refusal {
        let rule: DocumentRule
        let position: Int?
        let field: String
        let input: String
    }

    static let refusals: [Refusal] = {
        let m = marker
        let good = #"{"survivor":{"name":"Good"},"consent":{"statistics":true}}"#
        func doc(_ survivor: String, _ rest: String = "") -> String {
            #"{"survivor":{\#(survivor)},"consent":{"statistics":true}\#(rest)}"#
        }
        return [
            Refusal(rule: .notJSON, position: 1, field: "", input: #"{"survivor":{"name":"\#(m)""#),
            Refusal(rule: .notJSON, position: 2, field: "", input: "\(good)\n{\"survivor\":{\"name\":\(m)}}\n"),
            Refusal(rule: .notAnObject, position: 1, field: "", input: #"["\#(m)"]"#),
            Refusal(rule: .notAnObject, position: 1, field: "survivor", input: #"{"survivor":"\#(m)","consent":{"statistics":true}}"#),
            Refusal(rule: .unknownField, position: 1, field: "survivor.nickname", input: doc(#""name":"A","nickname":"\#(m)""#)),
            Refusal(rule: .unknownField, position: 2, field: "survivor", input: "\(good)\n" + doc(#""name":"A","\#(m) Petrović":"x""#)),
            Refusal(rule: .missing, position: 1, field: "survivor.name", input: doc(#""phone":"\#(m)""#)),
            Refusal(rule: .wrongType, position: 1, field: "survivor.phone", input: doc(#""name":"A","phone":["\#(m)"]"#)),
            Refusal(rule: .wrongType, position: 1, field: "consent.statistics",
                    input: #"{"survivor":{"name":"A"},"consent":{"statistics":"\#(m)"}}"#),
            Refusal(rule: .empty, position: 1, field: "survivor.name", input: doc(#""name":"   ","phone":"\#(m)""#)),
            Refusal(rule: .tooLong, position: 1, field: "survivor.name",
                    input: doc(#""name":"\#(String(repeating: m + " ", count: 20))""#)),
            Refusal(rule: .tooLong, position: 1, field: "survivor.phone", input: doc(#""name":"A","phone":"\#(m) \#(m) \#(m) \#(m)""#)),
            Refusal(rule: .controlCharacters, position: 1, field: "survivor.name", input: doc(#""name":"\#(m)\u0007""#)),
            Refusal(rule: .controlCharacters, position: 1, field: "incident.narrative",
                    input: doc(#""name":"A""#, #","incident":{"narrative":"\#(m)\u202E"}"#)),
            Refusal(rule: .invalidDate, position: 1, field: "survivor.birthDate", input: doc(#""name":"A","birthDate":"\#(m)""#)),
            Refusal(rule: .dateInFuture, position: 1, field: "incident.date",
                    input: doc(#""name":"A""#, #","incident":{"date":"2987-06-05","narrative":"\#(m)"}"#)),
            Refusal(rule: .unknownValue, position: 1, field: "incident.type", input: doc(#""name":"A""#, #","incident":{"type":"\#(m)"}"#)),
            Refusal(rule: .unknownValue, position: 1, field: "survivor.sex", input: doc(#""name":"A","sex":"\#(m)""#)),
            Refusal(rule: .notImportable, position: 1, field: "work",
                    input: doc(#""name":"A""#, #","work":{"notes":[{"at":"2026-01-01T10:00Z","author":"\#(m)","text":"\#(m)"}]}"#)),
            Refusal(rule: .invalidKey, position: 1, field: "intake", input: doc(#""name":"A""#, #","intake":{"\#(m) ime":"\#(m)"}"#)),
        ]
    }()

    func testEveryRuleIsCovered() {
        XCTAssertEqual(Set(Self.refusals.map(\.rule)), Set(DocumentRule.allCases), "a rule without an echo test")
    }

    func testNoImportErrorEchoesTheRefusedValue() throws {
        let cli = try CLIHarness()
        let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
        let admin = try Vault.create(path: cli.vault, admin: "ana", passphrase: SecretBytes(Array("ana has a long passphrase".utf8)),
                                     options: options)
        try admin.addUser("maja", role: .caseworker, passphrase: SecretBytes(Array("maja has a long passphrase".utf8)))
        for (index, refusal) in Self.refusals.enumerated() {
            // The codec itself gives this rule, at this position and field.
            XCTAssertThrowsError(try CaseDocumentCodec.decodeBatch(Data(refusal.input.utf8))) {
                XCTAssertEqual($0 as? CaseStoreError, .invalidDocument(position: refusal.position, field: refusal.field, rule: refusal.rule),
                               "refusal \(index)")
            }
            let file = cli.directory.appendingPathComponent("import-\(index).json")
            try Data(refusal.input.utf8).write(to: file)
            for language in ["en", "sr-Cyrl", "sr-Latn", "rom"] {
                let result = try cli.run(as: "maja", ["case", "create", "--from", file.path, "--lang", language])
                let context = "refusal \(index) (\(refusal.rule.rawValue)), \(language)"
                XCTAssertEqual(result.status, 1, context)
                XCTAssertEqual(result.out, "", context)
                XCTAssertTrue(result.err.hasPrefix("casevault: "), "\(context): \(result.err)")
                if !refusal.field.isEmpty {
                    XCTAssertTrue(result.err.contains(refusal.field), "\(context) does not name \(refusal.field): \(result.err)")
                }
                if let position = refusal.position {
                    XCTAssertTrue(result.err.contains(" \(position): "), "\(context) does not name position \(position): \(result.err)")
                }
                for text in [result.out, result.err] {
                    XCTAssertFalse(text.contains(Self.marker), "\(context) echoes the refused value: \(text)")
                    XCTAssertFalse(text.lowercased().contains(Self.marker.lowercased()), "\(context) echoes the refused value: \(text)")
                }
                if refusal.rule == .dateInFuture { XCTAssertFalse(result.err.contains("2987"), context) }
            }
        }
        XCTAssertTrue(try cli.run(as: "maja", ["case", "list"]).out.contains("No cases."), "nothing of a refused batch is imported")
    }
}
