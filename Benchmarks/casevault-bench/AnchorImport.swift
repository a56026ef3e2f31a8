import CaseStore
import Foundation

/// The whole-process import figure of issue 13: `casevault case create --from FILE` of N intake
/// cases (JSON Lines), timed from outside as a child process, against the anchor's bulk insert of
/// the rows that import stored.
struct ImportResult: Codable {
    var cases: Int
    var fileBytes: Int
    var casevaultSeconds: Double
    var casevaultMaxRSSBytes: Int
    var sqlite: AnchorFigures
    var sqlcipher: AnchorFigures

    /// The limit: 3 × SQLCipher's bulk insert of the same rows, plus 1 s for unlock and start.
    var limitSeconds: Double { 3 * sqlcipher.bulkSeconds + 1 }
}

/// Makes a vault with the real CLI (`init`, a caseworker), imports N generated cases with ~1 KiB
/// narratives through `case create --from`, then replays the stored rows with the anchor.
struct AnchorImport {
    static let narrativeBytes = 1024

    let options: BenchOptions
    let directory: String
    let comparison: AnchorComparison

    func run() throws -> ImportResult {
        let casevault = try Self.casevaultPath(options.casevault)
        let folder = directory + "/import"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { if !options.keep { try? FileManager.default.removeItem(atPath: folder) } }
        progress("import: writing \(options.importCases) cases as JSON Lines")
        let (jsonl, names) = try writeCases(to: folder + "/cases.jsonl")
        let vault = folder + "/import.casevault"
        let admin = try passphraseFile(folder, user: "ana")
        let caseworker = try passphraseFile(folder, user: "maja")
        let log = folder + "/cli.out"
        try cli(casevault, ["init", "--vault", vault, "--admin", "ana", "--passphrase-file", admin], log)
        try cli(casevault, ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", caseworker,
                            "--vault", vault, "--user", "ana", "--passphrase-file", admin], log)
        progress("import: casevault case create --from (\(options.importCases) cases)")
        let timed = try cli(casevault, ["case", "create", "--from", jsonl.path, "--vault", vault, "--user", "maja",
                                        "--passphrase-file", caseworker], log)
        let printed = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
        guard printed == names.count else { throw BenchError("the import printed \(printed) codes for \(names.count) cases") }
        let figures = try comparison.replay(vaultPath: vault, names: names, bulk: names.count, queries: nil)
        return ImportResult(cases: names.count, fileBytes: jsonl.bytes, casevaultSeconds: timed.seconds,
                            casevaultMaxRSSBytes: timed.maxRSSBytes, sqlite: figures[0], sqlcipher: figures[1])
    }

    /// `--casevault PATH`, else `casevault` next to this benchmark's executable (same build directory).
    static func casevaultPath(_ option: String?) throws -> String {
        let bench = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let path = option ?? URL(fileURLWithPath: bench).deletingLastPathComponent().appendingPathComponent("casevault").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("no casevault executable at \(path): build it with `swift build -c release --product casevault` "
                             + "and the same --scratch-path, pass --casevault PATH, or --import-cases 0 to skip the import")
        }
        return path
    }

    /// The benchmark's synthetic documents, each narrative lengthened to ~1 KiB, one JSON object a line.
    private func writeCases(to path: String) throws -> (file: (path: String, bytes: Int), names: [String]) {
        var generator = CaseGenerator(seed: options.seed &+ 4)
        var words = SplitMix64(seed: options.seed &+ 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        var names: [String] = []
        for _ in 0..<options.importCases {
            var document = generator.next()
            let vocabulary = document.survivor.language == "sr-Cyrl" ? Vocabulary.narrativeWordsCyrillic : Vocabulary.narrativeWords
            var narrative = document.incident.narrative ?? ""
            while narrative.utf8.count < Self.narrativeBytes { narrative += " " + words.pick(vocabulary) }
            document.incident.narrative = narrative
            data += try encoder.encode(document)
            data.append(0x0A)
            names.append(document.survivor.name)
        }
        try data.write(to: URL(fileURLWithPath: path))
        return ((path, data.count), names)
    }

    private func passphraseFile(_ folder: String, user: String) throws -> String {
        let path = folder + "/\(user).passphrase"
        guard FileManager.default.createFile(atPath: path, contents: Data("\(user) has a long benchmark passphrase\n".utf8),
                                             attributes: [.posixPermissions: 0o600]) else { throw BenchError("cannot write \(path)") }
        return path
    }

    @discardableResult
    private func cli(_ casevault: String, _ arguments: [String], _ output: String) throws -> ChildRun {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        let run = try ChildRun.run(casevault, arguments, output: output, environment: environment)
        guard run.status == 0 else { throw BenchError("casevault \(arguments[0]) failed with status \(run.status)") }
        return run
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("[casevault-bench] \(message)\n".utf8))
    }
}
