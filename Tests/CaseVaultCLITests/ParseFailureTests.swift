import ArgumentParser
@testable import CaseVaultCLI
import XCTest

/// Every kind of parse failure ArgumentParser can report for our tree is read correctly from
/// its (internal) error value: if a new ArgumentParser version changes their shape, this fails
/// instead of the user seeing English.
final class ParseFailureTests: XCTestCase {
    func failure(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> ParseFailure {
        do {
            var command = try CaseVaultCommand.parseAsRoot(arguments)
            try command.run()
            XCTFail("\(arguments) parsed and ran", file: file, line: line)
            return .other
        } catch {
            return ParseFailure.classify(error)
        }
    }

    func testEveryKindIsRecognised() {
        XCTAssertEqual(failure(["foo"]), .unknownCommand(word: "foo", path: []))
        XCTAssertEqual(failure(["case", "foo"]), .unknownCommand(word: "foo", path: ["case"]))
        XCTAssertEqual(failure(["note", "K7Q4-M2XA", "--bogus"]), .unknownOption(word: "--bogus", path: ["note"]))
        XCTAssertEqual(failure(["note", "K7Q4-M2XA", "-x"]), .unknownOption(word: "-x", path: ["note"]))
        XCTAssertEqual(failure(["case", "show", "K7Q4"]), .badValue(value: "K7Q4", name: "code", path: ["case", "show"]))
        XCTAssertEqual(failure(["followup", "K7Q4-M2XA", "--due", "31.02.2026."]),
                       .badValue(value: "31.02.2026.", name: "--due", path: ["followup"]))
        XCTAssertEqual(failure(["refer", "K7Q4-M2XA", "--service", "x", "--to", "y"]),
                       .badValue(value: "x", name: "--service", path: ["refer"]))
        XCTAssertEqual(failure(["note"]), .missing(name: "code", path: ["note"]))
        XCTAssertEqual(failure(["followup", "K7Q4-M2XA"]), .missing(name: "due", path: ["followup"]))
        XCTAssertEqual(failure(["followup", "K7Q4-M2XA", "--due"]), .missingOptionValue(name: "--due", path: ["followup"]))
        XCTAssertEqual(failure(["note", "K7Q4-M2XA", "extra", "more"]), .tooManyArguments(words: ["extra", "more"], path: ["note"]))
        XCTAssertEqual(failure(["--help"]), .help(path: []))
        XCTAssertEqual(failure(["case", "show", "-h"]), .help(path: ["case", "show"]))
        XCTAssertEqual(failure(["help", "audit", "log"]), .help(path: ["audit", "log"]))
        XCTAssertEqual(failure(["case"]), .help(path: ["case"]))
        XCTAssertEqual(failure(["--version"]), .version)
    }

    func testOurValidationErrorsKeepTheirText() {
        guard case .validation(let message, let path) = failure(["audit", "verify", "--expect", "nonsense"]) else {
            return XCTFail("not a validation failure")
        }
        XCTAssertTrue(message.contains("nonsense"), message)
        XCTAssertEqual(path, ["audit", "verify"])
    }

    func testHelpOfAnUnknownCommandSaysSo() throws {
        let cli = try CLIHarness()
        let result = cli.run(["help", "case", "nothing", "--lang", "sr-Cyrl"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.err, "casevault: error: нема команде „nothing“\ncasevault: hint: `casevault case --help` приказује списак команди\n")
        XCTAssertEqual(cli.run(["help", "audit", "log"]).status, 0)
    }

    func testAnUnknownCommandIsEscaped() throws {
        let cli = try CLIHarness()
        let result = cli.run(["fo\u{1B}[2Jo"])
        XCTAssertEqual(result.status, 64)
        XCTAssertFalse(result.err.contains("\u{1B}"), result.err)
        XCTAssertTrue(result.err.contains("there is no command “fo\\x1b[2Jo”"), result.err)
    }
}
