import ArgumentParser
import CaseStore
import Foundation

/// `casevault demo [--cases N]`: a vault full of invented cases, so a newcomer can try every
/// command in a few minutes. It is written next to the real vault, never over it.
struct DemoCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo vault with fictional cases to try every command.",
        discussion: """
            Writes $XDG_DATA_HOME/casevault/demo.casevault unless --vault (or CASEVAULT_VAULT) says \
            otherwise, and refuses an existing file. Adds one user per role (demo-admin, demo-maja, \
            demo-vesna, demo-sofija, demo-ivan) who all share a passphrase printed at the end, and \
            the same invented cases on every run. Never put real cases in a demo vault.
            """
    )

    /// How many cases `--cases` may ask for.
    static let caseRange = 1...5000
    /// Above this many cases, progress is shown on stderr.
    static let progressThreshold = 200

    @OptionGroup var location: VaultLocation

    @Option(name: .long, help: ArgumentHelp("Number of fictional cases, 1 to 5000.", valueName: "n"))
    var cases = 60

    func validate() throws {
        guard Self.caseRange.contains(cases) else {
            throw ValidationError(ActiveMessages.current("cli.error.demo_cases_range", [
                "value": String(cases), "min": String(Self.caseRange.lowerBound), "max": String(Self.caseRange.upperBound),
            ]))
        }
    }

    mutating func run(console: Console) throws {
        let path = DemoVaultPath.resolve(explicit: location.vault)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard !FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.fileExists(path) }
        var generator = DemoCaseGenerator()
        let demoCases = generator.cases(cases)
        console.progress(console.messages("cli.demo.progress.creating") + "\n")
        let seeder = DemoSeeder(path: path, console: console, showsProgress: cases > Self.progressThreshold)
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
