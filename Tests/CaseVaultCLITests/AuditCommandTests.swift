@testable import CaseStore
@testable import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// `audit checkpoint` and `audit verify`: the paper checkpoint, the signed file, and what a
/// verdict says in every language.
final class AuditCommandTests: XCTestCase {
    func testPaperCheckpointIsPrintedAndCatchesDeletedEntriesWhenTypedBack() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "ivan", "--role", "auditor", "--new-passphrase-file", cli.passphraseFile("ivan")]).status, 0)

        let printed = try cli.run(as: "ivan", ["audit", "checkpoint"])
        XCTAssertEqual(printed.status, 0, printed.err)
        let paper = try XCTUnwrap(printed.out.split(separator: "\n").last.map(String.init))
        XCTAssertNotNil(paper.range(of: #"^casevault [0-9]+ ([0-9A-F]{4}-){7}[0-9A-F]{4}$"#, options: .regularExpression), paper)
        XCTAssertTrue(printed.err.contains("casevault: hint: write this line on paper or send it outside the vault"), printed.err)

        let verified = try cli.run(as: "ivan", ["audit", "verify", "--expect", paper.lowercased()])
        XCTAssertEqual(verified.status, 0, verified.err)
        XCTAssertTrue(verified.out.contains("matches the written-down checkpoint of entry"), verified.out)
        XCTAssertTrue(verified.out.contains("can only be seen against a checkpoint kept outside the vault"), verified.out)

        let parts = paper.split(separator: " ")
        let later = "casevault \(Int(parts[1])! + 50) \(parts[2])"
        let truncated = try cli.run(as: "ivan", ["audit", "verify", "--expect", later])
        XCTAssertEqual(truncated.status, 1)
        XCTAssertTrue(truncated.err.contains("ends before the written-down checkpoint of entry \(Int(parts[1])! + 50)"), truncated.err)
        let other = "casevault \(parts[1]) 0000-0000-0000-0000-0000-0000-0000-0000"
        let diverged = try cli.run(as: "ivan", ["audit", "verify", "--expect", other])
        XCTAssertEqual(diverged.status, 1)
        XCTAssertTrue(diverged.err.contains("differs from the written-down checkpoint at entry \(parts[1])"), diverged.err)

        let bad = try cli.run(as: "ivan", ["audit", "verify", "--expect", "not a checkpoint", "--lang", "sr-Cyrl"])
        XCTAssertEqual(bad.status, 64, "a mistyped checkpoint is a usage error")
        XCTAssertTrue(bad.err.contains("„not a checkpoint“ није записана контролна тачка"), bad.err)
    }

    func testCheckpointFileIsNewAndPrivate() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        let file = cli.directory.appendingPathComponent("checkpoint.txt").path
        let written = try cli.run(as: "ana", ["audit", "checkpoint", "--out", file])
        XCTAssertEqual(written.status, 0, written.err)
        XCTAssertTrue(written.out.contains("written to \(file)"), written.out)
        XCTAssertTrue(written.out.contains("\ncasevault "), "the paper line is printed too: \(written.out)")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o777, 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let again = try cli.run(as: "ana", ["audit", "checkpoint", "--out", file])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "never overwritten")
        let link = cli.directory.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.directory.appendingPathComponent("target.txt").path)
        XCTAssertEqual(try cli.run(as: "ana", ["audit", "checkpoint", "--out", link]).status, 1, "a planted link is not followed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("target.txt").path))
        XCTAssertEqual(try cli.run(as: "ana", ["audit", "verify", "--checkpoint", file]).status, 0)
    }

    // MARK: rendering of constructed verdicts

    static func verdict(entries: Int = 12, firstBad: (Int64, AuditProblem)? = nil, checkpoint: CheckpointResult? = nil) -> AuditVerification {
        AuditVerification(entries: entries, firstBad: firstBad.map { (seq: $0.0, problem: $0.1) }, checkpoint: checkpoint)
    }

    func testIntactVerdictSaysExactlyWhatIsCovered() {
        var result = Self.verdict()
        result.signedThrough = 9
        result.unsignedTail = 3
        result.paperCheckpoint = .matches
        result.checkpoint = .matches
        let report = AuditRendering.verification(result, checkpointSeq: 8, paperSeq: 9, .english)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.summary, [
            "The audit trail is intact: 12 entries.",
            "The first 9 entries verify and are signed by certified users.",
            "3 entries at the end, failed logins, wait for the next signature.",
            "It matches the checkpoint of entry 8: nothing up to that entry was deleted or rolled back.",
            "It matches the written-down checkpoint of entry 9: nothing up to that entry was deleted or rolled back.",
            "Deleting the newest entries or rolling back the whole file can only be seen against a checkpoint kept outside the vault (`casevault audit checkpoint`).",
        ])
        var unsigned = Self.verdict(entries: 2)
        unsigned.unsignedTail = 1
        XCTAssertEqual(AuditRendering.verification(unsigned, checkpointSeq: nil, paperSeq: nil, .english).summary, [
            "The audit trail is intact: 2 entries.",
            "No entry is covered yet by a signature of a certified user.",
            "1 entry at the end, a failed login, waits for the next signature.",
            "Deleting the newest entries or rolling back the whole file can only be seen against a checkpoint kept outside the vault (`casevault audit checkpoint`).",
        ])
    }

    func testEveryProblemIsNamedWithItsEntryOrCase() {
        let english = Messages.english
        let cases: [(AuditVerification, String)] = [
            (Self.verdict(firstBad: (4, .hashMismatch)), "entry 4 was altered"),
            (Self.verdict(firstBad: (5, .missingEntry)), "entry 5 is missing"),
            (Self.verdict(firstBad: (6, .badSignature)), "signature of the trail at entry 6 does not verify"),
            (Self.verdict(firstBad: (7, .unsignedEntry)), "entry 7 needs a user's keys but no signature covers it"),
            (Self.verdict(checkpoint: .truncated), "ends before the checkpoint"),
            (Self.verdict(checkpoint: .diverged), "differs from the checkpoint at entry 8"),
            (Self.verdict(checkpoint: .badSignature), "signature"),
        ]
        for (result, expected) in cases {
            let report = AuditRendering.verification(result, checkpointSeq: 8, paperSeq: 9, english)
            XCTAssertEqual(report.summary, [], expected)
            XCTAssertEqual(report.problems.count, 1, expected)
            XCTAssertTrue(report.problems.first?.contains(expected) ?? false, "\(expected): \(report.problems)")
        }
        var rolledBack = Self.verdict(firstBad: (3, .hashMismatch))
        rolledBack.rolledBackCases = ["K7Q4-M2XA", "P3RT-8WZC"]
        rolledBack.paperCheckpoint = .truncated
        let report = AuditRendering.verification(rolledBack, checkpointSeq: nil, paperSeq: 40, english)
        XCTAssertEqual(report.problems.count, 4, "\(report.problems)")
        XCTAssertTrue(report.problems[1].hasPrefix("case K7Q4-M2XA was put back to an earlier version"), report.problems[1])
        XCTAssertTrue(report.problems[2].hasPrefix("case P3RT-8WZC was put back"), report.problems[2])
        XCTAssertTrue(report.problems[3].contains("written-down checkpoint of entry 40"), report.problems[3])
    }

    func testVerdictsRenderInEveryLanguage() {
        var intact = Self.verdict()
        intact.signedThrough = 12
        intact.paperCheckpoint = .matches
        var broken = Self.verdict(firstBad: (6, .unsignedEntry), checkpoint: .diverged)
        broken.rolledBackCases = ["K7Q4-M2XA"]
        broken.paperCheckpoint = .diverged
        for language in Language.allCases {
            let messages = Messages.load(language)
            for result in [intact, broken, Self.verdict(entries: 0)] {
                let report = AuditRendering.verification(result, checkpointSeq: 8, paperSeq: 9, messages)
                for text in report.problems + report.summary {
                    XCTAssertFalse(text.isEmpty || text.contains("cli.") || text.contains("{"), "\(language.rawValue): \(text)")
                    if language == .serbianCyrillic {
                        let prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                            .filter { $0.offset % 2 == 0 }.map(\.element).joined().replacingOccurrences(of: "K7Q4-M2XA", with: "")
                        XCTAssertFalse(prose.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x0370 }, text)
                    }
                }
            }
        }
    }
}
