@_spi(Fuzzing) import CaseVaultCLI
import Foundation

/// A case's stored intake answers as `case show` reads them (`CaseAnswers`, `IntakeAnswerLines`):
/// the input is the `intake` object of a case document (question id to answer as JSON text), which
/// an import or a hand-edited vault can fill with anything. Property: no listed line carries a
/// character that could rewrite the terminal.
enum CaseAnswersTarget {
    static let target = FuzzTarget(name: "case-answers") { data in
        guard let intake = try? JSONDecoder().decode([String: String].self, from: data) else { return }
        for line in CLIFuzzing.caseAnswerLines(intake, form: FuzzFixtures.form) {
            FuzzCheck.require(!FuzzCheck.hasTerminalUnsafe(line), "a case-show answer line is safe to print")
        }
    }
}
