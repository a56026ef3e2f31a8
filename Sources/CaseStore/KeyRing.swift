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

    /// This ring with one more key.
    func adding(_ purpose: KeyPurpose, _ key: SecretBytes) -> KeyRing {
        var copy = keys
        copy[purpose] = key
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

    /// Serialises keys (and, in a slot, its trust anchor) as `(name length, name, value length,
    /// value)*`, sorted by name; the caller cleanses the result.
    static func encode(_ keys: [KeyPurpose: SecretBytes], trust: TrustAnchor? = nil) -> [UInt8] {
        var entries: [(String, [UInt8])] = keys.map { ($0.key.rawValue, $0.value.copyBytes()) }
        if let trust {
            entries += [(TrustAnchor.vaultIDName, trust.vaultID), (TrustAnchor.directoryName, trust.directoryPublicKey)]
        }
        var bytes: [UInt8] = []
        for (name, value) in entries.sorted(by: { $0.0 < $1.0 }) {
            var value = value
            bytes.append(UInt8(name.utf8.count))
            bytes += Array(name.utf8)
            bytes.append(UInt8(value.count))
            bytes += value
            SecretBytes.cleanse(&value)
        }
        return bytes
    }

    /// Parses the output of `encode`; nil for malformed input (an unknown name, a key that is not
    /// 32 bytes, an incomplete trust anchor).
    static func decode(_ bytes: [UInt8]) -> (keys: [KeyPurpose: SecretBytes], trust: TrustAnchor?)? {
        var keys: [KeyPurpose: SecretBytes] = [:]
        var vaultID: [UInt8]?
        var directory: [UInt8]?
        var index = 0
        while index < bytes.count {
            let nameLength = Int(bytes[index])
            guard index + 1 + nameLength < bytes.count else { return nil }
            let nameBytes = bytes[(index + 1)..<(index + 1 + nameLength)]
            guard let name = String(bytes: nameBytes, encoding: .utf8) else { return nil }
            let valueStart = index + 2 + nameLength
            let valueLength = Int(bytes[index + 1 + nameLength])
            guard valueStart + valueLength <= bytes.count else { return nil }
            let value = Array(bytes[valueStart..<(valueStart + valueLength)])
            switch name {
            case TrustAnchor.vaultIDName where valueLength == 16 && vaultID == nil: vaultID = value
            case TrustAnchor.directoryName where valueLength == 32 && directory == nil: directory = value
            default:
                guard let purpose = KeyPurpose(rawValue: name), valueLength == 32, keys[purpose] == nil else { return nil }
                keys[purpose] = SecretBytes(value)
            }
            index = valueStart + valueLength
        }
        switch (vaultID, directory) {
        case (nil, nil): return (keys, nil)
        case (let vaultID?, let directory?): return (keys, TrustAnchor(vaultID: vaultID, directoryPublicKey: directory))
        default: return nil
        }
    }
}
