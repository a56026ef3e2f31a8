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

    init(storage: any VaultStorage, options: VaultOptions) throws {
        guard let meta = try storage.meta() else { throw CaseStoreError.corruptVault }
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

    static func create(storage: any VaultStorage, admin: String, passphrase: SecretBytes, options: VaultOptions) throws -> UnlockedVault {
        try UserName.validate(admin)
        let vaultID = try SecureRandom.bytes(count: 16)
        let ring = try KeyRing.generate(vaultID: vaultID)
        let signing = try Ed25519PrivateKey(seed: ring.key(.signing))
        let meta = VaultMetaRow(vaultID: vaultID, formatVersion: formatVersion, keyVersion: 1, createdDay: options.today,
                                signingPublicKey: try signing.publicKey())
        let slot = try KeySlotSealer.seal(ring: ring, exchange: ring.key(.exchange), user: admin, role: .admin,
                                          passphrase: passphrase, meta: meta, options: options)
        try storage.apply([.insertMeta(meta), .insertKeySlot(slot)])
        let unlocked = UnlockedVault(vault: try Vault(storage: storage, options: options), user: admin, role: .admin, keys: ring)
        try storage.apply([.appendAudit(unlocked.auditDraft(.userAdd, details: ["user": admin, "role": Role.admin.rawValue]))])
        return unlocked
    }

    private static func removeVaultFiles(_ path: String) {
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
    /// Keys granted since the last login (rekey, role change) are taken into the slot.
    public func unlock(user: String, passphrase: SecretBytes) throws -> UnlockedVault {
        ProcessHardening.apply()
        let failures = try storage.loginFailures(user: user)
        if let failures {
            let wait = LoginThrottle.earliestRetry(after: failures) - options.now().timeIntervalSince1970
            if wait > 0 { options.sleep(wait) }
        }
        guard let slot = try storage.keySlot(user: user) else {
            try recordFailedLogin(user: user, reason: "unknown_user")
            throw CaseStoreError.unknownUser(user)
        }
        guard !slot.disabled else {
            try recordFailedLogin(user: user, reason: "disabled")
            throw CaseStoreError.userDisabled(user)
        }
        var ring: KeyRing
        do {
            ring = try KeySlotSealer.open(slot, passphrase: passphrase, meta: meta)
        } catch CaseStoreError.wrongPassphrase {
            try recordFailedLogin(user: user, reason: "wrong_passphrase")
            throw CaseStoreError.wrongPassphrase
        }
        var role = slot.role
        var mutations: [StorageMutation] = failures == nil ? [] : [.clearLoginFailures(user: user)]
        if let grant = try storage.keyGrant(user: user) {
            let exchange = try ring.key(.exchange)
            ring = try KeyRing(keys: KeyGrantSealer.open(grant, exchange: exchange, meta: meta), vaultID: meta.vaultID)
                .replacingExchangeKey(exchange)
            role = grant.role
            var grantMeta = meta
            grantMeta.keyVersion = grant.keyVersion
            let resealed = try KeySlotSealer.seal(ring: ring, exchange: exchange, user: user, role: role, passphrase: passphrase,
                                                  meta: grantMeta, options: options, createdDay: slot.createdDay)
            mutations += [.replaceKeySlot(resealed), .deleteKeyGrant(user: user)]
        }
        let unlocked = UnlockedVault(vault: self, user: user, role: role, keys: ring)
        if mutations.contains(where: { if case .replaceKeySlot = $0 { true } else { false } }) {
            mutations.append(.appendAudit(try unlocked.auditDraft(.keyGrantApplied, details: ["role": role.rawValue])))
        }
        mutations.append(.appendAudit(try unlocked.auditDraft(.login)))
        try storage.apply(mutations)
        return unlocked
    }

    private func recordFailedLogin(user: String, reason: String) throws {
        let draft = AuditDraft(at: options.minute, actor: user, action: .loginFailed, caseCode: nil, outcome: .failed, payload: nil)
        try storage.apply([.recordLoginFailure(user: user, at: options.now().timeIntervalSince1970), .appendAudit(draft)])
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
