import Foundation

/// Programs the tests check output with (Python's csv module, LibreOffice, librsvg,
/// poppler): found on PATH, run with a deadline of 120 seconds and no stdin.
public enum ExternalTool {
    /// The full path of `name` on PATH, or nil.
    public static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` found on PATH with this process's environment and `extra` over it.
    public static func run(_ name: String, _ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]) throws
        -> ChildProcess {
        guard let executable = path(name) else { throw Missing(program: name) }
        let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        return try ChildProcess.run(executable: executable, arguments: arguments, environment: environment, input: input, timeout: 120)
    }

    /// A fresh directory under the temporary directory; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-rendering-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A program a test needs is not installed: the test fails, naming the Debian package to install.
    public struct Missing: Error, CustomStringConvertible {
        public let program: String

        public var description: String {
            "\(program) is not installed: apt-get install --no-install-recommends \(Self.packages[program] ?? program)"
        }

        private static let packages = [
            "soffice": "libreoffice-calc-nogui", "rsvg-convert": "librsvg2-bin", "pdftotext": "poppler-utils", "python3": "python3",
            "age": "age", "age-keygen": "age", "openssl": "openssl",
        ]
    }
}
