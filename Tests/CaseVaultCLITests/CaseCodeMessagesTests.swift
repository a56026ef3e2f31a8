import XCTest

/// What a worker hears about a case code: closing a closed case says it is already closed (and
/// changes nothing); a code whose letters were read as digits is shown as she typed it too.
final class CaseCodeMessagesTests: XCTestCase {
    var cli: CLIHarness!
    var code = ""

    override func setUpWithError() throws {
        cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker")])
        code = try cli.importTwoCases(as: "maja")
    }

    func testClosingAClosedCaseSaysSoAndChangesNothing() throws {
        XCTAssertEqual(try cli.run(as: "maja", ["close", code, "--reason", "needs_met"]).status, 0)
        let again = try cli.run(as: "maja", ["close", code, "--reason", "relocated"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.err, "casevault: error: case \(code) is already closed; nothing was changed\n")
        let shown = try cli.run(as: "maja", ["case", "show", code, "--format", "json"])
        XCTAssertTrue(shown.out.contains("needs_met") && !shown.out.contains("relocated"), shown.out)
        XCTAssertEqual(try cli.run(as: "maja", ["reopen", code]).status, 0)
        let reopened = try cli.run(as: "maja", ["reopen", code, "--lang", "sr-Cyrl"])
        XCTAssertEqual(reopened.status, 1)
        XCTAssertEqual(reopened.err, "casevault: error: случај \(code) је отворен; нема шта поново да се отвори\n")
    }

    func testACodeReadDifferentlyIsShownAsTyped() throws {
        let result = try cli.run(as: "maja", ["case", "show", "NOPE-0000"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, """
            casevault: error: no case with code N0PE-0000 (you typed “NOPE-0000”)
            casevault: hint: case codes have no letters `I`, `L` or `O`: `I` and `L` are read as `1`, `O` as `0`

            """)
        let plain = try cli.run(as: "maja", ["case", "show", "zzzz-zzzz"])
        XCTAssertEqual(plain.err, "casevault: error: no case with code ZZZZ-ZZZZ\n", "only case changed: no explanation needed")
    }
}
