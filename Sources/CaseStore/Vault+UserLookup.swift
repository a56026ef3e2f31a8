import VaultCrypto

extension Vault {
    /// Whether `user` has a key slot in this vault, read without unlocking anything. Only for a
    /// front's message ("no such user" before asking for a passphrase): it is not authenticated
    /// and decides nothing; `unlock` still verifies everything and audits the attempt.
    public func hasKeySlot(for user: String) throws -> Bool {
        try storage.keySlot(user: user) != nil
    }
}
