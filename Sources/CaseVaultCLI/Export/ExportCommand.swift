import ArgumentParser

/// `casevault export`: write an encrypted, signed export (the default), or work the ledger of
/// export requests (`pending`, `approve`, `deny`) and its rules (`rules`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a record, encrypted (age) and signed; approve or deny export requests.",
        subcommands: [ExportWriteCommand.self, ExportPendingCommand.self, ExportApproveCommand.self, ExportDenyCommand.self,
                      ExportRulesCommand.self],
        defaultSubcommand: ExportWriteCommand.self
    )
}
