import CaseVaultCLI
import Export
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// `casevault export` end to end (issue 11): the stock `age` tool opens what we write and we
/// open what it writes; the signature checks with `verify-export` and with `openssl`; a flipped
/// byte fails both; a profile that needs approval is refused (and audited) until a supervisor
/// approves; a referral carries only what the survivor consented to share with that service,
/// and only while she does; the Incident Recorder CSV has its 42 columns and nothing identifying.
final class ExportCommandTests: XCTestCase {
    var cli: CLIHarness!
    var code = ""
    var identity = ""
    var recipient = ""

    static let name = "Десанка Ђурђевић"
    static let phone = "+381 63 777 0101"
    static let narrative = "Pretio joj je nožem u dvorištu"

    override func setUpWithError() throws {
        cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("sofija", "supervisor"), ("ivan", "auditor")])
        let document: [String: Any] = [
            "survivor": ["name": Self.name, "phone": Self.phone, "birthDate": "1984-02-11", "sex": "female", "municipality": "brus",
                         "language": "sr-Cyrl"],
            "incident": ["date": "2026-03-02", "narrative": Self.narrative, "type": "physical_assault"],
            "consent": ["statistics": true, "sharing": ["health"]],
        ]
        let file = cli.directory.appendingPathComponent("case.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let created = try cli.run(as: "maja", ["case", "create", "--from", file.path])
        XCTAssertEqual(created.status, 0, created.err)
        code = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        identity = cli.directory.appendingPathComponent("partner.key").path
        let keygen = try ExternalTool.run("age-keygen", ["-o", identity])
        XCTAssertEqual(keygen.status, 0)
        recipient = try XCTUnwrap(keygen.errorText
            .split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        XCTAssertTrue(recipient.hasPrefix("age1"), recipient)
    }

    override func tearDown() { cli = nil }

    func path(_ name: String) -> String { cli.directory.appendingPathComponent(name).path }

    func ageDecrypt(_ file: String) throws -> ChildProcess { try ExternalTool.run("age", ["-d", "-i", identity, file]) }

    /// The export as maja, once the supervisor approved the request the first attempt records.
    func exportApproved(_ arguments: [String], out: String) throws -> CLIHarness.Result {
        let first = try cli.run(as: "maja", ["export"] + arguments + ["--out", out])
        XCTAssertEqual(first.status, 1, first.out)
        XCTAssertTrue(first.err.contains("needs a supervisor's approval"), first.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing is written before approval")
        let id = try XCTUnwrap(first.err.range(of: #"E-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression).map { String(first.err[$0]) })
        let pending = try cli.run(as: "sofija", ["export", "pending"])
        XCTAssertTrue(pending.out.contains(id) && pending.out.contains(code), pending.out + pending.err)
        XCTAssertEqual(try cli.run(as: "sofija", ["export", "approve", id]).status, 0)
        return try cli.run(as: "maja", ["export"] + arguments + ["--out", out])
    }

    func testTheSurvivorsFileOpensWithAgeAndItsSignatureChecksWithVerifyExportAndOpenSSL() throws {
        let out = path("file.age")
        let written = try exportApproved([code, "--profile", "survivor", "--reason", "her right of access", "--recipient", recipient], out: out)
        XCTAssertEqual(written.status, 0, written.err)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        XCTAssertEqual((attributes[.posixPermissions] as? Int).map { $0 & 0o777 }, 0o600)

        let opened = try ageDecrypt(out)
        XCTAssertEqual(opened.status, 0, opened.errorText)
        let text = opened.outputText
        XCTAssertTrue(text.contains(Self.name) && text.contains(Self.narrative), "her whole record")
        XCTAssertTrue(text.contains("02.03.2026."), "Serbian dates in her language of service")
        XCTAssertTrue(text.contains("Досије"), "written in Serbian Cyrillic, her language")
        let json = try XCTUnwrap(text.components(separatedBy: "```json\n").last?.components(separatedBy: "\n```").first)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["code"] as? String, code)

        let pem = path("vault.pem")
        let pubkey = try cli.run(as: "maja", ["pubkey"])
        XCTAssertTrue(pubkey.out.hasPrefix("-----BEGIN PUBLIC KEY-----"), pubkey.out)
        try Data(pubkey.out.utf8).write(to: URL(fileURLWithPath: pem))
        let verified = cli.run(["verify-export", out, "--public-key", pem])
        XCTAssertEqual(verified.status, 0, verified.err)
        let openssl = try ExternalTool.run("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin", "-in", out, "-sigfile", out + ".sig"])
        XCTAssertEqual(openssl.status, 0, openssl.outputText + openssl.errorText)

        let fileHash = try XCTUnwrap(written.out.range(of: #"[0-9a-f]{64}"#, options: .regularExpression).map { String(written.out[$0]) })
        let trail = try cli.run(as: "ivan", ["audit", "log", "--action", "export", "--format", "json"])
        XCTAssertTrue(trail.out.contains(fileHash), "the audit entry holds the file's SHA-256")
        XCTAssertTrue(trail.out.contains("approval_required"), "the refusal before approval is audited")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        bytes[bytes.count - 20] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: out))
        XCTAssertNotEqual(try ageDecrypt(out).status, 0, "age refuses a flipped byte")
        let refused = cli.run(["verify-export", out, "--public-key", pem])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("does not match"), refused.err)
    }

    func testAReferralCarriesOnlyTheConsentedServicesFieldsAndOnlyWhileTheConsentStands() throws {
        XCTAssertEqual(try cli.run(as: "ana", ["export", "rules", "--require-approval", "survivor"]).status, 0)
        let out = path("health.age")
        let written = try cli.run(as: "maja", ["export", code, "--profile", "referral", "--service", "health", "--reason", "clinic",
                                               "--recipient", recipient, "--out", out])
        XCTAssertEqual(written.status, 0, written.err)
        let text = try ageDecrypt(out).outputText
        XCTAssertFalse(text.contains(Self.narrative), "the account is not a health field")
        let json = try XCTUnwrap(text.components(separatedBy: "```json\n").last?.components(separatedBy: "\n```").first)
        let document = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["document"] as? [String: Any])
        for (section, value) in document {
            for key in (value as? [String: Any])?.keys.sorted() ?? [] {
                XCTAssertTrue(ReferralFieldsExpectation.health.contains("\(section).\(key)"), "\(section).\(key) is outside the health consent")
            }
        }

        let police = try cli.run(as: "maja", ["export", code, "--profile", "referral", "--service", "police", "--reason", "r",
                                              "--recipient", recipient, "--out", path("police.age")])
        XCTAssertEqual(police.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("police.age")))
        XCTAssertEqual(try cli.run(as: "maja", ["case", "consent", code, "--withdraw", "health"]).status, 0)
        let withdrawn = try cli.run(as: "maja", ["export", code, "--profile", "referral", "--service", "health", "--reason", "clinic",
                                                 "--recipient", recipient, "--out", path("again.age")])
        XCTAssertEqual(withdrawn.status, 1)
        XCTAssertTrue(withdrawn.err.contains("consent"), withdrawn.err)
        let trail = try cli.run(as: "ivan", ["audit", "log", "--action", "export", "--format", "json"])
        XCTAssertEqual(trail.out.components(separatedBy: "no_consent").count - 1, 2, "both refusals are audited")
    }

    func testTheIncidentRecorderCSVHasItsColumnsInOrderAndNothingIdentifying() throws {
        let out = path("ir.age")
        let written = try cli.run(as: "sofija", ["export", "--profile", "incident-recorder", "--reason", "monthly GBVIMS report",
                                                 "--agency", "SRB-KS-01", "--recipient", recipient, "--out", out])
        XCTAssertEqual(written.status, 0, written.err)
        let csv = try ageDecrypt(out).outputText
        for secret in [Self.name, "Десанка", "Desanka", Self.phone, "777 0101", Self.narrative, code, "1984-02-11", "2026-03-02"] {
            XCTAssertFalse(csv.contains(secret), "the CSV holds \(secret)")
        }
        let script = "import csv,sys,json; rows=list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))); print(json.dumps(rows))"
        let plain = path("ir.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: plain))
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let python = try ExternalTool.run("python3", ["-c", script, plain])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: python.output) as? [[String]])
        XCTAssertEqual(rows.count, 2, "the header and one consenting incident")
        XCTAssertEqual(rows.map(\.count), [42, 42])
        XCTAssertEqual(rows[0].first, "INCIDENT ID")
        XCTAssertEqual(rows[0].last, "REPORTING AGENCY CODE")
        XCTAssertEqual(rows[1].last, "SRB-KS-01")
        XCTAssertEqual(rows[1][2], "", "no case manager code unless asked for (it costs a verified listing)")

        let withCodes = path("ir-codes.age")
        XCTAssertEqual(try cli.run(as: "sofija", ["export", "--profile", "incident-recorder", "--reason", "monthly GBVIMS report",
                                                  "--agency", "SRB-KS-01", "--case-manager-codes", "--recipient", recipient,
                                                  "--out", withCodes]).status, 0)
        let coded = try ageDecrypt(withCodes).outputText
        XCTAssertTrue(coded.contains("\r\n1,S-") && coded.contains(",CM-"), "the case manager's pseudonym is filled")
        XCTAssertFalse(coded.contains("maja"), "never her user name")
    }

    func testAnExportToAPassphraseIsAScryptFileAndAWeakPassphraseIsRefused() throws {
        let weak = path("weak.pass")
        try Data("short\n".utf8).write(to: URL(fileURLWithPath: weak))
        let refused = try cli.run(as: "sofija", ["export", "--profile", "incident-recorder", "--reason", "r", "--agency", "SRB-KS-01",
                                                 "--export-passphrase-file", weak, "--out", path("weak.age")])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("weak.age")))
        let strong = path("strong.pass")
        try Data("the coordinating body's long passphrase\n".utf8).write(to: URL(fileURLWithPath: strong))
        let out = path("ir-pass.age")
        let written = try cli.run(as: "sofija", ["export", "--profile", "incident-recorder", "--reason", "r", "--agency", "SRB-KS-01",
                                                 "--export-passphrase-file", strong, "--out", out])
        XCTAssertEqual(written.status, 0, written.err)
        let file = try Array(Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertTrue(String(decoding: file.prefix(80), as: UTF8.self).contains("-> scrypt "), "one scrypt stanza")
        XCTAssertTrue(String(decoding: file.prefix(80), as: UTF8.self).contains(" 18\n"), "log2 N = 18")
        let csv = try AgeDecryptor.decrypt(file, with: .passphrase(SecretBytes(Array("the coordinating body's long passphrase".utf8))))
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("INCIDENT ID"))
        let trail = try cli.run(as: "ivan", ["audit", "log", "--action", "export", "--format", "json"]).out
        XCTAssertTrue(trail.contains("scrypt") && !trail.contains("long passphrase"), "the kind of recipient, never the passphrase")
    }

    func testAFileTheStockAgeEncryptedToTheUsersOwnKeyIsRead() throws {
        let recipientOfMaja = try cli.run(as: "maja", ["pubkey", "--age"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(recipientOfMaja.hasPrefix("age1"), recipientOfMaja)
        let plain = try CLIHarness.fixture("two_cases.json")
        let encrypted = path("incoming.json.age")
        let age = try ExternalTool.run("age", ["-r", recipientOfMaja, "-o", encrypted, plain])
        XCTAssertEqual(age.status, 0)
        let created = try cli.run(as: "maja", ["case", "create", "--from", encrypted])
        XCTAssertEqual(created.status, 0, created.err)
        XCTAssertEqual(created.out.split(separator: "\n").count, 2)
        let other = try cli.run(as: "sofija", ["case", "create", "--from", encrypted])
        XCTAssertNotEqual(other.status, 0, "only the user it was encrypted to reads it")
    }
}

/// What docs/export.md says a health referral may carry, written out here (not read from the
/// implementation's allowlist, so that a field added to it by mistake fails this test).
enum ReferralFieldsExpectation {
    static let health: Set<String> = [
        "survivor.name", "survivor.language", "survivor.phone", "survivor.birthDate", "survivor.sex",
        "incident.date", "incident.type", "consent.statistics", "consent.sharing", "work.referrals",
        "intake.phone", "intake.safe_to_call", "intake.safe_to_leave_message", "intake.age", "intake.disability", "intake.form",
    ]
}
