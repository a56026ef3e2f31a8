import VaultCrypto

/// One user as the admin sees them.
public struct UserSummary: Sendable, Equatable, Codable {
    public var name: String
    public var role: Role
    public var disabled: Bool
    /// A role change or new keys are waiting for the user's next login (only a grant whose
    /// signature verifies is shown).
    public var pendingGrant: Role?
    public var failedLogins: Int
}

extension UnlockedVault {
    /// The directory key, which only admins hold.
    private func directoryKey() throws -> Ed25519PrivateKey { try Ed25519PrivateKey(seed: keys.key(.directory)) }

    private var granter: KeyGrantSealer.Granter { KeyGrantSealer.Granter(name: user, key: signingKey) }

    /// Commits `mutations` with `directory` changed to hold `entry`, signed; the audit head then
    /// names the new revision.
    private func commit(_ mutations: [StorageMutation], putting entry: DirectoryEntry, into directory: UserDirectory) throws {
        let changed = directory.with(entry)
        try commit([.putDirectory(try changed.signed(vaultID: vaultID, key: directoryKey()))] + mutations, directory: changed)
    }

    /// Adds a user with their own key slot holding the keys of `role`, and certifies her keys in
    /// the directory.
    public func addUser(_ name: String, role newRole: Role, passphrase: SecretBytes) throws {
        try UserName.validate(name)
        let directory = try currentDirectory()
        guard try storage.keySlot(user: name) == nil, directory.entry(name) == nil else { throw CaseStoreError.userExists(name) }
        let exchange = try SecretBytes.random(count: 32)
        let certified = try UserSigningKey.publicKeys(exchange: exchange, vaultID: vaultID)
        let entry = DirectoryEntry(name: name, role: newRole, disabled: false, exchangePublicKey: certified.exchange,
                                   signingPublicKey: certified.signing, keyVersion: vault.meta.keyVersion)
        let slot = try KeySlotSealer.seal(ring: keys, exchange: exchange, user: name, role: newRole,
                                          passphrase: passphrase, meta: vault.meta, options: vault.options, trust: trust)
        try commit([.insertKeySlot(slot), .appendAudit(auditDraft(.userAdd, details: ["user": name, "role": newRole.rawValue]))],
                   putting: entry, into: directory)
    }

    /// The users of the vault, as the directory certifies them.
    public func users() throws -> [UserSummary] {
        let directory = try currentDirectory()
        return try directory.entries.keys.sorted().map { name in
            let entry = directory.entries[name]!
            let grant = try storage.keyGrant(user: name).flatMap { KeyGrantSealer.isAuthentic($0, directory: directory, vaultID: vaultID) ? $0 : nil }
            return UserSummary(name: name, role: entry.role, disabled: entry.disabled, pendingGrant: grant?.role,
                               failedLogins: try storage.loginFailures(user: name)?.failures ?? 0)
        }
    }

    /// The certified entry of `name`, refusing one whose slot shows another exchange key than
    /// the certified one while no grant explains it (a planted key).
    func certifiedEntry(_ name: String, in directory: UserDirectory) throws -> DirectoryEntry {
        guard let slot = try storage.keySlot(user: name) else { throw CaseStoreError.unknownUser(name) }
        guard let entry = directory.entry(name) else { throw CaseStoreError.untrustedSignature(.directoryEntry(user: name)) }
        if !ConstantTime.equal(slot.exchangePublicKey, entry.exchangePublicKey), try storage.keyGrant(user: name) == nil {
            throw CaseStoreError.untrustedSignature(.directoryEntry(user: name))
        }
        return entry
    }

    /// A grant of `role`'s keys at `keyVersion` to `entry`'s certified exchange key; a user with no
    /// certified signing key (disabled at the upgrade) also gets a new exchange key. Returns the
    /// grant and the entry as it must now be certified.
    func grant(_ entry: DirectoryEntry, role: Role, keyVersion: Int, ring: KeyRing) throws -> (KeyGrantRow, DirectoryEntry) {
        var updated = entry
        updated.role = role
        updated.keyVersion = keyVersion
        var newExchange: SecretBytes?
        if entry.signingPublicKey == nil {
            let exchange = try SecretBytes.random(count: 32)
            let certified = try UserSigningKey.publicKeys(exchange: exchange, vaultID: vaultID)
            updated.signingPublicKey = certified.signing
            updated.exchangePublicKey = certified.exchange
            newExchange = exchange
        }
        let grant = try KeyGrantSealer.seal(ring: ring, role: role, user: entry.name, recipient: entry.exchangePublicKey,
                                            keyVersion: keyVersion, vaultID: vaultID, granter: granter, newExchange: newExchange)
        return (grant, updated)
    }

    /// Disables or enables a user. A disabled user cannot log in and receives no keys at the next
    /// rekey; re-enabling a user who missed a rekey grants them the current keys.
    public func setDisabled(_ name: String, _ disabled: Bool) throws {
        let directory = try currentDirectory()
        var entry = try certifiedEntry(name, in: directory)
        var mutations: [StorageMutation] = [.setUserDisabled(user: name, disabled: disabled)]
        if disabled {
            mutations.append(.deleteKeyGrant(user: name))
        } else if entry.keyVersion != vault.meta.keyVersion || entry.signingPublicKey == nil, try storage.keyGrant(user: name) == nil {
            let (row, updated) = try grant(entry, role: entry.role, keyVersion: vault.meta.keyVersion, ring: keys)
            mutations.append(.putKeyGrant(row))
            entry = updated
        }
        entry.disabled = disabled
        mutations.append(.appendAudit(try auditDraft(disabled ? .userDisable : .userEnable, details: ["user": name])))
        try commit(mutations, putting: entry, into: directory)
    }

    /// Changes a user's role: the directory certifies the new role, and its keys are granted to
    /// the user's certified exchange key and replace their slot at the next login. Keys the old
    /// slot held are only cut off by a rekey.
    public func changeRole(_ name: String, to role: Role) throws {
        let directory = try currentDirectory()
        let entry = try certifiedEntry(name, in: directory)
        let (row, updated) = try grant(entry, role: role, keyVersion: vault.meta.keyVersion, ring: keys)
        try commit([.putKeyGrant(row), .appendAudit(auditDraft(.userRole, details: ["user": name, "from": entry.role.rawValue, "to": role.rawValue]))],
                   putting: updated, into: directory)
    }

    /// Re-seals only this user's slot under a new passphrase.
    public func changePassphrase(to passphrase: SecretBytes) throws {
        guard let slot = try storage.keySlot(user: user) else { throw CaseStoreError.unknownUser(user) }
        var meta = vault.meta
        meta.keyVersion = slot.keyVersion
        let resealed = try KeySlotSealer.seal(ring: keys, exchange: keys.key(.exchange), user: user, role: role,
                                              passphrase: passphrase, meta: meta, options: vault.options, trust: trust,
                                              createdDay: slot.createdDay)
        try commit([.replaceKeySlot(resealed), .clearLoginFailures(user: user), .appendAudit(auditDraft(.passphraseChange))])
    }
}
