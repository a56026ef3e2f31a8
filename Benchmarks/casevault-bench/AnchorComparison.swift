import Foundation

/// The anchor's figures at one vault size: the same rows and queries replayed by the C program
/// on plain SQLite and on SQLCipher, and the peak RSS of the bench process (CaseVault and the
/// baseline share it) when CaseVault's measurements of that size were done.
struct AnchorSizeResult: Codable {
    var sqlite: AnchorFigures
    var sqlcipher: AnchorFigures
    var benchMaxRSSBytes: Int
}

/// Runs the anchor programs of issue 13 next to CaseVault: builds them once per run, and at each
/// size writes the workload of the vault as it stands and replays it with both builds.
final class AnchorComparison {
    private let programs: [AnchorProgram]
    private let directory: String
    private let schema: String
    private let batchSize: Int

    init(options: BenchOptions, directory: String) throws {
        self.directory = directory
        batchSize = options.batchSize
        programs = try AnchorProgram.build(source: AnchorProgram.sourcePath(options.anchorSource), into: directory)
        schema = directory + "/anchor-schema.sql"
        try AnchorWorkload.writeSchema(options.migrationFiles(), to: schema)
    }

    /// Replays the vault at `vaultPath`: its first `bulk` cases bulk-loaded, the rest (the single
    /// creates CaseVault timed) one durable transaction each, and `queries`.
    func measure(vaultPath: String, names: [String], bulk: Int, queries: AnchorQueries?) throws -> AnchorSizeResult {
        let benchRSS = ChildRun.selfMaxRSSBytes()
        let figures = try replay(vaultPath: vaultPath, names: names, bulk: bulk, queries: queries)
        return AnchorSizeResult(sqlite: figures[0], sqlcipher: figures[1], benchMaxRSSBytes: benchRSS)
    }

    /// Both builds on the same workload file, plain SQLite first.
    func replay(vaultPath: String, names: [String], bulk: Int, queries: AnchorQueries?) throws -> [AnchorFigures] {
        let workload = directory + "/anchor-workload.txt"
        defer { try? FileManager.default.removeItem(atPath: workload) }
        _ = try AnchorWorkload.write(vaultPath: vaultPath, names: names, bulk: bulk, batchSize: batchSize, queries: queries, to: workload)
        return try programs.map { program in
            FileHandle.standardError.write(Data("[casevault-bench] anchor: \(program.library.rawValue), \(names.count) rows\n".utf8))
            return try program.run(schema: schema, workload: workload, directory: directory)
        }
    }
}

extension SyntheticName {
    /// The survivor name as the generator stored it (`CaseGenerator.next`).
    var stored: String {
        let latin = "\(first) \(surname)"
        return cyrillic ? SerbianScript.cyrillic(latin) : latin
    }
}

extension AnchorComparison {
    /// What the anchor columns are, for the report's notes.
    static let notes = [
        "Anchor (issue 13): Benchmarks/anchor/anchor.c on the raw C API, built with cc -O2 against the system SQLite and against "
            + "SQLCipher keyed with PRAGMA key (cipher_page_size 4096, otherwise its defaults), run right after CaseVault's "
            + "measurements of each size, in a fresh file: the vault's rows (codes, plaintext columns, the stored length of each "
            + "sealed column, random bytes), its name_index, case_facts, audit_log and audit_heads rows, the migration SQL as schema, "
            + "CaseVault's pragmas, the same 1000-row commits, then the same open-by-code codes and name queries (tokens: truncated "
            + "SHA-256 of the folded words; the run stops if a query returns a different number of rows than CaseVault's), the "
            + "single durable inserts, and apart the reopen of the file (open + key) and two whole-table reads.",
        "Anchor differences: no committed-revision count on open, no audit entry on find or open, no signatures or encryption "
            + "work in the process beyond SQLCipher's pages.",
    ]
}
