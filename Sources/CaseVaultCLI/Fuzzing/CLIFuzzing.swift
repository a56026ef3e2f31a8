import ArgumentParser
import CaseStore
import Foundation
import Intake

/// The CLI's parsers of outside input, reachable by the fuzz targets (`Fuzz/Targets`) without
/// `@testable` and without running any command: each entry calls the same code the command
/// does. SPI (`@_spi(Fuzzing)`), so the module's public API is unchanged.
@_spi(Fuzzing) public enum CLIFuzzing {
    /// `intake --answers FILE`: the file's bytes answered into `engine`. The confirmed result, or
    /// the error text the user would see (English).
    public static func answersFile(_ data: Data, engine: inout IntakeEngine) -> Result<IntakeResult, CLIFuzzingFailure> {
        do {
            return .success(try AnswersFile.answer(&engine, data: data, messages: .english))
        } catch let error as CLIError {
            return .failure(CLIFuzzingFailure(message: error.message(.english)))
        } catch {
            return .failure(CLIFuzzingFailure(message: ErrorMessages.text(for: error, messages: .english)))
        }
    }

    /// `case show`: a case's stored intake answers (question id to JSON text) as the lines that
    /// list them under `form`'s sections (the standard form, loaded once by the caller), in English.
    public static func caseAnswerLines(_ intake: [String: String], form: FormDefinition) -> [String] {
        let answers = CaseAnswers(intake)
        guard let localizer = Messages.english.localizer else { return [] }
        let rendering = IntakeAnswerLines(form: form, localizer: localizer, messages: .english, answers: answers)
        return rendering.sections(excluding: [], incidentType: nil)
    }

    /// `export --recipients-file FILE`: the entries of the file's text, in order.
    public static func recipientEntries(_ text: String) -> [String] {
        ExportRecipients.lines(in: text)
    }

    /// One command line (without the word `casevault`) as a one-off command or a shell line
    /// gives it to the command tree: `--lang` taken out, then `parseAsRoot`, whose commands'
    /// `validate()` runs. Nothing is run. The parsed command, or how parsing failed.
    public static func parse(_ arguments: [String]) -> Result<any ParsableCommand, CLIFuzzingFailure> {
        let remaining: [String]
        do {
            remaining = try LanguageOption.extract(from: arguments).1
        } catch {
            return .failure(CLIFuzzingFailure(message: "--lang"))
        }
        return ActiveMessages.$current.withValue(.english) {
            do {
                return .success(try CaseVaultCommand.parseAsRoot(remaining))
            } catch {
                return .failure(CLIFuzzingFailure(message: "\(ParseFailure.classify(error))"))
            }
        }
    }

    /// The statistics query `stats table` would run, once `parse` accepted its options.
    public static func statisticsQuery(of command: any ParsableCommand) throws -> Bool {
        guard let table = command as? StatsTableCommand else { return false }
        _ = try table.query()
        return true
    }
}

/// Why a fuzzed input was refused: the text the user would see.
@_spi(Fuzzing) public struct CLIFuzzingFailure: Error {
    public let message: String
}
