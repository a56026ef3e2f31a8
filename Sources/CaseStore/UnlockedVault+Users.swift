import VaultCrypto

/// One user as the admin sees them.
public struct UserSummary: Sendable, Equatable, Codable {
    public var name: String
    public var role: Role
    public var disabled: Bool
    /// A role change or new keys are waiting for the user's next login.
    public var pendingGrant: Role?
    public var failedLogins: Int
}

extension UnlockedVault {
    /// Adds a user with their own key slot holding the keys of `role`.
    public func addUser(_ name: String, role newRole: Role, passphrase: SecretBytes) throws {
        try UserName.validate(name)
        guard try storage.keySlot(user: name) == nil else { throw CaseStoreError.userExists(name) }
        let slot = try KeySlotSealer.seal(ring: keys, exchange: SecretBytes.random(count: 32), user: name, role: newRole,
                                          passphrase: passphrase, meta: vault.meta, options: vault.options)
        try storage.apply([.insertKeySlot(slot), .appendAudit(auditDraft(.userAdd, details: ["user": name, "role": newRole.rawValue]))])
    }

    /// The users of the vault.
    public func users() throws -> [UserSummary] {
        try storage.keySlots().map { slot in
            UserSummary(name: slot.user, role: slot.role, disabled: slot.disabled, pendingGrant: try storage.keyGrant(user: slot.user)?.role,
                        failedLogins: try storage.loginFailures(user: slot.user)?.failures ?? 0)
        }
    }

    /// Disables or enables a user. A disabled user cannot log in and receives no keys at the next
    /// rekey; re-enabling a user who missed a rekey grants them the current keys.
    public func setDisabled(_ name: String, _ disabled: Bool) throws {
        guard let slot = try storage.keySlot(user: name) else { throw CaseStoreError.unknownUser(name) }
        var mutations: [StorageMutation] = [.setUserDisabled(user: name, disabled: disabled)]
        if disabled {
            mutations.append(.deleteKeyGrant(user: name))
        } else if slot.keyVersion != vault.meta.keyVersion, try storage.keyGrant(user: name) == nil {
            mutations.append(.putKeyGrant(try KeyGrantSealer.seal(ring: keys, role: slot.role, user: name,
                                                                   recipient: slot.exchangePublicKey, meta: vault.meta)))
        }
        mutations.append(.appendAudit(try auditDraft(disabled ? .userDisable : .userEnable, details: ["user": name])))
        try storage.apply(mutations)
    }

    /// Changes a user's role: the new role's keys are granted to the user's exchange key and
    /// replace their slot at the next login. Keys the old slot held are only cut off by a rekey.
    public func changeRole(_ name: String, to role: Role) throws {
        guard let slot = try storage.keySlot(user: name) else { throw CaseStoreError.unknownUser(name) }
        let grant = try KeyGrantSealer.seal(ring: keys, role: role, user: name, recipient: slot.exchangePublicKey, meta: vault.meta)
        try storage.apply([.putKeyGrant(grant),
                           .appendAudit(auditDraft(.userRole, details: ["user": name, "from": slot.role.rawValue, "to": role.rawValue]))])
    }

    /// Re-seals only this user's slot under a new passphrase.
    public func changePassphrase(to passphrase: SecretBytes) throws {
        guard let slot = try storage.keySlot(user: user) else { throw CaseStoreError.unknownUser(user) }
        var meta = vault.meta
        meta.keyVersion = slot.keyVersion
        let resealed = try KeySlotSealer.seal(ring: keys, exchange: keys.key(.exchange), user: user, role: role,
                                              passphrase: passphrase, meta: meta, options: vault.options, createdDay: slot.createdDay)
        try storage.apply([.replaceKeySlot(resealed), .clearLoginFailures(user: user), .appendAudit(auditDraft(.passphraseChange))])
    }
}
