import Access
import ArgumentParser
import CaseStore
import Foundation
import Intake

/// `casevault intake`: the GBV intake form, one question at a time, in the user's language.
/// Every accepted answer is saved at once as a sealed draft, so an intake interrupted at any
/// point (Ctrl-C, a closed terminal, a crash) continues with `--resume`. Ctrl-C ends it with
/// status 130 and says once that the draft is kept.
struct IntakeCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Take an intake: the GBV intake form, question by question, in the chosen language.",
        discussion: """
            On a terminal: type the answer, or ? for help, < to go back, review to see all answers, \
            save to keep a draft and stop. Without a terminal the same questions are answered line \
            by line (prompts on stderr). --answers FILE.json answers a whole intake at once \
            (question id → value). Prints the new case code.
            """
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Answer the whole form from a JSON file (question id → value).", valueName: "file"))
    var answers: String?

    @Flag(name: .long, help: "Continue your saved draft.")
    var resume = false

    @Flag(name: .long, help: "Delete your saved draft and stop.")
    var discardDraft = false

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(), console: console)
        let messages = console.messages
        if discardDraft {
            try session.discardIntakeDraft()
            console.output(messages("cli.intake.discarded"))
            return
        }
        guard let localizer = messages.localizer else { throw CLIError(message: "catalogs unavailable") }
        let form = try IntakeResources.form(catalogs: IntakeResources.catalogs())
        let today = CalendarDay.today(in: TimeZone(identifier: "UTC") ?? .current)
        var engine = IntakeEngine(form: form, localizer: localizer, today: today)
        let saved = try session.loadIntakeDraft()
        if resume {
            guard let saved else { throw CLIError(message: messages("cli.intake.no_draft")) }
            engine = try IntakeEngine(form: form, localizer: localizer, today: today, draft: JSONDecoder().decode(IntakeDraft.self, from: Data(saved)))
            console.progress(messages("cli.intake.resumed") + "\n")
        } else if saved != nil, answers == nil {
            throw CLIError(message: messages("cli.intake.draft_exists"))
        }
        let result: IntakeResult
        if let answers {
            result = try AnswersFile.answer(&engine, from: answers, messages: messages)
        } else {
            var dialogue = IntakeDialogue(engine: engine, console: console, lines: LineSource.standard(console: console),
                                          save: { try session.saveIntakeDraft(Array(JSONEncoder().encode($0.snapshot()))) })
            let keep = { try session.keepIntakeDraft(Array(JSONEncoder().encode(dialogue.engine.snapshot()))) }
            do {
                result = try dialogue.run()
            } catch is IntakeStopped {
                try keep()
                console.progress(messages("cli.intake.saved") + "\n")
                return
            } catch is IntakeInterrupted {
                try keep()
                console.progress(messages("cli.intake.cancelled_kept") + "\n")
                console.shell?.cancellationReported = true
                throw CommandInterrupted()
            } catch let ended as CLIError {
                // The input ended: the draft (saved after every answer) is left for later, on the record.
                try keep()
                throw ended
            }
        }
        let code = try session.createCaseFromIntake(IntakeCaseDocument.make(from: result))
        console.output(code.rawValue)
        console.progress(messages("cli.intake.created", ["code": code.rawValue]) + "\n")
        if result.answers[SafetyPanel.immediateDanger] == .yesNo(true) {
            console.progress("\n" + TextWrapping.wrap(DangerAlert.lines(messages), width: console.progressWidth).joined(separator: "\n") + "\n")
        }
    }
}
