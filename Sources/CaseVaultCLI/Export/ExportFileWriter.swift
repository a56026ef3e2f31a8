import Foundation
import Glibc
import VaultCrypto

/// Puts an encrypted export and its signature in place without ever overwriting anything: the
/// bytes go first to a new private file (0600, created exclusively) beside the target, the
/// caller records the export (with the file's hash) in the audit trail, and only then is the
/// file linked to its name, which must still be free. A failure before that leaves nothing.
struct ExportFileWriter {
    let path: String

    var signaturePath: String { path + ".sig" }

    /// Refuses at once when the file or its signature already exists.
    func checkFree() throws {
        for target in [path, signaturePath] where FileManager.default.fileExists(atPath: target) {
            throw CLIError(id: "cli.error.file_exists", arguments: ["path": TerminalSafeText.escaped(target)])
        }
    }

    /// Writes `file`, runs `record` (the audit entry), then puts `file` and `signature` in place.
    func write(_ file: [UInt8], signature: [UInt8], record: () throws -> Void) throws {
        try checkFree()
        let staging = path + ".partial-" + (try SecureRandom.bytes(count: 6).map { String(format: "%02x", $0) }.joined())
        try Self.create(staging, file)
        defer { unlink(staging) }
        try record()
        guard link(staging, path) == 0 else { throw CLIError(id: "cli.error.file_failed", arguments: ["path": TerminalSafeText.escaped(path)]) }
        try Self.create(signaturePath, signature)
    }

    /// Creates `path` exclusively with mode 0600 and writes `bytes` durably.
    private static func create(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError(id: "cli.error.file_failed", arguments: ["path": TerminalSafeText.escaped(path)]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                unlink(path)
                throw CLIError(id: "cli.error.file_failed", arguments: ["path": TerminalSafeText.escaped(path)])
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            unlink(path)
            throw CLIError(id: "cli.error.file_failed", arguments: ["path": TerminalSafeText.escaped(path)])
        }
    }
}
