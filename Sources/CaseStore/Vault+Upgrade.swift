import VaultCrypto

/// The upgrade of a format-1 vault (made before the signed directory) at its first administrator
/// login: a new directory key, a directory built from the vault as it stands, new exchange keys
/// for the other users delivered by signed grants, and a signed state for every case. What the
/// file says at that moment is trusted once (docs/vault-format.md, "Upgrade"); from then on,
/// every change must verify.
extension Vault {
    func upgradeToDirectory(admin slot: KeySlotRow, ring formatOne: KeyRing, passphrase: SecretBytes,
                            clearFailures: Bool) throws -> UnlockedVault {
        let directoryKey = try Ed25519PrivateKey.generate()
        let ring = formatOne.adding(.directory, directoryKey.seed)
        let trust = TrustAnchor(vaultID: meta.vaultID, directoryPublicKey: try directoryKey.publicKey())
        let exchange = try ring.key(.exchange)
        let mine = try UserSigningKey.publicKeys(exchange: exchange, vaultID: meta.vaultID)
        let signing = try UserSigningKey.derive(exchange: exchange, vaultID: meta.vaultID)
        var entries: [String: DirectoryEntry] = [:]
        var mutations: [StorageMutation] = clearFailures ? [.clearLoginFailures(user: slot.user)] : []
        let granter = KeyGrantSealer.Granter(name: slot.user, key: signing)
        for other in try storage.keySlots() {
            if other.user == slot.user {
                entries[other.user] = DirectoryEntry(name: other.user, role: .admin, disabled: false, exchangePublicKey: mine.exchange,
                                                     signingPublicKey: mine.signing, keyVersion: meta.keyVersion)
                continue
            }
            let role = try storage.keyGrant(user: other.user)?.role ?? other.role
            if other.disabled {
                // No keys for a disabled user; enabling her later gives her a new exchange key.
                entries[other.user] = DirectoryEntry(name: other.user, role: role, disabled: true, exchangePublicKey: other.exchangePublicKey,
                                                     signingPublicKey: nil, keyVersion: other.keyVersion)
                mutations.append(.deleteKeyGrant(user: other.user))
                continue
            }
            let newExchange = try SecretBytes.random(count: 32)
            let keys = try UserSigningKey.publicKeys(exchange: newExchange, vaultID: meta.vaultID)
            entries[other.user] = DirectoryEntry(name: other.user, role: role, disabled: false, exchangePublicKey: keys.exchange,
                                                 signingPublicKey: keys.signing, keyVersion: meta.keyVersion)
            mutations.append(.putKeyGrant(try KeyGrantSealer.seal(ring: ring, role: role, user: other.user, recipient: other.exchangePublicKey,
                                                                   keyVersion: meta.keyVersion, vaultID: meta.vaultID, granter: granter,
                                                                   newExchange: newExchange)))
        }
        let directory = UserDirectory(revision: 1, entries: entries)
        mutations.append(.putDirectory(try directory.signed(vaultID: meta.vaultID, key: directoryKey)))
        var ownMeta = meta
        ownMeta.keyVersion = slot.keyVersion
        mutations.append(.replaceKeySlot(try KeySlotSealer.seal(ring: ring, exchange: exchange, user: slot.user, role: .admin,
                                                                passphrase: passphrase, meta: ownMeta, options: options, trust: trust,
                                                                createdDay: slot.createdDay)))
        var upgraded = 0
        try storage.forEachLiveCase { row in
            guard let document = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(row.code)) }
            let state = try CaseState.sign(code: row.code, status: row.status, assignee: row.assignee, version: row.version,
                                           revision: row.committedRevision, document: document, signer: slot.user, key: signing,
                                           vaultID: meta.vaultID)
            mutations.append(.setCaseState(code: row.code, status: row.status, assignee: row.assignee, state: state, updatedDay: row.updatedDay,
                                           replacing: row.state?.revision ?? 0))
            upgraded += 1
        }
        let unlocked = try UnlockedVault(vault: self, user: slot.user, role: .admin, keys: ring, trust: trust, directory: directory)
        mutations.append(.appendAudit(try unlocked.auditDraft(.directoryCreate, details: [
            "users": String(entries.count), "cases": String(upgraded),
        ])))
        mutations.append(.appendAudit(try unlocked.auditDraft(.login)))
        try unlocked.commit(mutations)
        return unlocked
    }
}
