import VaultCrypto

/// How far `vault copy` has got, for a progress bar.
public enum VaultCopyProgress: Sendable, Equatable {
    /// `done` of about `total` rows copied.
    case copying(done: Int, total: Int)
    /// `done` of `total` rows of the copy read back and compared.
    case comparing(done: Int, total: Int)
    /// `done` of `total` cases of the copy opened and checked.
    case checking(done: Int, total: Int)
}

/// What a finished copy proved about itself.
public struct VaultCopyReport: Sendable, Equatable {
    /// Rows copied (every table, a case with its versions, index and facts counted once).
    public var rows: Int
    public var cases: Int
    public var auditEntries: Int
    /// Cases whose key, every document version and signed state were opened and verified.
    public var casesVerified: Int
}

extension UnlockedVault {
    /// Rows per `load` transaction of a copy.
    static let copyChunk = 500

    /// Copies the whole vault, ciphertext as it is, into `destination` (an empty store: a new
    /// file, an empty database), and proves the copy: every row read back from the destination
    /// is byte for byte the row read from the source (one digest over both sides, in the same
    /// order), the counts match, the copy's audit trail chains up to its newest signed head, and
    /// (with this user's case-wrapping key) every case key, document version and signed state
    /// in the copy opens and verifies. The copy is recorded in the trail first, so the copy
    /// carries its own record. The destination holds the copy whole or not at all
    /// (`holdingOneTransaction`); nothing is deleted from either side.
    public func copyVault(to destination: any VaultStorage, destinationKind: String,
                          progress: ((VaultCopyProgress) -> Void)? = nil) throws -> VaultCopyReport {
        try requireIntactAuditTrail()
        try commit([.appendAudit(auditDraft(.vaultCopy, details: ["to": destinationKind]))])
        let estimate = try storage.counts()
        let total = estimate.users + estimate.openCases + estimate.closedCases + estimate.erasedCases + estimate.auditEntries * 2
        var source = StoredRowDigest()
        var counts = StorageCounts(users: 0, openCases: 0, closedCases: 0, erasedCases: 0, auditEntries: 0)
        let checked = try destination.holdingOneTransaction {
            try moveRows(into: destination, seeing: { row in
                try source.add(row)
                counts.count(row)
            }, progress: { done in progress?(.copying(done: done, total: max(total, done))) })
            var copied = StoredRowDigest()
            try destination.forEachStoredRow { row in
                try copied.add(row)
                if copied.count % Self.copyChunk == 0 { progress?(.comparing(done: copied.count, total: source.count)) }
            }
            guard copied == source, try destination.counts() == counts else { throw CaseStoreError.copyIncomplete }
            let copy = try UnlockedVault(vault: Vault(storage: destination, options: vault.options), user: user, role: role, keys: keys,
                                         trust: trust, directory: directory)
            try copy.requireIntactAuditTrail()
            return try copy.verifyCases { done, all in progress?(.checking(done: done, total: all)) }
        }
        return VaultCopyReport(rows: source.count, cases: counts.openCases + counts.closedCases + counts.erasedCases,
                               auditEntries: counts.auditEntries, casesVerified: checked)
    }

    /// Streams every stored row of this vault (one snapshot) into `destination`, `copyChunk`
    /// rows per `load`, showing each row to `seeing` first; `progress` gets the rows loaded so
    /// far. What `copyVault` and the backup of a server vault share.
    func moveRows(into destination: any VaultStorage, seeing: (StoredRow) throws -> Void = { _ in },
                  progress: ((Int) -> Void)?) throws {
        var chunk: [StoredRow] = []
        chunk.reserveCapacity(Self.copyChunk)
        var moved = 0
        try storage.forEachStoredRow { row in
            try seeing(row)
            chunk.append(row)
            guard chunk.count == Self.copyChunk else { return }
            try destination.load(chunk)
            moved += chunk.count
            chunk.removeAll(keepingCapacity: true)
            progress?(moved)
        }
        if !chunk.isEmpty { try destination.load(chunk) }
        progress?(moved + chunk.count)
    }

    /// Opens every live case's key and document versions (with the case-wrapping key, when this
    /// user holds it) and verifies its signed state; returns how many cases were opened.
    func verifyCases(progress: ((Int, Int) -> Void)?) throws -> Int {
        let listings = try storage.listings(codes: nil)
        var opened = 0
        let sealer = keys.holds(.caseWrapping) ? sealer : nil
        for (index, listing) in listings.enumerated() {
            guard let row = try storage.caseRow(code: listing.summary.code) else {
                throw CaseStoreError.tamperedRecord(.caseFile(listing.summary.code))
            }
            try verifyState(row)
            if let sealer {
                guard let code = CaseCode(row.code), let document = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(row.code)) }
                let dataKey = try sealer.dataKey(for: row, code: code)
                _ = try sealer.openDocument(document, code: code, version: row.version, dataKey: dataKey)
                for earlier in try storage.history(code: row.code) {
                    _ = try sealer.openDocument(earlier.document, code: code, version: earlier.version, dataKey: dataKey)
                }
                opened += 1
            }
            progress?(index + 1, listings.count)
        }
        return opened
    }
}

extension StorageCounts {
    /// Counts `row` as `counts()` would: the copy compares the counts of the rows it read (one
    /// snapshot) with the destination's.
    mutating func count(_ row: StoredRow) {
        switch row {
        case .keySlot: users += 1
        case .auditEntry: auditEntries += 1
        case .storedCase(let stored):
            switch stored.row.status {
            case .open: openCases += 1
            case .closed: closedCases += 1
            case .erased: erasedCases += 1
            }
        default: break
        }
    }
}
