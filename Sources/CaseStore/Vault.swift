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
        let meta = VaultMetaRow(vaultID: try SecureRandom.bytes(count: 16), formatVersion: formatVersion, keyVersion: 1,
                                createdDay: options.today)
        let ring = try KeyRing.generate(vaultID: meta.vaultID)
        let slot = try KeySlotSealer.seal(keys: ring.keys(for: .admin), user: admin, role: .admin, passphrase: passphrase,
                                          meta: meta, options: options)
        try storage.apply([.insertMeta(meta), .insertKeySlot(slot)])
        let vault = try Vault(storage: storage, options: options)
        return UnlockedVault(vault: vault, user: admin, role: .admin, keys: ring)
    }

    private static func removeVaultFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// What can be said about the vault without unlocking it.
    public func status() throws -> VaultStatus {
        let counts = try storage.counts()
        return VaultStatus(formatVersion: meta.formatVersion, keyVersion: meta.keyVersion, createdDay: meta.createdDay,
                           users: counts.users, openCases: counts.openCases, closedCases: counts.closedCases,
                           erasedCases: counts.erasedCases)
    }

    /// Opens `user`'s key slot with `passphrase`. Disables core dumps first.
    public func unlock(user: String, passphrase: SecretBytes) throws -> UnlockedVault {
        ProcessHardening.apply()
        guard let slot = try storage.keySlot(user: user) else { throw CaseStoreError.unknownUser(user) }
        let ring = try KeySlotSealer.open(slot, passphrase: passphrase, meta: meta)
        return UnlockedVault(vault: self, user: user, role: slot.role, keys: ring)
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
}

/// Rules for staff user names, which are stored in plaintext.
public enum UserName {
    /// A user name is 1–64 characters of letters, digits, `.`, `_` or `-`.
    public static func validate(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 64, allowed else {
            throw CaseStoreError.invalidDocument(position: nil, field: "user", rule: .unknownValue)
        }
    }
}
