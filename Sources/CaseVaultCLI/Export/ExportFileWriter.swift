import CaseStore
import Foundation
import VaultCrypto

/// Puts an encrypted export and its signature in place without ever overwriting anything: the
/// bytes go first to a new private file beside the target (`PrivateFile`: created exclusively,
/// 0600, never through a symlink), the caller records the export (with the file's hash) in the
/// audit trail, and only then is the file linked to its name, which must still be free. A
/// failure before that leaves nothing.
struct ExportFileWriter {
    let path: String

    var signaturePath: String { path + ".sig" }

    /// Refuses at once when the file or its signature already exists.
    func checkFree() throws {
        for target in [path, signaturePath] where FileManager.default.fileExists(atPath: target) {
            throw CaseStoreError.fileExists(target)
        }
    }

    /// Writes `file`, runs `record` (the audit entry), then puts `file` and `signature` in place.
    func write(_ file: [UInt8], signature: [UInt8], record: () throws -> Void) throws {
        try checkFree()
        let staging = path + ".partial-" + (try SecureRandom.bytes(count: 6).map { String(format: "%02x", $0) }.joined())
        try PrivateFile.create(at: staging, contents: Data(file))
        defer { unlink(staging) }
        try record()
        guard link(staging, path) == 0 else {
            throw errno == EEXIST ? CaseStoreError.fileExists(path) : CaseStoreError.storageFailure(.cannotCreateFile)
        }
        try PrivateFile.create(at: signaturePath, contents: Data(signature))
    }
}
