import CaseStore
import Intake

/// The first thing `case show` prints after the case's title: what a worker must know before
/// she phones or visits (danger, weapons, threats to kill, children at risk, shelter, the phone
/// number and whether it is safe to call or to leave a message). With immediate danger recorded,
/// the alert (`DangerAlert`) comes right above it.
enum SafetyPanel {
    static let immediateDanger = "immediate_danger"

    /// The intake questions the panel shows, in this order; the rest of `case show` leaves them out.
    static let questions = [immediateDanger, "weapons", "threats_to_kill", "children_at_risk", "needs_shelter",
                            "phone", "safe_to_call", "safe_to_leave_message"]

    static func lines(_ document: CaseDocument, _ answers: CaseAnswers, form: FormDefinition?, _ messages: Messages) -> [String] {
        var lines = ["", messages("cli.case.section.safety")]
        if let form, let localizer = messages.localizer {
            let rendering = IntakeAnswerLines(form: form, localizer: localizer, messages: messages, answers: answers)
            lines += questions.compactMap(form.question).flatMap { rendering.lines($0) }
        }
        if answers.value("phone") == nil {
            if let phone = document.survivor.phone {
                lines.append("  " + messages("cli.case.label.phone") + " → " + TerminalSafeText.escaped(phone))
            } else {
                lines.append("  " + messages("cli.case.no_phone"))
            }
        }
        if answers.value(immediateDanger) == nil {
            lines.append("  " + messages("cli.case.safety_not_recorded"))
        }
        return lines
    }
}
