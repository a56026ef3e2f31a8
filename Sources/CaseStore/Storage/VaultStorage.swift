import Foundation

/// Where sealed vault rows live. Everything that crosses this protocol is ciphertext or one of
/// the plaintext columns docs/vault-format.md allows, so a server-side backend (PostgreSQL for
/// organisations with several offices) implements it without ever seeing survivor data. A
/// backend only stores and fetches rows: sealing, the audit chain's hashes and every decision
/// stay in CaseStore. Every change goes through `apply`, which commits one `StorageBatch`
/// atomically, audit entries included, after checking the batch's expectations (audit head,
/// key version, case versions): a change and the entry that records it commit together or not
/// at all, and two writers never fork the trail or overwrite each other's change. The contract
/// every backend must keep is the suite in Tests/StorageContractTests.
public protocol VaultStorage: AnyObject {
    /// The vault's identity row, nil for an empty store.
    func meta() throws -> VaultMetaRow?
    /// One user's key slot.
    func keySlot(user: String) throws -> KeySlotRow?
    /// All key slots, ordered by user name.
    func keySlots() throws -> [KeySlotRow]
    /// The signed user directory, nil before an administrator has built it.
    func directory() throws -> DirectoryRow?
    /// Keys waiting for a user, if any.
    func keyGrant(user: String) throws -> KeyGrantRow?
    /// Audit keys retired by rekeys, newest first.
    func retiredAuditKeys() throws -> [RetiredAuditKeyRow]
    /// A user's sealed intake draft, if any.
    func intakeDraft(user: String) throws -> [UInt8]?
    /// The grammatical gender each user who chose one wants her or his role named in.
    func grammaticalGenders() throws -> [String: GrammaticalGender]
    /// A user's run of failed logins, if any.
    func loginFailures(user: String) throws -> LoginFailureRow?
    /// One case row by code, including erased tombstones.
    func caseRow(code: String) throws -> CaseRow?
    /// Earlier sealed versions of a case, oldest first.
    func history(code: String) throws -> [HistoryRow]
    /// Non-identifying summaries of the cases that are not erased, with their signed states: all
    /// of them most recently changed first, or those of `codes` in no set order.
    func listings(codes: Set<String>?) throws -> [CaseListing]

    /// The listings of the live cases that carry every one of `tokens` in their name index, by
    /// code: a search's matches with their summaries, in one query.
    func listings(withAllTokens tokens: [[UInt8]]) throws -> [CaseListing]
    /// Every case row that is not erased, in id order.
    func forEachLiveCase(_ body: (CaseRow) throws -> Void) throws
    /// Every live case's statistics row, in id order: its code and current version beside the
    /// facts stored for it (nil when none are).
    func forEachFactsRow(_ body: (FactsRow) throws -> Void) throws
    /// How many live cases have no statistics row.
    func casesWithoutFactsCount() throws -> Int
    /// The signed statistics policy, nil before an administrator has set one.
    func statisticsPolicy() throws -> StatisticsPolicyRow?
    /// The newest audit entry's sequence number and hash, nil for an empty trail.
    func auditHead() throws -> (seq: Int64, hash: [UInt8])?
    /// Audit entries matching `filter`, oldest first.
    func auditEntries(_ filter: AuditFilter) throws -> [AuditEntryRow]
    /// The audit entries after entry `seq` (all of them for 0) in sequence order, streamed, each
    /// with the signed head stored at it, if any.
    func forEachAuditEntry(after seq: Int64, _ body: (AuditEntryRow, AuditHeadRow?) throws -> Void) throws
    /// The stored hash of entry `seq`, if it exists.
    func auditEntryHash(seq: Int64) throws -> [UInt8]?
    /// The newest signed audit head, if any.
    func newestAuditHead() throws -> AuditHeadRow?
    /// An administrator-signed vault setting by name (`SignedSettingName`), nil before one is set.
    func signedSetting(_ name: String) throws -> SignedSettingRow?
    /// Every export request in the ledger, oldest first.
    func exportRequests() throws -> [ExportRequestRow]
    /// Commits the whole batch in one transaction, or nothing. Writers are serialized (a lock
    /// the next writer waits for, up to a timeout: then `vaultLocked`). Before anything is
    /// written: the newest audit entry must be `batch.audit.after` (else `auditHeadMoved`, and
    /// CaseStore re-chains and retries), and the vault's key version `batch.keyVersion` when
    /// given (else `keysRotated`). `replaceDocument` and `setCaseState` check the case's stored
    /// version and state revision (else `caseChanged`).
    func apply(_ batch: StorageBatch) throws
    /// Counts of rows, for `status`.
    func counts() throws -> StorageCounts
    /// Every stored row, from one consistent snapshot, in an order `load` accepts (the vault's
    /// identity first, parents before children, cases by id, the trail by sequence number):
    /// what `vault copy` moves.
    func forEachStoredRow(_ body: (StoredRow) throws -> Void) throws
    /// Stores `rows` exactly as they are, in one transaction, into a store that holds no vault
    /// yet or holds the rows of earlier `load` calls of the same copy.
    func load(_ rows: [StoredRow]) throws
    /// Runs a whole copy into this store (every `load` and the reads that prove it) so that the
    /// store ends up holding all of it or none of it, even when the process is killed: a server
    /// holds it in one transaction, committed when `body` returns. A file store runs `body` as it
    /// is: its caller makes it under a temporary name and renames it once proved (`VaultFile`).
    func holdingOneTransaction<T>(_ body: () throws -> T) throws -> T
    /// Forgets the connection or file handle; later calls fail.
    func close() throws
}

extension VaultStorage {
    /// Every audit entry in sequence order, streamed, with the signed head stored at it, if any.
    func forEachAuditEntry(_ body: (AuditEntryRow, AuditHeadRow?) throws -> Void) throws {
        try forEachAuditEntry(after: 0, body)
    }
}

/// The operations only a vault in a local SQLite file has: a page-by-page backup, the
/// engine's integrity check and the truncated-file check.
public protocol LocalVaultFile: VaultStorage {
    /// A consistent copy of the whole store, written to a new file; `progress` gets pages
    /// copied and the total.
    func backup(to path: String, progress: ((Int, Int) -> Void)?) throws
    /// The storage engine's own consistency check; true when sound.
    func checkIntegrity() throws -> Bool
    /// True when the store is visibly shorter than it says it is (a truncated file).
    func isTruncated() throws -> Bool
}

/// One atomic change to the store.
public enum StorageMutation: Sendable {
    case insertMeta(VaultMetaRow)
    case setKeyVersion(Int)
    case insertKeySlot(KeySlotRow)
    /// Replaces a user's slot (new passphrase, new keys after a grant, new role).
    case replaceKeySlot(KeySlotRow)
    case setUserDisabled(user: String, disabled: Bool)
    case putKeyGrant(KeyGrantRow)
    case deleteKeyGrant(user: String)
    case recordLoginFailure(user: String, at: Double)
    case clearLoginFailures(user: String)
    case insertCase(CaseRow, nameTokens: [[UInt8]])
    /// Replaces the current document (moving the old one to history) and the name index; fails
    /// the batch with `caseChanged` unless the stored version is `version - 1`.
    case replaceDocument(code: String, version: Int, document: [UInt8], updatedDay: String, nameTokens: [[UInt8]])
    /// Re-wraps a case key under a new key version and replaces its name index (rekey, purge);
    /// fails the batch with `caseChanged` unless the case's version is still `version` (the
    /// index is made from that version's name).
    case rewrapCase(code: String, keyVersion: Int, wrappedKey: [UInt8], nameTokens: [[UInt8]], version: Int)
    /// Fails the whole batch if any live case is not at `keyVersion` (a rekey must miss none).
    case requireAllCases(keyVersion: Int)
    /// Sets a live case's status, assignee and signed state together; fails the batch with
    /// `caseChanged` unless the stored state revision is still `replacing` (the one the writer read).
    case setCaseState(code: String, status: CaseStatus, assignee: String?, state: CaseStateSignature, updatedDay: String, replacing: Int)
    /// Forgets the wrapped key, every document version and the name index; keeps a tombstone.
    /// Fails the batch with `caseChanged` unless the state revision is still `replacing` (the
    /// case the eraser decided on: not reopened or changed since).
    case eraseCase(code: String, updatedDay: String, replacing: Int)
    case putIntakeDraft(user: String, sealed: [UInt8], updatedDay: String)
    case deleteIntakeDraft(user: String)
    case setGrammaticalGender(user: String, gender: GrammaticalGender)
    /// Replaces a live case's sealed statistics facts, made for its version `caseVersion`.
    case putFacts(code: String, caseVersion: Int, sealed: [UInt8])
    /// Replaces the signed statistics policy.
    case putStatisticsPolicy(StatisticsPolicyRow)
    /// Replaces an administrator-signed vault setting.
    case putSignedSetting(name: String, SignedSettingRow)
    /// Adds a signed export request to the ledger.
    case insertExportRequest(ExportRequestRow)
    /// Records a supervisor's signed decision on an export request.
    case decideExportRequest(id: String, decider: String, decision: [UInt8], signature: [UInt8])
    /// Marks a decided export request used; fails the batch when it already is. Only a guard
    /// between two writers of this program: whether a request was used is read from the trail.
    case markExportRequestUsed(id: String)
    /// Appends an audit entry. CaseStore numbers and chains it (`StorageBatch`); a backend never
    /// meets this case in a batch, only the entries in `StorageBatch.audit`.
    case appendAudit(AuditDraft)
    /// Keeps the audit key a rekey replaces, sealed under its successor.
    case retireAuditKey(RetiredAuditKeyRow)
    /// Replaces the signed user directory.
    case putDirectory(DirectoryRow)
    /// Signs the audit head the batch reaches: `sign(seq, hash)` returns the signature. Like
    /// `appendAudit`, resolved by CaseStore into `StorageBatch.audit`.
    case signAuditHead(signer: String, directoryRevision: Int, sign: @Sendable (Int64, [UInt8]) throws -> [UInt8])

    /// Replaces the sealed document of an earlier version of a live case (a purge re-seals every
    /// version without the purged field); fails the batch when that version is not in its history.
    case replaceHistoryVersion(code: String, version: Int, document: [UInt8])
}

extension StorageMutation {
    /// The rule for replacing a signed, numbered setting (the directory, the statistics policy,
    /// a signed setting): each writer signs the revision after the one she read, so the stored
    /// revision must still be `revision - 1` (none stored for revision 1). Otherwise another
    /// writer changed it meanwhile, and the batch fails as `vaultLocked`: nothing is overwritten,
    /// and the writer reads the new revision and tries again.
    public static func requireNext(_ revision: Int, after stored: Int?) throws {
        guard (stored ?? 0) == revision - 1 else { throw CaseStoreError.vaultLocked }
    }

    /// Whether the mutation overwrites sealed case data that must not linger in the WAL: an
    /// erasure or a purge is followed at once by a checkpoint that truncates it.
    var shredsCaseData: Bool {
        switch self {
        case .eraseCase, .replaceHistoryVersion: true
        default: false
        }
    }
}

/// A live case's statistics row as stored: sealed facts bound to the case code and the version
/// they were made for.
public struct FactsRow: Sendable, Equatable {
    public var code: String
    /// The case's current version.
    public var version: Int
    /// The version the stored facts were made for (nil when the case has no facts row).
    public var factsVersion: Int?
    public var sealed: [UInt8]?

    public init(code: String, version: Int, factsVersion: Int? = nil, sealed: [UInt8]? = nil) {
        self.code = code
        self.version = version
        self.factsVersion = factsVersion
        self.sealed = sealed
    }
}

/// The statistics policy an administrator signed: threshold and privacy budgets.
public struct StatisticsPolicyRow: Sendable, Equatable {
    public var revision: Int
    public var signer: String
    public var body: [UInt8]
    public var signature: [UInt8]

    public init(revision: Int, signer: String, body: [UInt8], signature: [UInt8]) {
        self.revision = revision
        self.signer = signer
        self.body = body
        self.signature = signature
    }
}

/// An administrator-signed vault setting as stored: its body, the revision it claims, who signed.
public struct SignedSettingRow: Sendable, Equatable {
    public var revision: Int
    public var signer: String
    public var body: [UInt8]
    public var signature: [UInt8]

    public init(revision: Int, signer: String, body: [UInt8], signature: [UInt8]) {
        self.revision = revision
        self.signer = signer
        self.body = body
        self.signature = signature
    }
}

/// One export request as stored: the requester's signed body, and the decider's signed
/// decision once there is one.
public struct ExportRequestRow: Sendable, Equatable {
    public var id: String
    public var caseCode: String?
    public var requester: String
    public var createdDay: String
    public var body: [UInt8]
    public var signature: [UInt8]
    public var decider: String?
    public var decision: [UInt8]?
    public var decisionSignature: [UInt8]?

    public init(id: String, caseCode: String? = nil, requester: String, createdDay: String, body: [UInt8], signature: [UInt8],
                decider: String? = nil, decision: [UInt8]? = nil, decisionSignature: [UInt8]? = nil) {
        self.id = id
        self.caseCode = caseCode
        self.requester = requester
        self.createdDay = createdDay
        self.body = body
        self.signature = signature
        self.decider = decider
        self.decision = decision
        self.decisionSignature = decisionSignature
    }
}

/// The signed user directory as stored.
public struct DirectoryRow: Sendable, Equatable {
    public var revision: Int
    public var publicKey: [UInt8]
    public var body: [UInt8]
    public var signature: [UInt8]

    public init(revision: Int, publicKey: [UInt8], body: [UInt8], signature: [UInt8]) {
        self.revision = revision
        self.publicKey = publicKey
        self.body = body
        self.signature = signature
    }
}

/// A case summary with the signed state that vouches for it.
public struct CaseListing: Sendable, Equatable {
    public var summary: CaseSummary
    public var state: CaseStateSignature?
    /// How many state changes of the case the audit trail records.
    public var committedRevision: Int

    public init(summary: CaseSummary, state: CaseStateSignature? = nil, committedRevision: Int) {
        self.summary = summary
        self.state = state
        self.committedRevision = committedRevision
    }
}

/// The vault's identity.
public struct VaultMetaRow: Sendable, Equatable {
    public var vaultID: [UInt8]
    public var formatVersion: Int
    public var keyVersion: Int
    public var createdDay: String
    public var signingPublicKey: [UInt8]?

    public init(vaultID: [UInt8], formatVersion: Int, keyVersion: Int, createdDay: String, signingPublicKey: [UInt8]? = nil) {
        self.vaultID = vaultID
        self.formatVersion = formatVersion
        self.keyVersion = keyVersion
        self.createdDay = createdDay
        self.signingPublicKey = signingPublicKey
    }
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
    public var disabled: Bool
    public var exchangePublicKey: [UInt8]

    public init(user: String, role: Role, kdfLogN: Int, kdfR: Int, kdfP: Int, salt: [UInt8], keyVersion: Int, sealedKeys: [UInt8],
                createdDay: String, disabled: Bool, exchangePublicKey: [UInt8]) {
        self.user = user
        self.role = role
        self.kdfLogN = kdfLogN
        self.kdfR = kdfR
        self.kdfP = kdfP
        self.salt = salt
        self.keyVersion = keyVersion
        self.sealedKeys = sealedKeys
        self.createdDay = createdDay
        self.disabled = disabled
        self.exchangePublicKey = exchangePublicKey
    }
}

/// New keys sealed to one user's exchange key, applied at their next login.
public struct KeyGrantRow: Sendable, Equatable {
    public var user: String
    public var role: Role
    public var keyVersion: Int
    public var ephemeralKey: [UInt8]
    public var sealedKeys: [UInt8]
    /// The administrator who made the grant (nil for a grant made before the signed directory).
    public var grantedBy: String?
    public var signature: [UInt8]?

    public init(user: String, role: Role, keyVersion: Int, ephemeralKey: [UInt8], sealedKeys: [UInt8], grantedBy: String? = nil,
                signature: [UInt8]? = nil) {
        self.user = user
        self.role = role
        self.keyVersion = keyVersion
        self.ephemeralKey = ephemeralKey
        self.sealedKeys = sealedKeys
        self.grantedBy = grantedBy
        self.signature = signature
    }
}

/// An audit key a rekey replaced: key `version`, sealed under the key that replaced it.
public struct RetiredAuditKeyRow: Sendable, Equatable {
    public var version: Int
    public var sealed: [UInt8]

    public init(version: Int, sealed: [UInt8]) {
        self.version = version
        self.sealed = sealed
    }
}

/// A run of failed logins.
public struct LoginFailureRow: Sendable, Equatable {
    public var failures: Int
    /// Seconds since 1970 of the latest failure.
    public var lastFailureAt: Double

    public init(failures: Int, lastFailureAt: Double) {
        self.failures = failures
        self.lastFailureAt = lastFailureAt
    }
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
    /// The signed state (nil for a case written before the signed directory, and for tombstones).
    public var state: CaseStateSignature?
    /// How many state changes of the case the audit trail records (read with the row; ignored
    /// when a row is written).
    public var committedRevision: Int = 0

    public init(code: String, status: CaseStatus, assignee: String? = nil, createdDay: String, updatedDay: String,
                keyVersion: Int, wrappedKey: [UInt8]? = nil, version: Int, document: [UInt8]? = nil,
                state: CaseStateSignature? = nil, committedRevision: Int = 0) {
        self.code = code
        self.status = status
        self.assignee = assignee
        self.createdDay = createdDay
        self.updatedDay = updatedDay
        self.keyVersion = keyVersion
        self.wrappedKey = wrappedKey
        self.version = version
        self.document = document
        self.state = state
        self.committedRevision = committedRevision
    }
}

/// An earlier, sealed version of a case document.
public struct HistoryRow: Sendable, Equatable {
    public var version: Int
    public var document: [UInt8]

    public init(version: Int, document: [UInt8]) {
        self.version = version
        self.document = document
    }
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

    public init(code: String, status: CaseStatus, assignee: String? = nil, createdDay: String, updatedDay: String, version: Int) {
        self.code = code
        self.status = status
        self.assignee = assignee
        self.createdDay = createdDay
        self.updatedDay = updatedDay
        self.version = version
    }
}

/// Row counts reported by `status`.
public struct StorageCounts: Sendable, Equatable {
    public var users: Int
    public var openCases: Int
    public var closedCases: Int
    public var erasedCases: Int
    public var auditEntries: Int

    public init(users: Int, openCases: Int, closedCases: Int, erasedCases: Int, auditEntries: Int) {
        self.users = users
        self.openCases = openCases
        self.closedCases = closedCases
        self.erasedCases = erasedCases
        self.auditEntries = auditEntries
    }
}
