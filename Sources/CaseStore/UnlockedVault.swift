import Foundation
import VaultCrypto

/// A vault opened by one user: every operation on cases and users goes through here, limited
/// by the keys the user's slot holds, and every change commits together with its audit entry.
public final class UnlockedVault {
    let vault: Vault
    /// Who unlocked the vault.
    public let user: String
    /// Their role, as certified in the directory and bound into their key slot.
    public let role: Role
    let keys: KeyRing
    /// What this user's slot trusts: every signed value is checked against it.
    let trust: TrustAnchor
    /// The directory as last verified; `currentDirectory()` reads it again.
    private(set) var directory: UserDirectory
    /// This user's own signing key (certified in the directory).
    let signingKey: Ed25519PrivateKey
    /// The newest place in the audit trail this session has verified: the newest signed head
    /// when it was opened, then the head each of its own writes signed. Nil only for a trail
    /// without any signed head (a new vault, the upgrade of a format-1 vault).
    var trustedHead: AuditPosition?
    /// The case-state signatures this session has verified (`VerifiedSignatures`).
    let verifiedStates = VerifiedSignatures()

    init(vault: Vault, user: String, role: Role, keys: KeyRing, trust: TrustAnchor, directory: UserDirectory) throws {
        self.vault = vault
        self.user = user
        self.role = role
        self.keys = keys
        self.trust = trust
        self.directory = directory
        signingKey = try UserSigningKey.derive(exchange: keys.key(.exchange), vaultID: vault.meta.vaultID)
        trustedHead = try Self.newestSignedHead(vault.storage, directory: directory, vaultID: vault.meta.vaultID)
    }

    var storage: any VaultStorage { vault.storage }
    var sealer: CaseSealer { CaseSealer(vaultID: vault.meta.vaultID, keyVersion: vault.meta.keyVersion, keys: keys) }
    var vaultID: [UInt8] { vault.meta.vaultID }
    /// Seals and opens statistics facts; needs the statistics key.
    var factsSealer: FactsSealer { get throws { FactsSealer(vaultID: vaultID, key: try keys.key(.statistics)) } }

    /// Commits `mutations` with this user's signature over the audit head they leave: the one
    /// path by which a logged-in user writes.
    func commit(_ mutations: [StorageMutation]) throws {
        try commit(mutations, directory: directory)
    }

    /// Commits `mutations`, which put `changed` as the new directory, and holds it from then on.
    /// The batch is chained after the trail's newest entry once every entry since `trustedHead`
    /// is vouched for (`vouchedHead`), so this user's signature never covers an entry nobody
    /// signed; when another writer appended first, the batch is chained and vouched again.
    func commit(_ mutations: [StorageMutation], directory changed: UserDirectory) throws {
        let signed = mutations + [AuditHead.mutation(signer: user, key: signingKey, directoryRevision: changed.revision, vaultID: vaultID)]
        for _ in 0..<StorageCommitPolicy.attempts {
            let head = try vouchedHead()
            // Vouched for: a retry after losing the race checks only what came after it.
            trustedHead = head ?? trustedHead
            let batch = try StorageBatch.resolving(signed, after: head, vaultID: vaultID, keyVersion: vault.meta.keyVersion)
            do {
                try storage.apply(batch)
            } catch CaseStoreError.auditHeadMoved {
                continue
            }
            trustedHead = batch.audit?.reached ?? trustedHead
            directory = changed
            return
        }
        throw CaseStoreError.vaultLocked
    }

    /// The directory as stored now, verified against this user's pinned key and no older than
    /// the one she holds.
    func currentDirectory() throws -> UserDirectory {
        guard let row = try storage.directory() else { throw CaseStoreError.untrustedSignature(.directory) }
        let fresh = try UserDirectory.verified(row, pinned: trust.directoryPublicKey, vaultID: vaultID)
        guard fresh.revision >= directory.revision else { throw CaseStoreError.untrustedSignature(.directory) }
        directory = fresh
        return fresh
    }

    /// The directory entry of a case state's signer, reading the directory again when the signer
    /// is newer than the copy held.
    private func directoryForVerifying(_ state: CaseStateSignature?) throws -> UserDirectory {
        if let signer = state?.signer, directory.entry(signer) == nil { return try currentDirectory() }
        return directory
    }

    /// Checks a live case row's signed state, its document and its freshness against the trail.
    func verifyState(_ row: CaseRow) throws {
        try CaseState.verify(code: row.code, status: row.status, assignee: row.assignee, version: row.version, state: row.state,
                             committed: row.committedRevision, directory: directoryForVerifying(row.state), vaultID: vaultID,
                             verified: verifiedStates)
        if let document = row.document { try CaseState.verifyDocument(document, state: row.state, code: row.code) }
    }

    /// A new signed state for `row` after a change by this user.
    func nextState(of row: CaseRow, status: CaseStatus? = nil, assignee: String?? = nil, version: Int? = nil,
                   document: [UInt8]? = nil) throws -> StorageMutation {
        let status = status ?? row.status
        let assignee = assignee ?? row.assignee
        guard let sealed = document ?? row.document else { throw CaseStoreError.tamperedRecord(.caseFile(row.code)) }
        let state = try CaseState.sign(code: row.code, status: status, assignee: assignee, version: version ?? row.version,
                                       revision: (row.state?.revision ?? 0) + 1, document: sealed, signer: user, key: signingKey,
                                       vaultID: vaultID)
        return .setCaseState(code: row.code, status: status, assignee: assignee, state: state, updatedDay: vault.options.today,
                             replacing: row.state?.revision ?? 0)
    }

    /// Non-identifying facts about the vault.
    public func status() throws -> VaultStatus { try vault.status() }

    /// Seals and stores one case; returns its new code once it is durably committed.
    public func createCase(_ document: CaseDocument) throws -> CaseCode {
        let codes = try createCases([document])
        guard let code = codes.first else { throw CaseStoreError.storageFailure(.nothingWritten) }
        return code
    }

    /// Seals and stores `documents` in one transaction: all or none. `progress` is told how many
    /// are sealed so far.
    public func createCases(_ documents: [CaseDocument], progress: ((Int) -> Void)? = nil) throws -> [CaseCode] {
        try createCases(documents, audited: true, progress: progress)
    }

    /// Creates one case from a finished intake and deletes the user's draft in the same transaction.
    public func createCaseFromIntake(_ document: CaseDocument) throws -> CaseCode {
        guard let code = try createCases([document], audited: true, extra: [.deleteIntakeDraft(user: user)]).first else {
            throw CaseStoreError.storageFailure(.nothingWritten)
        }
        return code
    }

    func createCases(_ documents: [CaseDocument], audited: Bool, extra: [StorageMutation] = [],
                     progress: ((Int) -> Void)? = nil) throws -> [CaseCode] {
        let today = vault.options.now()
        for (index, document) in documents.enumerated() {
            try CaseDocumentCodec.validate(document, today: today, position: documents.count > 1 ? index + 1 : nil)
        }
        _ = try keys.key(.caseWrapping)
        let sealing = NewCaseSealing(sealer: sealer, facts: try factsSealer, signingKey: signingKey, signer: user, vaultID: vaultID,
                                     assignee: role == .caseworker ? user : nil, day: ISODay.format(today),
                                     audit: audited ? try auditDraft(.caseCreate) : nil)
        // A new code is checked by the store's UNIQUE constraint as the case is inserted; the
        // rare code already taken (one in 10^6 with a million cases) seals the batch again
        // under new codes, since every sealed part of a case is bound to its code.
        for _ in 0..<Self.codeAttempts {
            let codes = try freshCodes(documents.count)
            do {
                try commit(try sealing.mutations(documents, codes: codes, progress: progress) + extra)
                return codes
            } catch is CaseCodeTaken {
                continue
            }
        }
        throw CaseStoreError.storageFailure(.nothingWritten)
    }

    /// Batches sealed again under new codes before a create gives up.
    static let codeAttempts = 8

    /// `count` distinct codes: random ones (or the demo vault's sequence).
    private func freshCodes(_ count: Int) throws -> [CaseCode] {
        var codes: [CaseCode] = []
        codes.reserveCapacity(count)
        var taken = Set<CaseCode>(minimumCapacity: count)
        while codes.count < count {
            let code = try vault.options.caseCodes?.next() ?? CaseCode.random()
            if taken.insert(code).inserted { codes.append(code) }
        }
        return codes
    }

    /// The case row, its signed state verified (see `verifyState`).
    func liveRow(_ code: CaseCode) throws -> CaseRow {
        guard let row = try storage.caseRow(code: code.rawValue) else { throw CaseStoreError.caseNotFound(code.rawValue) }
        guard row.status != .erased else { throw CaseStoreError.caseErased(code.rawValue) }
        try verifyState(row)
        return row
    }

    /// Unseals the current version of a case. With `recordAccess` (the default) the read is
    /// first made durable in the audit trail, so nothing is shown that was not recorded.
    public func readCase(_ code: CaseCode, recordAccess: Bool = true) throws -> CaseRecord {
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let dataKey = try sealer.dataKey(for: row, code: code)
        guard let sealed = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        let document = try sealer.openDocument(sealed, code: code, version: row.version, dataKey: dataKey)
        if recordAccess { try commit([.appendAudit(auditDraft(.caseRead, caseCode: code.rawValue))]) }
        return CaseRecord(code: code, status: row.status, assignee: row.assignee, createdDay: row.createdDay,
                          updatedDay: row.updatedDay, version: row.version, document: document)
    }

    /// Every earlier version of a case, oldest first (the current one is `readCase`).
    public func history(_ code: CaseCode) throws -> [CaseVersion] {
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let dataKey = try sealer.dataKey(for: row, code: code)
        // The current version must open with the same key: earlier versions put back from before
        // a purge (which changes the key) are then refused, with the key or without it.
        guard let current = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        _ = try sealer.openDocument(current, code: code, version: row.version, dataKey: dataKey)
        let versions = try storage.history(code: code.rawValue).map {
            CaseVersion(version: $0.version, document: try sealer.openDocument($0.document, code: code, version: $0.version, dataKey: dataKey))
        }
        try commit([.appendAudit(auditDraft(.caseRead, caseCode: code.rawValue, details: ["part": "history"]))])
        return versions
    }

    /// Replaces a case's document; the previous version is kept, sealed, in its history.
    /// Returns the new version number.
    @discardableResult
    public func updateCase(_ code: CaseCode, document: CaseDocument) throws -> Int {
        try CaseDocumentCodec.validate(document, today: vault.options.now())
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let dataKey = try sealer.dataKey(for: row, code: code)
        if let current = row.document { _ = try sealer.openDocument(current, code: code, version: row.version, dataKey: dataKey) }
        let version = row.version + 1
        try commit(try newVersion(document, of: row, code: code, sealer: sealer, dataKey: dataKey,
                                  audit: auditDraft(.caseUpdate, caseCode: code.rawValue, details: ["version": String(version)])))
        return version
    }

    /// The mutations that make `document` version `row.version + 1` of a case, sealed under
    /// `dataKey`: the document (the current one moves to the history) with its name index, the
    /// signed state (with `status` when that changes too), the statistics facts and `audit`.
    /// The one shape of every change that writes a new version.
    func newVersion(_ document: CaseDocument, of row: CaseRow, code: CaseCode, sealer: CaseSealer, dataKey: SecretBytes,
                    status: CaseStatus? = nil, audit: AuditDraft) throws -> [StorageMutation] {
        let version = row.version + 1
        let sealed = try sealer.sealDocument(document, code: code, version: version, dataKey: dataKey)
        return [
            .replaceDocument(code: code.rawValue, version: version, document: sealed, updatedDay: vault.options.today,
                             nameTokens: try sealer.nameTokens(document.survivor.name)),
            try nextState(of: row, status: status, version: version, document: sealed),
            try factsSealer.mutation(for: document, code: code.rawValue, version: version, createdDay: row.createdDay),
            .appendAudit(audit),
        ]
    }

    /// Changes a case through `change`, as one new sealed version, optionally with a new status,
    /// audited as `action`: the single path for notes, follow-ups, referrals, plans, closing and
    /// reopening. Returns the new version number.
    @discardableResult
    public func amendCase(_ code: CaseCode, action: AuditAction, status: CaseStatus? = nil, details: [String: String] = [:],
                          change: (inout CaseDocument) throws -> Void) throws -> Int {
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let dataKey = try sealer.dataKey(for: row, code: code)
        guard let current = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        var document = try sealer.openDocument(current, code: code, version: row.version, dataKey: dataKey)
        try change(&document)
        try CaseDocumentCodec.validate(document, today: vault.options.now())
        try commit(try newVersion(document, of: row, code: code, sealer: sealer, dataKey: dataKey, status: status,
                                  audit: auditDraft(action, caseCode: code.rawValue, details: details)))
        return row.version + 1
    }

    /// The current UTC minute, as notes record it.
    public var currentMinute: String { vault.options.minute }

    /// The current UTC day.
    public var currentDay: String { vault.options.today }

    /// Summaries of the cases that are not erased (no identifying data; needs no case key), only
    /// those assigned to `assignee` when it is given. Each one's signed state is verified.
    public func listCases(assignedTo assignee: String? = nil) throws -> [CaseSummary] {
        // Every case is verified before the filter: the stored assignee is plaintext, and a case
        // whose assignee was altered must be refused, not silently left out of her list.
        try verified(try storage.listings(codes: nil)).filter { assignee == nil || $0.assignee == assignee }
    }

    /// The summaries of `listings` once each one's signed state is verified, the signatures
    /// checked side by side (`ParallelWork`): a search can match a thousand cases.
    private func verified(_ listings: [CaseListing]) throws -> [CaseSummary] {
        let held = directory
        let signers = listings.contains { $0.state.map { held.entry($0.signer) == nil } ?? false } ? try currentDirectory() : held
        let vaultID = vaultID, verifiedStates = verifiedStates
        _ = try ParallelWork.map(listings.count) { index in
            let listing = listings[index], summary = listing.summary
            try CaseState.verify(code: summary.code, status: summary.status, assignee: summary.assignee, version: summary.version,
                                 state: listing.state, committed: listing.committedRevision, directory: signers, vaultID: vaultID,
                                 verified: verifiedStates)
        }
        return listings.map(\.summary)
    }

    /// Cases whose survivor name contains every word of `name`, in any script or spelling
    /// that folds the same way (see `NameFolding`), only those assigned to `assignee` when it is
    /// given; each one's signed state is verified. The search is recorded (with its number of
    /// matches) before anything is returned.
    public func findCases(name: String, assignedTo assignee: String? = nil) throws -> [CaseSummary] {
        let tokens = try sealer.nameTokens(name)
        let matches = tokens.isEmpty ? [] : try storage.listings(withAllTokens: tokens)
        try commit([.appendAudit(auditDraft(.caseFind, details: ["matches": String(matches.count)]))])
        return try verified(matches).filter { assignee == nil || $0.assignee == assignee }.sorted { $0.code < $1.code }
    }

    /// Erases a case by crypto-shredding: its wrapped data key, every sealed version, its name
    /// index and its statistics facts are deleted (and overwritten, `secure_delete`, then pushed
    /// out of the WAL); a tombstone keeps only the code and status. Needs no case key (deleting
    /// the wrapped key is the erasure), so a supervisor can erase. The audit entry keeps the code
    /// and, sealed under the audit key, `reason` (free text, which may be sensitive).
    public func eraseCase(_ code: CaseCode, reason: String) throws {
        let row = try liveRow(code)
        try commit([.eraseCase(code: code.rawValue, updatedDay: vault.options.today, replacing: row.state?.revision ?? 0),
                    .appendAudit(auditDraft(.caseErase, caseCode: code.rawValue, details: ["reason": reason]))])
    }

    /// Assigns a case to a user (nil: unassigned). The store does not check the user's role;
    /// the Access policy does.
    public func assignCase(_ code: CaseCode, to assignee: String?) throws {
        let row = try liveRow(code)
        if let assignee, try currentDirectory().entry(assignee) == nil { throw CaseStoreError.unknownUser(assignee) }
        try commit([try nextState(of: row, assignee: .some(assignee)),
                           .appendAudit(auditDraft(.caseAssign, caseCode: code.rawValue, details: ["to": assignee ?? "-"]))])
    }

    /// The summary of one case (no key needed), its signed state verified.
    public func summary(_ code: CaseCode) throws -> CaseSummary {
        let row = try liveRow(code)
        return CaseSummary(code: row.code, status: row.status, assignee: row.assignee, createdDay: row.createdDay,
                           updatedDay: row.updatedDay, version: row.version)
    }

    /// Writes a consistent copy of the vault (still encrypted) to a new file at `path`: page by
    /// page from a local file, row by row (as `vault copy` does) from a database server.
    public func backup(to path: String, progress: ((BackupProgress) -> Void)? = nil) throws {
        try commit([.appendAudit(auditDraft(.backup))])
        if let file = storage as? any LocalVaultFile {
            return try file.backup(to: path) { done, total in progress?(.copying(done: done, total: total)) }
        }
        let destination = try SQLiteVaultStorage(path: path, create: true)
        do {
            defer { try? destination.close() }
            try moveRows(into: destination) { done in progress?(.copying(done: done, total: done)) }
        } catch {
            Vault.removeVaultFiles(path)
            throw error
        }
    }

    /// Checks a backup file: storage integrity, that it is this vault, and (when this user holds
    /// the case-wrapping key) that every case key and document version in it authenticates.
    public func verifyBackup(at path: String, progress: ((BackupProgress) -> Void)? = nil) throws -> BackupReport {
        let copy = try Vault(storage: SQLiteVaultStorage(path: path, create: false), options: vault.options)
        var report = BackupReport(integrityOK: try (copy.storage as? any LocalVaultFile)?.checkIntegrity() == true,
                                  sameVault: ConstantTime.equal(copy.meta.vaultID, vault.meta.vaultID),
                                  casesVerified: 0, versionsVerified: 0)
        guard report.sameVault, keys.holds(.caseWrapping) else { return report }
        let sealer = CaseSealer(vaultID: copy.meta.vaultID, keyVersion: copy.meta.keyVersion, keys: keys)
        let summaries = try copy.storage.listings(codes: nil).map(\.summary)
        for summary in summaries {
            guard let row = try copy.storage.caseRow(code: summary.code), let code = CaseCode(row.code), let document = row.document else {
                throw CaseStoreError.tamperedRecord(.caseFile(summary.code))
            }
            let dataKey = try sealer.dataKey(for: row, code: code)
            _ = try sealer.openDocument(document, code: code, version: row.version, dataKey: dataKey)
            for earlier in try copy.storage.history(code: row.code) {
                _ = try sealer.openDocument(earlier.document, code: code, version: earlier.version, dataKey: dataKey)
                report.versionsVerified += 1
            }
            report.casesVerified += 1
            report.versionsVerified += 1
            progress?(.checking(done: report.casesVerified, total: summaries.count))
        }
        return report
    }
}
