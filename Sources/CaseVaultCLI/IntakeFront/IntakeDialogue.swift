import Foundation
import Intake
import Transliteration

/// The question-by-question dialogue over lines of text (a terminal or a pipe): prompts and
/// messages go to stderr, answers come from `lines`, and the engine is saved after every change.
/// A long-text question (the account) takes several lines on a terminal, ended by a line holding
/// only a dot; after the idle lock the question is asked again. On a terminal, prompts, help and
/// the review are wrapped to its width at word boundaries.
/// Returns the confirmed result; throws `IntakeStopped` when the user typed `save`.
struct IntakeDialogue {
    var engine: IntakeEngine
    let console: Console
    let lines: LineSource
    let save: (IntakeEngine) throws -> Void

    var messages: Messages { console.messages }

    private func say(_ text: String) { console.progress(TextWrapping.wrap(text, width: width) + "\n") }

    /// Columns to wrap to (one left free), nil when stderr is not a terminal.
    private var width: Int? { console.progressWidth }

    mutating func run() throws -> IntakeResult {
        var lastSection: String?
        say(messages("cli.intake.commands", words))
        if let notice = messages.reviewNotice { say("(" + notice + ")") }
        while true {
            guard let step = engine.current else {
                if let result = try confirmOrContinue() { return result }
                continue
            }
            if step.section.id != lastSection {
                lastSection = step.section.id
                say("\n== " + text(step.section.title) + " ==")
                if let help = step.section.help { say(text(help)) }
            }
            let shape: LineSource.Shape = step.question.type == .longText && lines.isInteractive ? .text : .line
            switch try read(shape, after: TextWrapping.wrap(prompt(for: step), width: width)) {
            case .typed(let input): try handle(input, at: step)
            case .relocked: lastSection = nil
            }
        }
    }

    /// What a read gave that the dialogue goes on with.
    private enum Read {
        case typed([UInt8])
        /// The session locked and was unlocked: the question is asked again.
        case relocked
    }

    /// Shows `prompt` and reads the answer; its last row is where the answer is typed. Ctrl-C
    /// and the end of the input keep the draft and end the dialogue.
    private func read(_ shape: LineSource.Shape, after prompt: String) throws -> Read {
        let rowStart = prompt.lastIndex(of: "\n").map { prompt.index(after: $0) } ?? prompt.startIndex
        console.progress(String(prompt[..<rowStart]))
        switch try lines.read(shape, String(prompt[rowStart...]), console) {
        case .typed(let input): return .typed(input)
        case .relocked: return .relocked
        case .interrupted:
            try save(engine)
            throw IntakeInterrupted()
        case .endOfInput:
            try save(engine)
            throw CLIError(message: messages("cli.intake.input_ended"))
        }
    }

    /// One typed line: a command or an answer.
    private mutating func handle(_ input: [UInt8], at step: IntakeStep) throws {
        let command = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        switch IntakeCommandWord(command) {
        case .help:
            say(step.question.help.map(text) ?? messages("cli.intake.no_help"))
        case .back:
            if engine.back() { try save(engine) } else { say(messages("cli.intake.at_start")) }
        case .review:
            showReview()
        case .save:
            try save(engine)
            throw IntakeStopped()
        case nil:
            do {
                if command.isEmpty, step.isResolved {
                    engine.keep()
                } else if command.isEmpty, !step.question.required {
                    try engine.skip()
                } else {
                    try engine.answer(.bytes(input))
                }
                try save(engine)
            } catch let error as AnswerError {
                say("! " + (messages.localizer?.render(error.message) ?? error.problem.message.id))
            }
        }
    }

    private func text(_ id: String) -> String { messages.localizer?.text(id) ?? id }

    private func prompt(for step: IntakeStep) -> String {
        var lines: [String] = []
        if let group = step.group, let title = group.itemTitle, let item = step.path.item {
            lines.append(messages.localizer?.text(title, ["index": .integer(item + 1)]) ?? title)
        }
        let remaining = engine.review().filter { !$0.isResolved }.count
        lines.append(text(step.question.prompt) + (step.question.required ? " *" : "") + "  (" + messages.plural("intake.progress", count: remaining) + ")")
        for (index, choice) in step.question.choices.enumerated() {
            lines.append("  \(index + 1). " + text(choice.label))
        }
        switch step.question.type {
        case .date: lines.append("  " + text("intake.hint.date"))
        case .singleChoice: lines.append("  " + text("intake.hint.choice"))
        case .multiChoice: lines.append("  " + text("intake.hint.multi_choice"))
        case .yesNo: lines.append("  " + (messages.localizer?.text("intake.hint.yes_no", ["yes": .message("answer.yes"), "no": .message("answer.no")]) ?? ""))
        case .longText where self.lines.isInteractive: lines.append("  " + messages("cli.text.how_to_end"))
        default: break
        }
        if let answer = step.answer, let localizer = messages.localizer {
            lines.append("  " + messages("cli.intake.earlier_answer", ["answer": TerminalSafeText.escaped(localizer.display(answer, for: step.question))]))
        } else if step.isSkipped {
            lines.append("  " + messages("cli.intake.earlier_skipped"))
        }
        lines.append("> ")
        return lines.joined(separator: "\n")
    }

    /// The `review` and `save` words of the session's language, for the texts that name them.
    private var words: [String: String] {
        ["review": IntakeCommandWord.shown(IntakeCommandWord.reviewID, messages), "save": IntakeCommandWord.shown(IntakeCommandWord.saveID, messages)]
    }

    /// Every question so far with its answer; the items of a group (perpetrators) under their
    /// headings ("Alleged perpetrator 1").
    private func showReview() {
        say("\n" + text("intake.review.title"))
        var heading: String?
        for step in engine.review() {
            var indent = "  "
            if let group = step.group, let title = group.itemTitle, let item = step.path.item {
                let itemHeading = messages.localizer?.text(title, ["index": .integer(item + 1)]) ?? title
                if itemHeading != heading { say("  " + itemHeading) }
                heading = itemHeading
                indent = "    "
            } else {
                heading = nil
            }
            let value: String
            if let answer = step.answer, let localizer = messages.localizer {
                value = TerminalSafeText.escaped(localizer.display(answer, for: step.question))
            } else {
                value = text(step.isSkipped ? "intake.skipped" : "intake.unanswered")
            }
            say(indent + text(step.question.prompt) + ": " + value)
        }
    }

    /// Shows every answer and asks to save the case. "No" saves nothing and says what can be
    /// done next (go back, review, keep the draft, or save after all), then asks again.
    private mutating func confirmOrContinue() throws -> IntakeResult? {
        showReview()
        let yes = text("answer.yes")
        let no = text("answer.no")
        while true {
            let question = TextWrapping.wrap(messages("cli.intake.confirm", ["yes": yes, "no": no]), width: width) + " "
            guard case .typed(let input) = try read(.line, after: question) else { return nil }
            let typed = String(decoding: input, as: UTF8.self)
            if Self.matches(typed, wordsOf: "answer.yes_words", messages) { return try engine.confirm() }
            switch IntakeCommandWord(typed) {
            case .back:
                engine.back()
                try save(engine)
                return nil
            case .save:
                try save(engine)
                throw IntakeStopped()
            case .review:
                showReview()
            case .help, nil:
                let refused = Self.matches(typed, wordsOf: "answer.no_words", messages)
                say(messages(refused ? "cli.intake.not_saved" : "cli.intake.confirm_choices", words.merging(["yes": yes]) { $1 }))
            }
        }
    }

    /// Whether `typed` is one of the catalog's `|`-separated words, compared as names are
    /// (any case, script or diacritics).
    static func matches(_ typed: String, wordsOf id: String, _ messages: Messages) -> Bool {
        let words = messages(id).split(separator: "|").map { NameFolding.searchKey(String($0)) }
        return words.contains(NameFolding.searchKey(typed))
    }
}

/// The user typed `save`: the draft is kept and the command ends without a case.
struct IntakeStopped: Error {}

/// Ctrl-C during the intake: the draft is kept and the command ends without a case.
struct IntakeInterrupted: Error {}
