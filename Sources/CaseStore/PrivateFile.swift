import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// New files that hold vault data or facts about it (the vault, backups, audit checkpoints):
/// created with one `open(2)` call, `O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600 set again with
/// `fchmod` so the umask cannot change it. The existence check is the creation itself, so no
/// other process can slip a file or a symlink in between; a path that already exists (a file, a
/// directory, a symlink even to nowhere) is refused as `fileExists` and left untouched.
///
/// CaseStore uses plain file-system calls here, below GRDB, because Foundation's
/// `FileManager.createFile` checks and creates in two steps, follows a symlink planted at the
/// path and sets the mode only after the file exists. Fronts use this helper for every file
/// they write with vault content (docs/vault-format.md, SECURITY.md).
public enum PrivateFile {
    /// The mode of every file made here: read and write for the owner only.
    public static let mode: mode_t = 0o600

    /// Creates an empty private file at `path`. Throws `fileExists(path)` if anything is there.
    public static func create(at path: String) throws {
        let descriptor = try openExclusive(path)
        close(descriptor)
    }

    /// Creates a private file at `path` holding `contents`, flushed to disk. Throws
    /// `fileExists(path)` if anything is there; a file it made but could not fill is removed.
    public static func create(at path: String, contents: Data) throws {
        let descriptor = try openExclusive(path)
        var written = 0
        let complete = contents.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard complete, synced, closed else {
            unlink(path)
            throw CaseStoreError.storageFailure(.cannotCreateFile)
        }
    }

    /// Opens a new file for writing, exclusively, without following a symlink at `path`.
    static func openExclusive(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let failure = errno
            var status = stat()
            // Some systems report a missing permission before an existing name; either way
            // something is there, and it stays as it was.
            if failure == EEXIST || lstat(path, &status) == 0 { throw CaseStoreError.fileExists(path) }
            throw CaseStoreError.storageFailure(.cannotCreateFile)
        }
        guard fchmod(descriptor, mode) == 0 else {
            close(descriptor)
            unlink(path)
            throw CaseStoreError.storageFailure(.cannotCreateFile)
        }
        return descriptor
    }
}
