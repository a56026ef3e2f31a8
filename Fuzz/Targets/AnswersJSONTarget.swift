@_spi(Fuzzing) import CaseVaultCLI
import Foundation
import Intake

/// `intake --answers FILE.json` (`AnswersFile`), answered into the standard form. Property: the
/// error the user sees never carries a character that could rewrite the terminal.
enum AnswersJSONTarget {
    static let target = FuzzTarget(name: "answers-json") { data in
        var engine = IntakeEngine(form: FuzzFixtures.form, localizer: FuzzFixtures.localizers[0], today: FuzzFixtures.today)
        if case .failure(let failure) = CLIFuzzing.answersFile(data, engine: &engine) {
            FuzzCheck.require(!FuzzCheck.hasTerminalUnsafe(failure.message), "an answers-file error is safe to print")
        }
    }
}
