import Foundation

/// A TCP relay in front of the PostgreSQL test server that cuts every connection once a set
/// number of bytes (both directions together) has passed: `scripts/cutting-proxy`, run for one
/// command. Measuring a command's whole traffic first (`cutAfter: nil`) and cutting it after
/// N bytes for many N lands the cut at every stage of a write: in the login, mid-statement,
/// before COMMIT, after COMMIT before its reply.
public final class CuttingProxy {
    /// What the proxy relayed: the bytes, and whether it cut.
    public struct Outcome: Equatable, Sendable {
        public let bytes: Int
        public let cut: Bool
    }

    /// The port of 127.0.0.1 to connect to instead of the server's.
    public let port: Int
    private let child: ChildProcess
    private let directory: URL

    /// Starts the proxy to `127.0.0.1:upstreamPort`; with `cutAfter` nil it never cuts.
    public init(upstreamPort: Int, cutAfter bytes: Int?) throws {
        guard let python = ExternalTool.path("python3") else { throw ExternalTool.Missing(program: "python3") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appendingPathComponent("port")
        child = try ChildProcess(executable: python, arguments: [Self.script, "\(upstreamPort)", "\(bytes ?? -1)", portFile.path],
                                 environment: ["PATH": "/usr/bin:/bin"], timeout: 600)
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard Date() < deadline else {
                child.send(signal: SIGKILL)
                throw CuttingProxyError.didNotStart(child.errorText)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let port = Int(try String(contentsOf: portFile, encoding: .utf8)) else { throw CuttingProxyError.didNotStart("") }
        self.port = port
    }

    deinit {
        child.send(signal: SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops the proxy and says what it relayed.
    public func stop() throws -> Outcome {
        child.send(signal: SIGTERM)
        let words = child.outputText.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard words.count == 2, let bytes = words[0], let cut = words[1] else { throw CuttingProxyError.noReport(child.errorText) }
        return Outcome(bytes: bytes, cut: cut == 1)
    }

    /// `scripts/cutting-proxy` of this checkout.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/cutting-proxy").path
}

/// Why the cutting proxy could not be used; the texts are the proxy's own stderr.
public enum CuttingProxyError: Error {
    case didNotStart(String)
    case noReport(String)
}
