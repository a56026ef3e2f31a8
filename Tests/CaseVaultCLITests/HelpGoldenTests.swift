import ArgumentParser
@testable import CaseVaultCLI
import Foundation
import XCTest

/// Pins `--help` of every command to a golden file, so a change to the command line is a
/// visible change to `Fixtures/help/`. Regenerate with `CASEVAULT_REGENERATE_HELP=1 swift test
/// --filter HelpGoldenTests` and review the diff.
final class HelpGoldenTests: XCTestCase {
    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/help")
    }

    /// Every command path of the tree: [], ["case"], ["case", "show"], ...
    static func commandPaths(_ command: any ParsableCommand.Type = CaseVaultCommand.self, prefix: [String] = []) -> [[String]] {
        var paths = [prefix]
        for sub in command.configuration.subcommands {
            paths += commandPaths(sub, prefix: prefix + [sub._commandName])
        }
        return paths
    }

    func testHelpOfEveryCommandMatchesItsGoldenFile() throws {
        let regenerate = ProcessInfo.processInfo.environment["CASEVAULT_REGENERATE_HELP"] == "1"
        let cli = try CLIHarness()
        let paths = Self.commandPaths()
        XCTAssertGreaterThan(paths.count, 25)
        for path in paths {
            let result = cli.run(path + ["--help"])
            XCTAssertEqual(result.status, 0, path.joined(separator: " "))
            let name = (["casevault"] + path).joined(separator: "-") + ".txt"
            let golden = Self.goldenDirectory.appendingPathComponent(name)
            if regenerate {
                try Data(result.out.utf8).write(to: golden)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            XCTAssertEqual(result.out, expected, "help of \(path.joined(separator: " ")) changed; regenerate and review")
        }
    }

    func testCompletionScriptsAreGenerated() throws {
        let cli = try CLIHarness()
        for shell in ["bash", "zsh", "fish"] {
            let result = cli.run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, shell)
            XCTAssertTrue(result.out.contains("casevault"), shell)
            XCTAssertTrue(result.out.contains("intake"), shell)
            XCTAssertTrue(result.out.contains("lang"), shell)
            XCTAssertTrue(result.out.contains("sr-Cyrl"), "\(shell) completes the languages")
            XCTAssertTrue(result.out.contains("version"), shell)
        }
    }
}
