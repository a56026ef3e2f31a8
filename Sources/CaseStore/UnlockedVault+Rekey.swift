import VaultCrypto

/// What a rekey did.
public struct RekeyReport: Sendable, Equatable {
    public var keyVersion: Int
    public var casesRewrapped: Int
    public var usersGranted: Int
    public var usersLeftOut: Int
}

extension UnlockedVault {
    /// Rotates the root key and with it the case-wrapping and name-index keys, and the audit key
    /// (the old one kept sealed under the new): every case key is re-wrapped and every name index
    /// rebuilt, the admin's own slot is re-sealed with `passphrase`, and each enabled user of the
    /// signed directory gets the new keys as a grant to her certified exchange key, for her
    /// certified role. A user whose slot shows another exchange key than the certified one (with no
    /// grant to explain it) stops the rekey: keys are never sealed to a key that does not verify.
    /// Disabled users get nothing, so their old slot opens nothing new. The whole rotation is one
    /// transaction: killed at any point, it rolls back and the vault stays as it was.
    /// Returns the vault unlocked with the new keys, and what was done.
    public func rekey(passphrase: SecretBytes, progress: ((Int, Int) -> Void)? = nil) throws -> (UnlockedVault, RekeyReport) {
        _ = try keys.key(.root)
        guard let ownSlot = try storage.keySlot(user: user) else { throw CaseStoreError.unknownUser(user) }
        _ = try KeySlotSealer.open(ownSlot, passphrase: passphrase, meta: vault.meta)
        var directory = try currentDirectory()
        try vault.checkFreshness(of: directory)
        let meta = vault.meta
        var newMeta = meta
        newMeta.keyVersion = meta.keyVersion + 1
        let newRing = try keys.rotated(vaultID: meta.vaultID)
        var grants: [StorageMutation] = []
        var granted = 0
        var leftOut = 0
        if let stray = try storage.keySlots().first(where: { directory.entry($0.user) == nil }) {
            throw CaseStoreError.untrustedSignature(.directoryEntry(user: stray.user))
        }
        for name in directory.entries.keys.sorted() where name != user {
            let entry = try certifiedEntry(name, in: directory)
            if entry.disabled {
                grants.append(.deleteKeyGrant(user: name))
                leftOut += 1
            } else {
                let (row, updated) = try grant(entry, role: entry.role, keyVersion: newMeta.keyVersion, ring: newRing)
                grants.append(.putKeyGrant(row))
                directory.entries[name] = updated
                granted += 1
            }
        }
        directory.entries[user]?.keyVersion = newMeta.keyVersion
        directory.revision += 1
        let retiredAudit = try AuditKeyChain.retire(keys.key(.audit), version: AuditKeyChain.currentVersion(retired: storage.retiredAuditKeys()),
                                                    under: newRing.key(.audit), vaultID: meta.vaultID)
        let oldSealer = sealer
        let newSealer = CaseSealer(vaultID: meta.vaultID, keyVersion: newMeta.keyVersion, keys: newRing)
        let total = try storage.counts().openCases + storage.counts().closedCases
        var mutations: [StorageMutation] = []
        mutations.reserveCapacity(total + grants.count + 8)
        // Rows are re-wrapped a chunk at a time, side by side (`ParallelWork`): each needs only
        // its own row and the two sealers.
        var pending: [CaseRow] = []
        func rewrapPending() throws {
            mutations += try ParallelWork.map(pending.count) { [pending] in
                try Self.rewrapped(pending[$0], from: oldSealer, to: newSealer)
            }
            pending.removeAll(keepingCapacity: true)
            progress?(mutations.count, total)
        }
        try storage.forEachLiveCase { row in
            pending.append(row)
            if pending.count == Self.rekeyChunk { try rewrapPending() }
        }
        try rewrapPending()
        let rewrapped = mutations.count
        mutations += [.requireAllCases(keyVersion: newMeta.keyVersion), .setKeyVersion(newMeta.keyVersion), .retireAuditKey(retiredAudit)]
        mutations.append(.replaceKeySlot(try KeySlotSealer.seal(ring: newRing, exchange: keys.key(.exchange), user: user, role: role,
                                                                passphrase: passphrase, meta: newMeta, options: vault.options,
                                                                trust: trust, createdDay: ownSlot.createdDay)))
        mutations += grants
        mutations.append(.putDirectory(try directory.signed(vaultID: meta.vaultID, key: Ed25519PrivateKey(seed: keys.key(.directory)))))
        let report = RekeyReport(keyVersion: newMeta.keyVersion, casesRewrapped: rewrapped, usersGranted: granted, usersLeftOut: leftOut)
        mutations.append(.appendAudit(try auditDraft(.rekey, details: [
            "key_version": String(report.keyVersion), "cases": String(rewrapped), "granted": String(granted), "left_out": String(leftOut),
        ])))
        try commit(mutations, directory: directory)
        let rekeyed = try UnlockedVault(vault: try Vault(storage: storage, options: vault.options), user: user, role: role,
                                        keys: newRing, trust: trust, directory: directory)
        return (rekeyed, report)
    }

    /// Cases re-wrapped side by side between two progress reports.
    static let rekeyChunk = 512

    /// The mutation that re-wraps one case's data key under `newSealer` and rebuilds its name
    /// index with the new name-index key; the document must open under `oldSealer` first.
    private static func rewrapped(_ row: CaseRow, from oldSealer: CaseSealer, to newSealer: CaseSealer) throws -> StorageMutation {
        guard let code = CaseCode(row.code), let sealed = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(row.code)) }
        let dataKey = try oldSealer.dataKey(for: row, code: code)
        let document = try oldSealer.openDocument(sealed, code: code, version: row.version, dataKey: dataKey)
        return .rewrapCase(code: row.code, keyVersion: newSealer.keyVersion, wrappedKey: try newSealer.wrap(dataKey, code: code),
                           nameTokens: try newSealer.nameTokens(document.survivor.name), version: row.version)
    }
}
