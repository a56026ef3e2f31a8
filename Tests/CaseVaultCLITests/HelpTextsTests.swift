@testable import CaseVaultCLI
import Intake
import XCTest

/// Help comes from the catalogs: every command and every argument of the tree has its text in
/// every language, and the tree read from ArgumentParser is the tree of our types.
final class HelpTextsTests: XCTestCase {
    func testTheTreeIsOurCommandTree() {
        XCTAssertEqual(CommandTree.casevault.paths.filter { $0 != ["help"] }, HelpGoldenTests.commandPaths())
    }

    func testEveryCommandAndArgumentHasItsTextInEveryCatalog() throws {
        let tree = CommandTree.casevault
        var ids: Set<String> = ["cli.help.arg.lang", "cli.help.arg.version", "cli.help.arg.help", "cli.help.value.command",
                                "cli.help.value.language"]
        for path in tree.paths {
            let command = try XCTUnwrap(tree.command(at: path))
            ids.insert(HelpTexts.abstractID(path))
            if let discussion = HelpTexts.discussionID(path) { ids.insert(discussion) }
            for argument in command.shown {
                ids.insert(HelpTexts.argumentID(path, argument))
                if let value = argument.valueName, !argument.isFlag { ids.insert(HelpTexts.valueID(value)) }
            }
        }
        XCTAssertGreaterThan(ids.count, 60)
        for language in Language.allCases {
            let catalog = try IntakeResources.catalog(language)
            for id in ids.sorted() {
                XCTAssertTrue(catalog.contains(id), "\(id) is missing in \(language.catalogFileName)")
            }
        }
    }

    func testHelpInSerbianNamesValuesInSerbian() throws {
        let page = HelpRenderer.page(["followup"], Messages.load(.serbianCyrillic))
        XCTAssertTrue(page.contains("Употреба: casevault followup <шифра>"), page)
        XCTAssertTrue(page.contains("--due <датум>"), page)
        XCTAssertTrue(page.contains("рок: 15.12.2026. или 2026-12-15"), page)
        var inShell = Messages.load(.romani)
        inShell.invocation = ""
        let shellPage = HelpRenderer.page(["case", "show"], inShell)
        XCTAssertTrue(shellPage.contains("Sar labarelpe: case show <šifra>"), shellPage)
    }

    func testVersionComesFromOneConstant() throws {
        let cli = try CLIHarness()
        let result = cli.run(["--version", "--lang", "sr-Latn"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.out, "casevault verzija \(CaseVaultVersion.current)\n")
    }
}
