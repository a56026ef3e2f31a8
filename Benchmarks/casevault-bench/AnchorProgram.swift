import Foundation

/// What one run of the anchor program printed (Benchmarks/anchor/anchor.c), plus the process's
/// wall time and peak RSS as `wait4` saw them. Times are seconds.
struct AnchorFigures: Codable {
    var library: String
    var cipher: String?
    var pageSize: Int
    var bulkRows: Int
    var bulkSeconds: Double
    var bulkCommit: Stats?
    var openByCode: Stats?
    var findFullName: Stats?
    var findSurname: Stats?
    var groupByStatus: Stats?
    var factsScan: Stats?
    var singleInsert: Stats?
    /// Opening the populated file until a first read succeeds (SQLCipher: keying, PBKDF2).
    var reopen: Stats?
    var fileBytes: Int64
    /// The program's own peak RSS (VmHWM), in KiB.
    var peakRssKb: Int
    /// The whole process's wall time, set by the harness, not printed by the program.
    var processSeconds: Double?

    /// "SQLite 3.40.1" or "SQLCipher 3.4.1 (SQLite 3.15.2)".
    var name: String { cipher.map { "SQLCipher \($0) (SQLite \(library))" } ?? "SQLite \(library)" }
}

/// One build of the anchor program: `anchor.c` compiled by the system `cc -O2` into the run's
/// work directory, against the system SQLite or against SQLCipher (keyed with a passphrase).
struct AnchorProgram {
    enum Library: String, CaseIterable {
        case sqlite
        case sqlcipher

        /// The header that must exist, and the Debian package that installs it and the library.
        var requirement: (header: String, package: String) {
            switch self {
            case .sqlite: ("/usr/include/sqlite3.h", "libsqlite3-dev")
            case .sqlcipher: ("/usr/include/sqlcipher/sqlite3.h", "libsqlcipher-dev")
            }
        }

        var compilerArguments: [String] {
            switch self {
            case .sqlite: ["-lsqlite3"]
            case .sqlcipher: ["-DANCHOR_SQLCIPHER", "-I/usr/include/sqlcipher", "-lsqlcipher"]
            }
        }
    }

    let library: Library
    let executable: String

    /// anchor.c: `--anchor-source PATH`, else found from this source file (Benchmarks/anchor/).
    static func sourcePath(_ option: String?) throws -> String {
        let path = option ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("anchor/anchor.c").path
        guard FileManager.default.fileExists(atPath: path) else { throw BenchError("no anchor program at \(path); pass --anchor-source PATH") }
        return path
    }

    /// Compiles both builds into `directory`.
    static func build(source: String, into directory: String) throws -> [AnchorProgram] {
        guard let compiler = ["/usr/bin/cc", "/usr/local/bin/cc"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw BenchError("no C compiler (cc) for the anchor program; install the Debian package gcc (or build-essential)")
        }
        return try Library.allCases.map { library in
            guard FileManager.default.fileExists(atPath: library.requirement.header) else {
                throw BenchError("\(library.requirement.header) is missing; install the Debian package \(library.requirement.package)")
            }
            let executable = directory + "/anchor-" + library.rawValue
            let log = directory + "/anchor-" + library.rawValue + ".cc.log"
            let run = try ChildRun.run(compiler, ["-O2", "-o", executable, source] + library.compilerArguments, output: log)
            guard run.status == 0 else {
                throw BenchError("cc could not build \(executable) (status \(run.status)); is \(library.requirement.package) installed?")
            }
            return AnchorProgram(library: library, executable: executable)
        }
    }

    /// Replays `workload` into a new database file (removed afterwards) and returns the figures.
    func run(schema: String, workload: String, directory: String) throws -> AnchorFigures {
        let database = directory + "/anchor-" + library.rawValue + ".sqlite"
        let output = directory + "/anchor-" + library.rawValue + ".json"
        func removeDatabase() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        }
        removeDatabase()
        defer { removeDatabase() }
        let run = try ChildRun.run(executable, [schema, workload, database], output: output)
        guard run.status == 0 else { throw BenchError("\(executable) failed with status \(run.status)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var figures = try decoder.decode(AnchorFigures.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        figures.processSeconds = run.seconds
        return figures
    }
}
