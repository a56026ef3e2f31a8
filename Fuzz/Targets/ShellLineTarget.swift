@_spi(Fuzzing) import CaseVaultCLI
import Foundation

/// A line typed at the `casevault shell` prompt: `ShellTokenizer`, then the command tree exactly as
/// a shell line reaches it (`--lang` taken out, `parseAsRoot`, `validate()`). Nothing runs.
/// Property: words without quotes, backslashes, `#` or blanks are split out unchanged.
enum ShellLineTarget {
    static let target = FuzzTarget(name: "shell-line") { data in
        guard let line = String(data: data, encoding: .utf8), let words = try? ShellTokenizer.words(in: line) else { return }
        if !line.unicodeScalars.contains(where: { "'\"\\#".unicodeScalars.contains($0) }) {
            let plain = line.unicodeScalars.split(whereSeparator: { " \t\n\r".unicodeScalars.contains($0) })
                .map { String(String.UnicodeScalarView($0)) }
            FuzzCheck.require(words == plain, "plain words are split unchanged")
        }
        _ = CLIFuzzing.parse(words)
    }
}
