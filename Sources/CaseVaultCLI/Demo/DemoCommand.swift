import ArgumentParser
import CaseStore
import Foundation

/// `casevault demo [--cases N] [--shell]`: a vault full of invented cases, so a newcomer can try
/// every command in a few minutes. It is written next to the real vault, never over it. With
/// `--shell` it is the first command of the README: it makes (or reuses) the demo vault and
/// opens the shell as the demo caseworker.
struct DemoCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo vault with fictional cases to try every command.",
        discussion: """
            Writes demo.casevault in $XDG_DATA_HOME/casevault (else ~/.local/share/casevault) unless \
            --vault (or CASEVAULT_VAULT) says otherwise, and refuses an existing file. Adds one user \
            per role (demo-admin, demo-maja, demo-vesna, demo-sofija, demo-ivan) who all share a \
            passphrase printed at the end, and the same invented cases with the same case codes on \
            every run. With --shell, an existing demo vault is reused and the shell opens as demo-maja \
            (this needs a terminal). Never put real cases in a demo vault.
            """
    )

    /// How many cases `--cases` may ask for.
    static let caseRange = 1...5000
    /// Above this many cases, progress is shown on stderr.
    static let progressThreshold = 200
    /// The seed of the demo's case codes (`CaseCodeSequence`), so they are the same every run.
    static let codeSeed: UInt64 = 0x0CA5_E7A0_17DE_C0DE

    @Option(name: .long, help: ArgumentHelp(
        "Demo vault file (default: $CASEVAULT_VAULT, else demo.casevault in $XDG_DATA_HOME/casevault or ~/.local/share/casevault).",
        valueName: "path"))
    var vault: String?

    @Option(name: .long, help: ArgumentHelp("Number of fictional cases, 1 to 5000.", valueName: "n"))
    var cases = 60

    @Flag(name: .long, help: "Then open the shell as the demo caseworker demo-maja; reuses an existing demo vault (needs a terminal).")
    var shell = false

    func validate() throws {
        guard Self.caseRange.contains(cases) else {
            throw ValidationError(ActiveMessages.current("cli.error.demo_cases_range", [
                "value": String(cases), "min": String(Self.caseRange.lowerBound), "max": String(Self.caseRange.upperBound),
            ]))
        }
    }

    mutating func run(console: Console) throws {
        let path = DemoVaultPath.resolve(explicit: vault)
        if shell, FileManager.default.fileExists(atPath: path) {
            guard DemoShell.isDemoVault(path) else { throw CLIError(id: "cli.error.not_a_demo_vault", arguments: ["path": path]) }
            console.output(console.messages("cli.demo.reused", ["path": path]))
            DemoReport.showLogin(on: console)
        } else {
            try create(at: path, console: console)
        }
        if shell { try DemoShell.open(path: path, console: console) }
    }

    private func create(at path: String, console: Console) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard !FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.fileExists(path) }
        var generator = DemoCaseGenerator()
        let demoCases = generator.cases(cases)
        console.progress(console.messages("cli.demo.progress.creating") + "\n")
        let seeder = DemoSeeder(path: path, console: console, showsProgress: cases > Self.progressThreshold,
                                options: VaultOptions(caseCodes: CaseCodeSequence(seed: Self.codeSeed)))
        let admin = try seeder.createVault()
        let codes: [CaseCode]
        do {
            codes = try seeder.fill(demoCases, admin: admin)
        } catch {
            seeder.removeVault()
            throw error
        }
        DemoReport(path: path, cases: demoCases, codes: codes).show(on: console)
    }
}
