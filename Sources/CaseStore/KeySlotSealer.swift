import VaultCrypto

/// Seals and opens key slots: the slot's keys under scrypt(passphrase, salt), bound to the
/// vault, user, role and key version by associated data.
enum KeySlotSealer {
    static let saltLength = 16

    static func seal(keys: [KeyPurpose: SecretBytes], user: String, role: Role, passphrase: SecretBytes,
                     meta: VaultMetaRow, options: VaultOptions) throws -> KeySlotRow {
        let salt = try SecureRandom.bytes(count: saltLength)
        let kek = try Scrypt.deriveKey(passphrase: passphrase, salt: salt, parameters: options.kdf, length: 32)
        var payload = KeyRing.encode(keys)
        defer { SecretBytes.cleanse(&payload) }
        let aad = AssociatedData.keySlot(vaultID: meta.vaultID, user: user, role: role, keyVersion: meta.keyVersion)
        let sealed = try SealedValue.seal(payload, key: kek, associatedData: aad)
        return KeySlotRow(user: user, role: role, kdfLogN: Int(options.kdf.logN), kdfR: Int(options.kdf.r), kdfP: Int(options.kdf.p),
                          salt: salt, keyVersion: meta.keyVersion, sealedKeys: sealed, createdDay: options.today)
    }

    static func open(_ slot: KeySlotRow, passphrase: SecretBytes, meta: VaultMetaRow) throws -> KeyRing {
        guard let logN = UInt8(exactly: slot.kdfLogN), let r = UInt32(exactly: slot.kdfR), let p = UInt32(exactly: slot.kdfP) else {
            throw CaseStoreError.tamperedRecord("key slot \(slot.user)")
        }
        let parameters = ScryptParameters(logN: logN, r: r, p: p)
        let kek: SecretBytes
        do {
            kek = try Scrypt.deriveKey(passphrase: passphrase, salt: slot.salt, parameters: parameters, length: 32)
        } catch {
            throw CaseStoreError.tamperedRecord("key slot \(slot.user)")
        }
        let aad = AssociatedData.keySlot(vaultID: meta.vaultID, user: slot.user, role: slot.role, keyVersion: slot.keyVersion)
        var payload: [UInt8]
        do {
            payload = try SealedValue.open(slot.sealedKeys, key: kek, associatedData: aad)
        } catch {
            throw CaseStoreError.wrongPassphrase
        }
        defer { SecretBytes.cleanse(&payload) }
        guard let keys = KeyRing.decode(payload), Set(keys.keys) == slot.role.keyPurposes else {
            throw CaseStoreError.tamperedRecord("key slot \(slot.user)")
        }
        return try KeyRing(keys: keys, vaultID: meta.vaultID)
    }
}
