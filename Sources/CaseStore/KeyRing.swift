import VaultCrypto

/// The keys one unlocked user holds, by purpose. Built from a key slot; when the slot holds the
/// root key, the keys derived from it are added.
public struct KeyRing: Sendable {
    private let keys: [KeyPurpose: SecretBytes]

    init(keys: [KeyPurpose: SecretBytes], vaultID: [UInt8]) throws {
        var all = keys
        if let root = keys[.root] {
            for purpose in KeyPurpose.derivedFromRoot {
                all[purpose] = try HKDFSHA256.deriveKey(inputKey: root, salt: vaultID, info: purpose.label, length: 32)
            }
        }
        self.keys = all
    }

    /// A ring for a brand-new vault: fresh random root, audit, statistics, signing and
    /// exchange keys.
    static func generate(vaultID: [UInt8]) throws -> KeyRing {
        var keys: [KeyPurpose: SecretBytes] = [:]
        for purpose in Role.admin.slotKeys { keys[purpose] = try SecretBytes.random(count: 32) }
        return try KeyRing(keys: keys, vaultID: vaultID)
    }

    /// The vault keys after a rekey: a new root (and so new derived keys) and a new audit key;
    /// the others kept.
    func rotated(vaultID: [UInt8]) throws -> KeyRing {
        var kept = keys.filter { !KeyPurpose.derivedFromRoot.contains($0.key) }
        for purpose in KeyPurpose.rotatedByRekey { kept[purpose] = try SecretBytes.random(count: 32) }
        return try KeyRing(keys: kept, vaultID: vaultID)
    }

    /// This ring with `exchange` as the user's own exchange key.
    func replacingExchangeKey(_ exchange: SecretBytes) -> KeyRing {
        var copy = keys
        copy[.exchange] = exchange
        return KeyRing(alreadyDerived: copy)
    }

    private init(alreadyDerived keys: [KeyPurpose: SecretBytes]) { self.keys = keys }

    /// The key for `purpose`, or `keyNotInSlot` when this user's role does not hold it.
    func key(_ purpose: KeyPurpose) throws -> SecretBytes {
        guard let key = keys[purpose] else { throw CaseStoreError.keyNotInSlot(purpose) }
        return key
    }

    /// Whether this ring holds the key for `purpose`.
    func holds(_ purpose: KeyPurpose) -> Bool { keys[purpose] != nil }

    /// The vault keys a slot of `role` holds (without an exchange key).
    func keys(for role: Role) throws -> [KeyPurpose: SecretBytes] {
        var subset: [KeyPurpose: SecretBytes] = [:]
        for purpose in role.vaultKeys { subset[purpose] = try key(purpose) }
        return subset
    }

    /// Serialises keys as `(name length, name, key length, key)*`; the caller cleanses the result.
    static func encode(_ keys: [KeyPurpose: SecretBytes]) -> [UInt8] {
        var bytes: [UInt8] = []
        for purpose in keys.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let name = Array(purpose.rawValue.utf8)
            bytes.append(UInt8(name.count))
            bytes += name
            var key = keys[purpose]!.copyBytes()
            bytes.append(UInt8(key.count))
            bytes += key
            SecretBytes.cleanse(&key)
        }
        return bytes
    }

    /// Parses the output of `encode`; nil for malformed input.
    static func decode(_ bytes: [UInt8]) -> [KeyPurpose: SecretBytes]? {
        var keys: [KeyPurpose: SecretBytes] = [:]
        var index = 0
        while index < bytes.count {
            let nameLength = Int(bytes[index])
            guard index + 1 + nameLength < bytes.count else { return nil }
            let nameBytes = bytes[(index + 1)..<(index + 1 + nameLength)]
            guard let name = String(bytes: nameBytes, encoding: .utf8), let purpose = KeyPurpose(rawValue: name) else { return nil }
            let keyStart = index + 2 + nameLength
            let keyLength = Int(bytes[index + 1 + nameLength])
            guard keyLength == 32, keyStart + keyLength <= bytes.count else { return nil }
            keys[purpose] = SecretBytes(bytes[keyStart..<(keyStart + keyLength)])
            index = keyStart + keyLength
        }
        return keys
    }
}
