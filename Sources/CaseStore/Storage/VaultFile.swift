import Foundation

/// A vault file as a store in its own right, for the commands that make one from another store
/// (`vault copy --to FILE`): the same SQLite backend `Vault(path:)` opens.
public enum VaultFile {
    /// A new, empty vault file at `path` (0600; refuses anything already there).
    public static func create(at path: String) throws -> any VaultStorage {
        try SQLiteVaultStorage(path: path, create: true)
    }

    /// A new, empty vault file for a copy to `path`, made under a temporary name beside it
    /// (returned) so that nothing appears at `path` until `publish` renames the proved copy. A
    /// copy killed midway leaves only the temporary file, which is not a vault (no signed head).
    public static func createPartial(for path: String) throws -> (storage: any VaultStorage, partialPath: String) {
        guard !FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.fileExists(path) }
        let partialPath = "\(path).partial-\(UUID().uuidString.prefix(8))"
        return (try create(at: partialPath), partialPath)
    }

    /// Gives the closed copy at `partialPath` the name `path`, unless something took that name
    /// meanwhile (`fileExists`: nothing is replaced).
    public static func publish(_ partialPath: String, as path: String) throws {
        do {
            try FileManager.default.linkItem(atPath: partialPath, toPath: path)
        } catch {
            throw FileManager.default.fileExists(atPath: path) ? CaseStoreError.fileExists(path) : CaseStoreError.storageFailure(.cannotCreateFile)
        }
        remove(at: partialPath)
    }

    /// Removes a vault file and its WAL and shared-memory files (a copy that failed).
    public static func remove(at path: String) {
        Vault.removeVaultFiles(path)
    }
}
