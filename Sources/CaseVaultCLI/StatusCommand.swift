import ArgumentParser
import CaseStore
import Foundation

/// `casevault status`: what can be known of a vault without unlocking it.
struct StatusCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the vault's version and counts (no passphrase needed)."
    )

    @OptionGroup var location: VaultLocation

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func run(console: Console) throws {
        let path = location.path
        guard FileManager.default.fileExists(atPath: path) else {
            console.output("No vault at \(path) yet.")
            console.hint("create one with: casevault init --admin NAME")
            return
        }
        let status = try location.open().status()
        switch format {
        case .json:
            console.output(try JSONRendering.string(StatusDocument(path: path, status: status)))
        case .text:
            console.output("""
                Vault:          \(path)
                Format version: \(status.formatVersion)
                Key version:    \(status.keyVersion)
                Created:        \(status.createdDay)
                Users:          \(status.users)
                Open cases:     \(status.openCases)
                Closed cases:   \(status.closedCases)
                Erased cases:   \(status.erasedCases)
                """)
        }
    }

    struct StatusDocument: Encodable {
        let path: String
        let status: VaultStatus
    }
}
