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

    @OptionGroup var output: OutputOptions

    mutating func run(console: Console) throws {
        let address = try VaultAddress(location.path(for: console))
        let path = address.display
        if case .file(let file) = address, !FileManager.default.fileExists(atPath: file) {
            console.output(console.messages("cli.status.no_vault", ["path": path]))
            console.hint(console.messages("cli.hint.create_vault"))
            return
        }
        let status = try address.open().status()
        switch output.format {
        case .json:
            console.output(try JSONRendering.string(StatusDocument(path: path, status: status)))
        case .text:
            let messages = console.messages
            let lines = TextLayout.fields([
                (messages("cli.status.label.vault"), path),
                (messages("cli.status.label.format_version"), String(status.formatVersion)),
                (messages("cli.status.label.key_version"), String(status.keyVersion)),
                (messages("cli.status.label.created"), messages.day(status.createdDay)),
                (messages("cli.status.label.users"), messages.number(status.users)),
                (messages("cli.status.label.open_cases"), messages.number(status.openCases)),
                (messages("cli.status.label.closed_cases"), messages.number(status.closedCases)),
                (messages("cli.status.label.erased_cases"), messages.number(status.erasedCases)),
            ])
            console.output(lines.joined(separator: "\n"))
        }
    }

    struct StatusDocument: Encodable {
        let path: String
        let status: VaultStatus
    }
}
