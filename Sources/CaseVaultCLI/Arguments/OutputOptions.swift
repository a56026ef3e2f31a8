import ArgumentParser

/// `--format text|json`, shared by every command whose output a script may read.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat = .text
}

/// The two output formats: text for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
