import Foundation
import Intake

/// Typed intake answers (`AnswerParser`, `AnswerValidator`) through the engine every front uses.
/// Byte 0 picks the language; each further line answers the current question as raw terminal
/// bytes (a refused answer to a required question is followed by the next line; to an optional
/// one, by a skip); a line `<<` steps back. Properties: every answer the review holds reads back
/// equal from the JSON text a case stores it as, and a confirmed intake survives its JSON encoding.
enum IntakeAnswerTarget {
    static let target = FuzzTarget(name: "intake-answer") { data in
        guard let first = data.first else { return }
        let localizer = FuzzFixtures.localizers[Int(first) % FuzzFixtures.localizers.count]
        var engine = IntakeEngine(form: FuzzFixtures.form, localizer: localizer, today: FuzzFixtures.today)
        for line in data.dropFirst().split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard let step = engine.current else { break }
            if line.elementsEqual("<<".utf8) {
                _ = engine.back()
                continue
            }
            do {
                try engine.answer(.bytes(Array(line)))
            } catch {
                if !step.question.required { try? engine.skip() }
            }
        }
        // One review per input: it plans the whole form again, which a review per line made the
        // cost of every execution (48 a second).
        for value in engine.review().compactMap(\.answer) {
            let stored = try? JSONEncoder().encode(value)
            FuzzCheck.require(stored.flatMap { try? JSONDecoder().decode(AnswerValue.self, from: $0) } == value,
                              "an accepted answer reads back from its stored JSON")
        }
        guard engine.current == nil, let result = try? engine.confirm() else { return }
        let encoded = try? JSONEncoder().encode(result)
        FuzzCheck.require(encoded.flatMap { try? JSONDecoder().decode(IntakeResult.self, from: $0) } == result,
                          "a confirmed intake survives its JSON encoding")
    }
}
