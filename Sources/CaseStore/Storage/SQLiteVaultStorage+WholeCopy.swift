extension SQLiteVaultStorage {
    /// A copy to a file is made under a temporary name and renamed once proved
    /// (`VaultFile.createPartial`, `VaultFile.publish`), so a killed copy never leaves a file
    /// under the name asked for; its `load`s need no transaction around them.
    func holdingOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}
