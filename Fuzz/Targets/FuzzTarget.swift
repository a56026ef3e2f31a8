import Foundation

/// One fuzz target: a parser of outside input, driven with arbitrary bytes. `run` returns
/// normally for any input the parser accepts or refuses; it traps (`FuzzCheck.require`) only
/// when a property of an accepted input does not hold, so libFuzzer reports that input.
public struct FuzzTarget: Sendable {
    /// The name `CASEVAULT_FUZZ_TARGET` and `Fuzz/corpus/<name>` use.
    public let name: String
    public let run: @Sendable (Data) -> Void

    /// Every target, in the order `scripts/fuzz` runs them.
    public static let all: [FuzzTarget] = [
        IntakeAnswerTarget.target, FormDefinitionTarget.target, POCatalogTarget.target, CaseDocumentTarget.target,
        AnswersJSONTarget.target, CaseAnswersTarget.target, AgeFileTarget.target, AgePayloadTarget.target,
        RecipientsFileTarget.target, AuditCheckpointTarget.target, StatsOptionsTarget.target, ShellLineTarget.target,
    ]

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

/// The properties the targets check. A violation traps with a fixed description, never the input
/// (libFuzzer saves the input itself).
enum FuzzCheck {
    static func require(_ condition: Bool, _ property: StaticString, file: StaticString = #fileID, line: UInt = #line) {
        if !condition { fatalError("fuzz property violated: \(property)", file: file, line: line) }
    }

    /// Whether `text` has a character that must not reach a terminal raw (C0, DEL, C1, bidi
    /// overrides and isolates), as `TerminalSafeText` defines them.
    static func hasTerminalUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            switch $0.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}
