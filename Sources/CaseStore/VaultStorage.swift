import Foundation

/// Where sealed vault rows live. Everything that crosses this protocol is ciphertext or one of
/// the plaintext columns docs/vault-format.md allows, so a server-side backend (PostgreSQL for
/// organisations with several offices) can implement it without ever seeing survivor data.
/// Every change goes through `apply`, which commits a batch of mutations atomically; the audit
/// trail will join the same batch.
public protocol VaultStorage: AnyObject {
    /// The vault's identity row, nil for an empty store.
    func meta() throws -> VaultMetaRow?
    /// One user's key slot.
    func keySlot(user: String) throws -> KeySlotRow?
    /// All key slots, ordered by user name.
    func keySlots() throws -> [KeySlotRow]
    /// One case row by code, including erased tombstones.
    func caseRow(code: String) throws -> CaseRow?
    /// Whether a code is taken (by a live or an erased case).
    func codeExists(_ code: String) throws -> Bool
    /// Earlier sealed versions of a case, oldest first.
    func history(code: String) throws -> [HistoryRow]
    /// Non-identifying summaries of all cases, newest update first.
    func summaries() throws -> [CaseSummary]
    /// Codes of cases that carry every one of `tokens` in their name index.
    func codes(withAllTokens tokens: [[UInt8]]) throws -> [String]
    /// Commits all `mutations` in one transaction, or none of them.
    func apply(_ mutations: [StorageMutation]) throws
    /// Counts of rows, for `status`.
    func counts() throws -> StorageCounts
    /// A consistent copy of the whole store, written to a new file.
    func backup(to path: String) throws
    /// The storage engine's own consistency check; true when sound.
    func checkIntegrity() throws -> Bool
}

/// One atomic change to the store.
public enum StorageMutation: Sendable {
    case insertMeta(VaultMetaRow)
    case insertKeySlot(KeySlotRow)
    case insertCase(CaseRow, nameTokens: [[UInt8]])
    /// Replaces the current document (moving the old one to history) and the name index.
    case replaceDocument(code: String, version: Int, document: [UInt8], updatedDay: String, nameTokens: [[UInt8]])
    /// Forgets the wrapped key, every document version and the name index; keeps a tombstone.
    case eraseCase(code: String, updatedDay: String)
}

/// The vault's identity.
public struct VaultMetaRow: Sendable, Equatable {
    public var vaultID: [UInt8]
    public var formatVersion: Int
    public var keyVersion: Int
    public var createdDay: String
}

/// One user's sealed key slot.
public struct KeySlotRow: Sendable, Equatable {
    public var user: String
    public var role: Role
    public var kdfLogN: Int
    public var kdfR: Int
    public var kdfP: Int
    public var salt: [UInt8]
    public var keyVersion: Int
    public var sealedKeys: [UInt8]
    public var createdDay: String
}

/// One case row: plaintext metadata and sealed key and document (nil once erased).
public struct CaseRow: Sendable, Equatable {
    public var code: String
    public var status: CaseStatus
    public var assignee: String?
    public var createdDay: String
    public var updatedDay: String
    public var keyVersion: Int
    public var wrappedKey: [UInt8]?
    public var version: Int
    public var document: [UInt8]?
}

/// An earlier, sealed version of a case document.
public struct HistoryRow: Sendable, Equatable {
    public var version: Int
    public var document: [UInt8]
}

/// Where a case stands. Plaintext by design: supervisors see it without any case key.
public enum CaseStatus: String, Codable, Sendable {
    case open, closed, erased
}

/// What anyone may see of a case without its key.
public struct CaseSummary: Sendable, Equatable, Codable {
    public var code: String
    public var status: CaseStatus
    public var assignee: String?
    public var createdDay: String
    public var updatedDay: String
    public var version: Int
}

/// Row counts reported by `status`.
public struct StorageCounts: Sendable, Equatable {
    public var users: Int
    public var openCases: Int
    public var closedCases: Int
    public var erasedCases: Int
}
