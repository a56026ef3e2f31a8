import VaultCrypto

/// The outcome of checking the audit hash chain.
public struct AuditVerification: Sendable, Equatable {
    /// Entries read.
    public var entries: Int
    /// The first entry that is missing, altered or out of place, with why.
    public var firstBad: (seq: Int64, problem: AuditProblem)?
    /// What the checkpoint said, when one was given.
    public var checkpoint: CheckpointResult?
    /// What the paper checkpoint said, when one was given (`badSignature` never occurs: it has none).
    public var paperCheckpoint: CheckpointResult?
    /// The newest entry covered by a valid head signature of a certified user (0: none). Every
    /// entry up to it is as its signer wrote it.
    public var signedThrough: Int64 = 0
    /// Entries after `signedThrough`: failed logins (which need no key) waiting for the next
    /// signed head. Any other kind of entry there is reported as `unsignedEntry`.
    public var unsignedTail: Int = 0
    /// Cases whose current signed state is older than what the trail has committed to for them,
    /// or whose state signature does not verify.
    public var rolledBackCases: [String] = []

    /// True when every entry chains, every signed head verifies, nothing but failed logins is
    /// unsigned, no case is rolled back and the checkpoint (if any) matches.
    public var isIntact: Bool {
        firstBad == nil && rolledBackCases.isEmpty && (checkpoint == nil || checkpoint == .matches)
            && (paperCheckpoint == nil || paperCheckpoint == .matches)
    }

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.entries == rhs.entries && lhs.firstBad?.seq == rhs.firstBad?.seq && lhs.firstBad?.problem == rhs.firstBad?.problem
            && lhs.checkpoint == rhs.checkpoint && lhs.signedThrough == rhs.signedThrough && lhs.unsignedTail == rhs.unsignedTail
            && lhs.rolledBackCases == rhs.rolledBackCases && lhs.paperCheckpoint == rhs.paperCheckpoint
    }
}

/// Why an entry is bad.
public enum AuditProblem: String, Sendable, Equatable {
    /// The stored hash does not match the entry's bytes and its predecessor.
    case hashMismatch = "hash_mismatch"
    /// A sequence number is missing (a deleted entry) or out of order.
    case missingEntry = "missing_entry"
    /// A head signature does not verify, or its signer is not a certified user.
    case badSignature = "bad_signature"
    /// An entry that needs a user's keys is not covered by any signed head: it was written by
    /// someone who holds no key (or the signatures after it were removed).
    case unsignedEntry = "unsigned_entry"
}

/// What a checkpoint check found.
public enum CheckpointResult: String, Sendable, Equatable {
    case matches
    /// The checkpoint's signature does not verify with this vault's signing key, or it is another vault's.
    case badSignature = "bad_signature"
    /// The trail ends before the checkpoint's sequence number: newest entries were deleted.
    case truncated
    /// The entry at the checkpoint's sequence number has another hash.
    case diverged
}

extension Vault {
    /// Checks the whole chain from the genesis hash, needing no decryption key; with a
    /// checkpoint, also detects deleted newest entries. With `directory` (the one a logged-in user
    /// verified against her pinned key) it also checks every signed head and that nothing but
    /// failed logins stands after the newest one, and that no case was put back to an earlier
    /// state; without it, only the chain and the checkpoints are checked.
    public func verifyAuditTrail(checkpoint: AuditCheckpoint? = nil, paper: AuditPaperCheckpoint? = nil) throws -> AuditVerification {
        try verifyAuditTrail(checkpoint: checkpoint, paper: paper, directory: nil)
    }

    func verifyAuditTrail(checkpoint: AuditCheckpoint?, paper: AuditPaperCheckpoint?, directory: UserDirectory?) throws -> AuditVerification {
        var previous = try AuditChain.genesis(vaultID: meta.vaultID)
        var expected: Int64 = 1
        var result = AuditVerification(entries: 0, firstBad: nil, checkpoint: nil)
        var hashAtCheckpoint: [UInt8]?
        var hashAtPaper: [UInt8]?
        var firstNeedingKey: Int64?
        try storage.forEachAuditEntry { row, head in
            result.entries += 1
            guard result.firstBad == nil else { return }
            if row.seq != expected {
                result.firstBad = (min(row.seq, expected), .missingEntry)
                return
            }
            let hash = try AuditChain.expectedHash(of: row, previous: previous)
            guard ConstantTime.equal(hash, row.hash) else {
                result.firstBad = (row.seq, .hashMismatch)
                return
            }
            if let directory {
                if !AuditHead.keylessActions.contains(row.action), firstNeedingKey == nil { firstNeedingKey = row.seq }
                if let head {
                    guard AuditHead.isValid(head, hash: hash, directory: directory, vaultID: meta.vaultID) else {
                        result.firstBad = (row.seq, .badSignature)
                        return
                    }
                    result.signedThrough = row.seq
                    firstNeedingKey = nil
                }
            }
            if row.seq == checkpoint?.seq { hashAtCheckpoint = row.hash }
            if row.seq == paper?.seq { hashAtPaper = row.hash }
            previous = row.hash
            expected += 1
        }
        if directory != nil, result.firstBad == nil {
            result.unsignedTail = result.entries - Int(result.signedThrough)
            if let seq = firstNeedingKey { result.firstBad = (seq, .unsignedEntry) }
        }
        if let directory { result.rolledBackCases = try rolledBackCases(directory: directory) }
        if let checkpoint {
            if !checkpoint.isValid(vaultID: meta.vaultID, publicKey: meta.signingPublicKey) {
                result.checkpoint = .badSignature
            } else if let hash = hashAtCheckpoint {
                result.checkpoint = ConstantTime.equal(hash, checkpoint.head) ? .matches : .diverged
            } else if result.firstBad == nil {
                result.checkpoint = .truncated
            } else {
                result.checkpoint = .diverged
            }
        }
        if let paper {
            if let hash = hashAtPaper {
                result.paperCheckpoint = paper.matches(hash) ? .matches : .diverged
            } else {
                result.paperCheckpoint = result.firstBad == nil ? .truncated : .diverged
            }
        }
        return result
    }

    /// Live cases whose signed state does not verify, or is older than the trail's count of their
    /// state changes (the sealed document is checked when the case is opened). One signature per
    /// case, checked side by side (`ParallelWork`).
    private func rolledBackCases(directory: UserDirectory) throws -> [String] {
        let listings = try storage.listings(codes: nil), vaultID = meta.vaultID
        return try ParallelWork.map(listings.count) { index -> String? in
            let listing = listings[index], summary = listing.summary
            do {
                try CaseState.verify(code: summary.code, status: summary.status, assignee: summary.assignee, version: summary.version,
                                     state: listing.state, committed: listing.committedRevision, directory: directory, vaultID: vaultID)
                return nil
            } catch {
                return summary.code
            }
        }.compactMap { $0 }.sorted()
    }
}
