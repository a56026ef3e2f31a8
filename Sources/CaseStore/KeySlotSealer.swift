import VaultCrypto

/// Seals and opens key slots: the slot's keys and its trust anchor under scrypt(passphrase,
/// salt), bound to the vault, user, role and key version by associated data.
enum KeySlotSealer {
    static let saltLength = 16

    /// What an opened slot gives: the keys, and what its holder trusts (nil for a format-1 slot
    /// made before the signed directory).
    struct Opened {
        var ring: KeyRing
        var trust: TrustAnchor?
    }

    /// Seals `ring`'s keys for `role` plus the user's own exchange key and her trust anchor.
    static func seal(ring: KeyRing, exchange: SecretBytes, user: String, role: Role, passphrase: SecretBytes,
                     meta: VaultMetaRow, options: VaultOptions, trust: TrustAnchor, createdDay: String? = nil) throws -> KeySlotRow {
        var keys = try ring.keys(for: role)
        keys[.exchange] = exchange
        let salt = try SecureRandom.bytes(count: saltLength)
        let kek = try Scrypt.deriveKey(passphrase: passphrase, salt: salt, parameters: options.kdf, length: 32)
        var payload = KeyRing.encode(keys, trust: trust)
        defer { SecretBytes.cleanse(&payload) }
        let aad = AssociatedData.keySlot(vaultID: meta.vaultID, user: user, role: role, keyVersion: meta.keyVersion)
        let sealed = try SealedValue.seal(payload, key: kek, associatedData: aad)
        return KeySlotRow(user: user, role: role, kdfLogN: Int(options.kdf.logN), kdfR: Int(options.kdf.r), kdfP: Int(options.kdf.p),
                          salt: salt, keyVersion: meta.keyVersion, sealedKeys: sealed, createdDay: createdDay ?? options.today,
                          disabled: false, exchangePublicKey: try X25519PrivateKey(rawValue: exchange).publicKey())
    }

    /// Opens a slot; `wrongPassphrase` covers both a wrong passphrase and an altered slot, which
    /// authenticated encryption cannot tell apart.
    static func open(_ slot: KeySlotRow, passphrase: SecretBytes, meta: VaultMetaRow) throws -> Opened {
        guard let logN = UInt8(exactly: slot.kdfLogN), let r = UInt32(exactly: slot.kdfR), let p = UInt32(exactly: slot.kdfP) else {
            throw CaseStoreError.tamperedRecord(.keySlot(user: slot.user))
        }
        let kek: SecretBytes
        do {
            kek = try Scrypt.deriveKey(passphrase: passphrase, salt: slot.salt, parameters: ScryptParameters(logN: logN, r: r, p: p), length: 32)
        } catch {
            throw CaseStoreError.tamperedRecord(.keySlot(user: slot.user))
        }
        let aad = AssociatedData.keySlot(vaultID: meta.vaultID, user: slot.user, role: slot.role, keyVersion: slot.keyVersion)
        var payload: [UInt8]
        do {
            payload = try SealedValue.open(slot.sealedKeys, key: kek, associatedData: aad)
        } catch {
            throw CaseStoreError.wrongPassphrase
        }
        defer { SecretBytes.cleanse(&payload) }
        guard let decoded = KeyRing.decode(payload) else { throw CaseStoreError.tamperedRecord(.keySlot(user: slot.user)) }
        let expected = decoded.trust == nil ? slot.role.formatOneSlotKeys : slot.role.slotKeys
        guard Set(decoded.keys.keys) == expected, decoded.trust.map({ ConstantTime.equal($0.vaultID, meta.vaultID) }) ?? true else {
            throw CaseStoreError.tamperedRecord(.keySlot(user: slot.user))
        }
        return Opened(ring: try KeyRing(keys: decoded.keys, vaultID: meta.vaultID), trust: decoded.trust)
    }
}
