/// A vault file as a store in its own right, for the commands that make one from another store
/// (`vault copy --to FILE`): the same SQLite backend `Vault(path:)` opens.
public enum VaultFile {
    /// A new, empty vault file at `path` (0600; refuses anything already there).
    public static func create(at path: String) throws -> any VaultStorage {
        try SQLiteVaultStorage(path: path, create: true)
    }

    /// Removes a vault file and its WAL and shared-memory files (a copy that failed).
    public static func remove(at path: String) {
        Vault.removeVaultFiles(path)
    }
}
