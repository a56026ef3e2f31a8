import Foundation
import VaultCrypto

/// A vault file before anyone has unlocked it: it can report its status and let a user unlock
/// their key slot. `create` makes a new vault with a first admin.
public final class Vault {
    /// The vault layout this build writes and reads.
    public static let formatVersion = 1

    let storage: any VaultStorage
    let meta: VaultMetaRow
    let options: VaultOptions

    /// Opens the vault kept in `storage` (any backend: a local file, a database server).
    public init(storage: any VaultStorage, options: VaultOptions = VaultOptions()) throws {
        guard let meta = try storage.meta() else { throw CaseStoreError.corruptVault }
        if let file = storage as? any LocalVaultFile, try file.isTruncated() { throw CaseStoreError.corruptVault }
        guard meta.formatVersion <= Self.formatVersion else {
            throw CaseStoreError.unsupportedVaultVersion(found: meta.formatVersion, supported: Self.formatVersion)
        }
        self.storage = storage
        self.meta = meta
        self.options = options
    }

    /// Opens the vault file at `path` (the embedded SQLite backend).
    public convenience init(path: String, options: VaultOptions = VaultOptions()) throws {
        try self.init(storage: SQLiteVaultStorage(path: path, create: false), options: options)
    }

    /// Creates a new vault file at `path` with a fresh root key and one admin, and returns it
    /// unlocked as that admin. Refuses to overwrite an existing file.
    public static func create(path: String, admin: String, passphrase: SecretBytes,
                              options: VaultOptions = VaultOptions()) throws -> UnlockedVault {
        let storage: SQLiteVaultStorage
        do {
            storage = try SQLiteVaultStorage(path: path, create: true)
        } catch CaseStoreError.fileExists(let existing) {
            throw CaseStoreError.fileExists(existing)
        } catch {
            removeVaultFiles(path)
            throw error
        }
        do {
            return try create(storage: storage, admin: admin, passphrase: passphrase, options: options)
        } catch {
            removeVaultFiles(path)
            throw error
        }
    }

    /// Creates a new vault in `storage`, which must hold none yet (a new file, an empty
    /// database), with a fresh root key and one admin; returns it unlocked as that admin.
    public static func create(storage: any VaultStorage, admin: String, passphrase: SecretBytes,
                              options: VaultOptions = VaultOptions()) throws -> UnlockedVault {
        try UserName.validate(admin)
        let vaultID = try SecureRandom.bytes(count: 16)
        let ring = try KeyRing.generate(vaultID: vaultID)
        let signing = try Ed25519PrivateKey(seed: ring.key(.signing))
        let directoryKey = try Ed25519PrivateKey(seed: ring.key(.directory))
        let trust = TrustAnchor(vaultID: vaultID, directoryPublicKey: try directoryKey.publicKey())
        let meta = VaultMetaRow(vaultID: vaultID, formatVersion: formatVersion, keyVersion: 1, createdDay: options.today,
                                signingPublicKey: try signing.publicKey())
        let exchange = try ring.key(.exchange)
        let publicKeys = try UserSigningKey.publicKeys(exchange: exchange, vaultID: vaultID)
        let directory = UserDirectory(revision: 1, entries: [admin: DirectoryEntry(
            name: admin, role: .admin, disabled: false, exchangePublicKey: publicKeys.exchange,
            signingPublicKey: publicKeys.signing, keyVersion: 1)])
        let slot = try KeySlotSealer.seal(ring: ring, exchange: exchange, user: admin, role: .admin,
                                          passphrase: passphrase, meta: meta, options: options, trust: trust)
        try storage.commit([.insertMeta(meta), .insertKeySlot(slot), .putDirectory(directory.signed(vaultID: vaultID, key: directoryKey))],
                           vaultID: vaultID, keyVersion: nil)
        let unlocked = try UnlockedVault(vault: Vault(storage: storage, options: options), user: admin, role: .admin, keys: ring,
                                         trust: trust, directory: directory)
        try unlocked.commit([.appendAudit(unlocked.auditDraft(.userAdd, details: ["user": admin, "role": Role.admin.rawValue]))])
        return unlocked
    }

    static func removeVaultFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// What can be said about the vault without unlocking it.
    public func status() throws -> VaultStatus {
        let counts = try storage.counts()
        return VaultStatus(formatVersion: meta.formatVersion, keyVersion: meta.keyVersion, createdDay: meta.createdDay,
                           users: counts.users, openCases: counts.openCases, closedCases: counts.closedCases,
                           erasedCases: counts.erasedCases, auditEntries: counts.auditEntries)
    }

    /// Opens `user`'s key slot with `passphrase` (disabling core dumps first). After failed
    /// attempts it first waits the growing delay of `LoginThrottle`; every attempt is audited.
    /// Everything about the user comes from the signed directory, verified against the key pinned
    /// in her slot; keys granted since the last login (rekey, role change) are verified the same
    /// way and taken into the slot. The first administrator login after the upgrade to the signed
    /// directory builds it (`upgradeToDirectory`).
    public func unlock(user: String, passphrase: SecretBytes) throws -> UnlockedVault {
        ProcessHardening.apply()
        try UserName.validate(user)
        let failures = try storage.loginFailures(user: user)
        if let failures {
            let wait = LoginThrottle.earliestRetry(after: failures) - options.now().timeIntervalSince1970
            if wait > 0 { options.sleep(wait) }
        }
        guard let slot = try storage.keySlot(user: user) else {
            try recordFailedLogin(user: user, reason: "unknown_user")
            throw CaseStoreError.unknownUser(user)
        }
        let opened: KeySlotSealer.Opened
        do {
            opened = try KeySlotSealer.open(slot, passphrase: passphrase, meta: meta)
        } catch CaseStoreError.wrongPassphrase {
            try recordFailedLogin(user: user, reason: "wrong_passphrase")
            throw CaseStoreError.wrongPassphrase
        }
        guard let directoryRow = try storage.directory() else {
            guard slot.role == .admin, opened.trust == nil else { throw CaseStoreError.directoryNotEstablished }
            return try upgradeToDirectory(admin: slot, ring: opened.ring, passphrase: passphrase, clearFailures: failures != nil)
        }
        // A format-1 slot meets the directory for the first time: it trusts the directory key it
        // finds (once, at the upgrade; docs/vault-format.md "Upgrade") and pins it below.
        let trust = opened.trust ?? TrustAnchor(vaultID: meta.vaultID, directoryPublicKey: directoryRow.publicKey)
        let directory = try UserDirectory.verified(directoryRow, pinned: trust.directoryPublicKey, vaultID: meta.vaultID)
        guard let entry = directory.entry(user) else { throw CaseStoreError.untrustedSignature(.directoryEntry(user: user)) }
        guard !entry.disabled else {
            try recordFailedLogin(user: user, reason: "disabled")
            throw CaseStoreError.userDisabled(user)
        }
        try checkFreshness(of: directory)
        var ring = opened.ring
        var role = slot.role
        var mutations: [StorageMutation] = failures == nil ? [] : [.clearLoginFailures(user: user)]
        var granted = false
        if let grant = try storage.keyGrant(user: user) {
            let oldExchange = try ring.key(.exchange)
            let keys = try KeyGrantSealer.open(grant, exchange: oldExchange, directory: directory, vaultID: meta.vaultID)
            let exchange = keys.exchange ?? oldExchange
            ring = try KeyRing(keys: keys.keys, vaultID: meta.vaultID).replacingExchangeKey(exchange)
            role = grant.role
            var grantMeta = meta
            grantMeta.keyVersion = grant.keyVersion
            let resealed = try KeySlotSealer.seal(ring: ring, exchange: exchange, user: user, role: role, passphrase: passphrase,
                                                  meta: grantMeta, options: options, trust: trust, createdDay: slot.createdDay)
            mutations += [.replaceKeySlot(resealed), .deleteKeyGrant(user: user)]
            if keys.exchange != nil { mutations += try resealedDraft(user: user, from: oldExchange, to: exchange) }
            granted = true
        } else if opened.trust == nil {
            throw CaseStoreError.untrustedSignature(.directoryEntry(user: user))
        }
        let certified = try UserSigningKey.publicKeys(exchange: ring.key(.exchange), vaultID: meta.vaultID)
        guard role == entry.role, ConstantTime.equal(certified.exchange, entry.exchangePublicKey),
              let signing = entry.signingPublicKey, ConstantTime.equal(certified.signing, signing)
        else { throw CaseStoreError.untrustedSignature(.directoryEntry(user: user)) }
        let unlocked = try UnlockedVault(vault: self, user: user, role: role, keys: ring, trust: trust, directory: directory)
        if granted { mutations.append(.appendAudit(try unlocked.auditDraft(.keyGrantApplied, details: ["role": role.rawValue]))) }
        mutations.append(.appendAudit(try unlocked.auditDraft(.login)))
        try unlocked.commit(mutations)
        return unlocked
    }

    /// The directory must be at least as new as the one the newest signed audit head saw, that
    /// head must verify, and after it only what `AuditContinuity` vouches for may stand (failed
    /// logins, or another office's entries under its own valid head, written meanwhile):
    /// otherwise an older directory was put back, or entries were written or rewritten without
    /// a user's key.
    func checkFreshness(of directory: UserDirectory) throws {
        guard let head = try storage.newestAuditHead() else { throw CaseStoreError.untrustedSignature(.auditTrail) }
        guard let hash = try storage.auditEntryHash(seq: head.seq),
              AuditHead.isValid(head, hash: hash, directory: directory, vaultID: meta.vaultID),
              directory.revision >= head.directoryRevision
        else { throw CaseStoreError.untrustedSignature(.auditTrail) }
        _ = try AuditContinuity.newestVouched(after: AuditPosition(seq: head.seq, hash: hash), in: storage, directory: directory,
                                              refreshed: nil, vaultID: meta.vaultID)
    }

    /// The user's intake draft moved from a key derived from her old exchange key to her new one.
    /// A draft that does not open under the old key was already unreadable (altered); it is left
    /// as it is, to be reported when she resumes, rather than keep her from logging in.
    private func resealedDraft(user: String, from old: SecretBytes, to new: SecretBytes) throws -> [StorageMutation] {
        guard let sealed = try storage.intakeDraft(user: user) else { return [] }
        guard var plaintext = try? IntakeDraftSealer.open(sealed, exchange: old, user: user, vaultID: meta.vaultID) else { return [] }
        defer { SecretBytes.cleanse(&plaintext) }
        return [.putIntakeDraft(user: user, sealed: try IntakeDraftSealer.seal(plaintext, exchange: new, user: user, vaultID: meta.vaultID),
                                updatedDay: options.today)]
    }

    private func recordFailedLogin(user: String, reason: String) throws {
        let draft = AuditDraft(at: options.minute, actor: user, action: .loginFailed, caseCode: nil, outcome: .failed, payload: nil)
        try storage.commit([.recordLoginFailure(user: user, at: options.now().timeIntervalSince1970), .appendAudit(draft)],
                           vaultID: meta.vaultID, keyVersion: nil)
    }
}

/// Non-identifying facts about a vault, shown by `casevault status` without unlocking.
public struct VaultStatus: Sendable, Equatable, Codable {
    public var formatVersion: Int
    public var keyVersion: Int
    public var createdDay: String
    public var users: Int
    public var openCases: Int
    public var closedCases: Int
    public var erasedCases: Int
    public var auditEntries: Int
}

/// Rules for staff user names, which are stored in plaintext.
public enum UserName {
    /// A user name is 1–64 characters of letters, digits, `.`, `_` or `-`.
    public static func validate(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 64, allowed else {
            throw CaseStoreError.invalidUserName(name)
        }
    }
}
