import ArgumentParser
import CaseVaultCLI
import Foundation
import XCTest

/// SECURITY.md claim: passphrases are never accepted on the command line. Walks the whole
/// command tree (the same one the shell uses) as argument-parser describes it: every option or
/// argument that mentions a passphrase or password names a file, never the secret itself.
final class PassphraseArgumentTests: XCTestCase {
    struct Argument {
        let command: String
        let names: [String]
        let kind: String
        let valueName: String
        let abstract: String
    }

    static func arguments() throws -> [Argument] {
        let json = CaseVaultCommand._dumpHelp()
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var found: [Argument] = []
        func walk(_ command: [String: Any], path: String) {
            let name = (command["commandName"] as? String) ?? "?"
            let here = path.isEmpty ? name : "\(path) \(name)"
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                found.append(Argument(command: here, names: names, kind: argument["kind"] as? String ?? "",
                                      valueName: argument["valueName"] as? String ?? "", abstract: argument["abstract"] as? String ?? ""))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, path: here) }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), path: "")
        return found
    }

    func testNoArgumentTakesASecret() throws {
        let arguments = try Self.arguments()
        XCTAssertGreaterThan(Set(arguments.map(\.command)).count, 20, "the walk reaches every command")
        let secretWords = ["passphrase", "password", "passwd", "secret", "pass"]
        var fileOptions: Set<String> = []
        for argument in arguments {
            let text = (argument.names + [argument.valueName, argument.abstract]).joined(separator: " ").lowercased()
            guard secretWords.contains(where: { text.contains($0) }) else { continue }
            let context = "\(argument.command) \(argument.names) (\(argument.kind), \(argument.valueName)): \(argument.abstract)"
            if argument.kind == "flag" { continue }
            XCTAssertEqual(argument.kind, "option", "a positional argument about a secret: \(context)")
            XCTAssertFalse(argument.names.isEmpty, context)
            XCTAssertTrue(argument.names.allSatisfy { $0.hasSuffix("-file") }, "an option that may take a secret itself: \(context)")
            XCTAssertTrue(["path", "file"].contains(argument.valueName), "its value is not a file: \(context)")
            fileOptions.formUnion(argument.names)
        }
        XCTAssertTrue(fileOptions.isSuperset(of: ["passphrase-file", "new-passphrase-file"]), "the walk sees the file options: \(fileOptions)")
    }
}
