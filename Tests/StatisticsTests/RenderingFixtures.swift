import Foundation
import Statistics
import TestSupport

/// Tables and the words they are rendered in, shared by the rendering tests: labels in Cyrillic,
/// Serbian Latin and Romani, one with a comma and a quote, and hidden counts in cells and totals.
enum RenderingFixtures {
    static let hidden = "x"

    static let labels = TableLabels(
        dimension: { names[$0] ?? $0 },
        category: { _, category in names[category] ?? category },
        total: "Укупно",
        hidden: hidden,
        hiddenNote: { "Скривено бројева: \($0), ради заштите жртава" },
        noiseNote: "Бројеви носе шум"
    )

    private static let names = [
        "incident-type": "Врста инцидента", "sex": "Пол", "municipality": "Opština", "language": "Jezik",
        "rape": "Силовање", "physical": "Физички напад", "other": #"Друго, "необично""#,
        "female": "Жене", "male": "Мушкарци",
        "zitoradja": "Žitorađa", "cicevac": "Ćićevac", "nis": "Niš",
        "serbian": "Српски", "romani": "Romani čhib",
    ]

    /// Incident type by sex: a hidden cell and hidden totals in two rows.
    static let bySex = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "incident-type", categories: ["rape", "physical", "other"]),
        columns: .init(dimension: "sex", categories: ["female", "male"]),
        cells: [[5, nil], [12, 4], [nil, 3]], rowTotals: [nil, 16, nil], columnTotals: [20, 9], total: 29,
        hiddenCount: 4, noisy: false
    )

    /// Incidents by municipality and language (the languages named in their own words). Niš's
    /// Romani count is hidden though its total is not: it would be 4, and a chart must not
    /// draw or print it.
    static let byLanguage = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "municipality", categories: ["zitoradja", "cicevac", "nis"]),
        columns: .init(dimension: "language", categories: ["serbian", "romani"]),
        cells: [[7, 6], [9, 5], [12, nil]], rowTotals: [13, 14, 16], columnTotals: [28, nil], total: 43,
        hiddenCount: 2, noisy: true
    )

    /// Incidents by type, the physical count hidden.
    static let byType = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "incident-type", categories: ["rape", "physical", "other"]),
        columns: nil,
        cells: [[8], [nil], [25]], rowTotals: [8, nil, 25], columnTotals: [], total: 38, hiddenCount: 1, noisy: false
    )
}

/// Programs the rendering tests check output with (Python's csv module, LibreOffice, librsvg,
/// poppler): found on PATH, run with a deadline of 120 seconds and no stdin.
enum ExternalTool {
    /// The full path of `name` on PATH, or nil.
    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` found on PATH with this process's environment and `extra` over it.
    static func run(_ name: String, _ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]) throws
        -> ChildProcess {
        guard let executable = path(name) else { throw Missing(program: name) }
        let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        return try ChildProcess.run(executable: executable, arguments: arguments, environment: environment, input: input, timeout: 120)
    }

    /// A fresh directory under the temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-rendering-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A program a test needs is not installed: the test fails, naming the Debian package to install.
    struct Missing: Error, CustomStringConvertible {
        let program: String

        var description: String {
            "\(program) is not installed: apt-get install --no-install-recommends \(Self.packages[program] ?? program)"
        }

        private static let packages = [
            "soffice": "libreoffice-calc-nogui", "rsvg-convert": "librsvg2-bin", "pdftotext": "poppler-utils", "python3": "python3",
        ]
    }
}
