import ArgumentParser
import Intake

/// A day typed in an option (`--due`, `--since`, `--until`): ISO (`2026-12-15`) or the form the
/// program shows and the intake reads (`15.12.2026.`, `15.12.2026`, `15. 12. 2026.`). Days that
/// do not exist (`31.02.2026.`, `2026-13-01`) are refused with `cli.error.not_a_day`.
struct DayArgument: ExpressibleByArgument, Equatable, Sendable {
    /// The day as the vault stores it, `YYYY-MM-DD`.
    let iso: String

    init?(argument: String) {
        guard let day = LocaleFormats(language: .english).parseDate(argument) else { return nil }
        iso = day.iso
    }
}
