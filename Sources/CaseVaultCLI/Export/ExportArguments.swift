import ArgumentParser
import CaseStore

extension ExportProfile: ExpressibleByArgument {}

/// `--recipient`, `--recipients-file`, `--passphrase`, `--passphrase-out-file`: who can open an
/// export. Exactly one kind: age recipients (`age1...` keys or the names of partner
/// organisations stored in the vault) or a passphrase (typed twice, or read from a file).
struct ExportRecipientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("An age public key (age1...) or a partner's name; repeatable.", valueName: "recipient"))
    var recipient: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of age public keys, one per line (# comments).", valueName: "path"))
    var recipientsFile: String?

    @Flag(name: .long, help: ArgumentHelp("Encrypt to a passphrase instead (asked twice, or read from --export-passphrase-file)."))
    var passphrase = false

    @Option(name: .long, help: ArgumentHelp("Read the export's passphrase from this file.", valueName: "path"))
    var exportPassphraseFile: String?

    func validate() throws {
        let keyed = !recipient.isEmpty || recipientsFile != nil
        let protected = passphrase || exportPassphraseFile != nil
        guard keyed != protected else { throw ValidationError(ActiveMessages.current("cli.export.error.one_kind_of_recipient")) }
    }
}

/// The export's output file: `--out FILE` (its signature goes to `FILE.sig`).
struct ExportOutputOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The encrypted file to write (must not exist); its signature goes beside it as FILE.sig.", valueName: "path"))
    var out: String
}
