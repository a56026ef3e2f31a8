import VaultCrypto

/// One user as the administrators certified her: every decision about a user (login, grant,
/// rekey, role, policy) reads these values, never the plaintext columns of `key_slots`.
public struct DirectoryEntry: Sendable, Equatable {
    public var name: String
    public var role: Role
    public var disabled: Bool
    /// Her X25519 public key: new keys are sealed only to this one.
    public var exchangePublicKey: [UInt8]
    /// Her Ed25519 public key: her case states and audit heads verify with it. Nil for a user who
    /// was disabled at the upgrade and has not been given new keys since: nothing of hers verifies.
    public var signingPublicKey: [UInt8]?
    /// The vault key version she is entitled to (grants must carry exactly this one).
    public var keyVersion: Int
}

/// The signed user directory (docs/vault-format.md, "Authenticity"): all entries in one body,
/// signed by the vault's directory key, whose public half every key slot pins inside what it
/// seals. Someone who writes to the file cannot change an entry without the signature failing,
/// nor put back one user's older entry on its own; putting back a whole older directory is seen
/// against the revision named by the newest signed audit head.
struct UserDirectory: Sendable, Equatable {
    static let label = "casevault/v1/directory"

    var revision: Int
    var entries: [String: DirectoryEntry]

    func entry(_ user: String) -> DirectoryEntry? { entries[user] }

    /// The canonical body that is signed.
    func body(vaultID: [UInt8]) -> [UInt8] {
        var bytes = CanonicalBytes(label: Self.label)
        bytes.field(vaultID)
        bytes.number(revision)
        bytes.number(entries.count)
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            bytes.field(entry.name)
            bytes.field(entry.role.rawValue)
            bytes.flag(entry.disabled)
            bytes.field(entry.exchangePublicKey)
            bytes.field(entry.signingPublicKey)
            bytes.number(entry.keyVersion)
        }
        return bytes.bytes
    }

    /// Parses a body; nil when it is malformed or names another vault.
    static func parse(_ body: [UInt8], vaultID: [UInt8]) -> UserDirectory? {
        guard var reader = CanonicalReader(body, label: label), reader.key(length: vaultID.count) == vaultID,
              let revision = reader.number(), let count = reader.number(), count >= 0, count <= 100_000 else { return nil }
        var entries: [String: DirectoryEntry] = [:]
        for _ in 0..<count {
            guard let name = reader.text(), let roleText = reader.text(), let role = Role(rawValue: roleText),
                  let disabled = reader.flag(), let exchange = reader.key(length: 32), case .some(let signing) = reader.field(),
                  signing == nil || signing?.count == 32,
                  let keyVersion = reader.number(), entries[name] == nil else { return nil }
            entries[name] = DirectoryEntry(name: name, role: role, disabled: disabled, exchangePublicKey: exchange,
                                           signingPublicKey: signing, keyVersion: Int(keyVersion))
        }
        guard reader.atEnd else { return nil }
        return UserDirectory(revision: Int(revision), entries: entries)
    }

    /// The stored row: this directory signed with the directory key.
    func signed(vaultID: [UInt8], key: Ed25519PrivateKey) throws -> DirectoryRow {
        let body = body(vaultID: vaultID)
        return DirectoryRow(revision: revision, publicKey: try key.publicKey(), body: body, signature: try key.signature(for: body))
    }

    /// Verifies `row` against the directory key pinned in a slot and parses it.
    static func verified(_ row: DirectoryRow, pinned: [UInt8], vaultID: [UInt8]) throws -> UserDirectory {
        guard ConstantTime.equal(row.publicKey, pinned), Ed25519.isValidSignature(row.signature, for: row.body, publicKey: pinned),
              let directory = parse(row.body, vaultID: vaultID), directory.revision == row.revision
        else { throw CaseStoreError.untrustedSignature(.directory) }
        return directory
    }

    /// This directory with `entry` put in (or replaced) and the revision raised.
    func with(_ entry: DirectoryEntry) -> UserDirectory {
        var copy = self
        copy.entries[entry.name] = entry
        copy.revision += 1
        return copy
    }
}
