import CaseVaultCLI
import XCTest

/// `casevault profile`: each account names its own role in the grammatical gender it chooses.
final class ProfileCommandTests: XCTestCase {
    func testRoleIsNamedInTheChosenGender() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("marko", "caseworker")])
        let serbian = ["CASEVAULT_LANG": "sr-Cyrl"]

        let before = try cli.run(as: "marko", ["profile"], environment: serbian)
        XCTAssertEqual(before.status, 0, before.err)
        XCTAssertEqual(before.out, "Ваша улога се приказује као: саветница.\n")
        let set = try cli.run(as: "marko", ["profile", "--grammatical-gender", "masculine"], environment: serbian)
        XCTAssertEqual(set.out, "Ваша улога се приказује као: саветник.\n", set.err)
        XCTAssertEqual(try cli.run(as: "marko", ["profile"], environment: ["CASEVAULT_LANG": "rom"]).out, "Tiri uloga sikavel pe sar: savetniko.\n")
        XCTAssertEqual(try cli.run(as: "ana", ["profile"], environment: serbian).out, "Ваша улога се приказује као: администраторка.\n",
                       "one account's choice is its own")

        let list = try cli.run(as: "ana", ["user", "list"], environment: serbian)
        XCTAssertTrue(list.out.contains("саветник"), list.out)
        XCTAssertTrue(list.out.contains("администраторка"), list.out)

        let wrong = try cli.run(as: "marko", ["profile", "--grammatical-gender", "neuter"], environment: serbian)
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertEqual(try cli.run(as: "marko", ["profile"]).out, "Your role is named: caseworker.\n")
    }
}
