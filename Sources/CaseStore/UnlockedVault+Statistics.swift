/// Statistics facts: read for a statistics reader, and computed once for a vault made before
/// statistics existed. Every later change writes a case's facts in the same transaction as the
/// change and its audit entry (`createCases`, `updateCase`, `amendCase`; `eraseCase` deletes them).
extension UnlockedVault {
    /// Cases per transaction when facts are computed for an existing vault.
    static let factsBatch = 500

    /// Calls `body` with the facts of every live case whose survivor consented to statistics, in
    /// case order, in one pass whose rows are read on a second thread (`ScanFeed`) while this one
    /// opens and counts them (a caller discards what it gathered when this throws). Nothing is
    /// read from a case but its sealed facts. Throws
    /// `statisticsNotPrepared` while cases have no facts yet, and a tamper error naming the case
    /// whose facts were altered, put back from another version or copied from another case.
    /// `body` must not use the vault: the reading thread holds its read until the scan ends.
    public func forEachFacts(_ body: (CaseFacts) throws -> Void) throws {
        try forEachCaseFacts { _, facts in try body(facts) }
    }

    /// `forEachFacts` with each case's code beside its facts (the Incident Recorder export
    /// pairs them with the case's assignee).
    public func forEachCaseFacts(_ body: (String, CaseFacts) throws -> Void) throws {
        let reader = try factsSealer.reader()
        let source = ThreadSafeStorage(storage: storage)
        let feed = ScanFeed<FactsRow> { row in try source.storage.forEachFactsRow(row) }
        defer { feed.stop() }
        var missing = 0
        while let batch = try feed.next() {
            for row in batch {
                guard row.sealed != nil else {
                    missing += 1
                    continue
                }
                if missing == 0, let facts = try reader.open(row) { try body(row.code, facts) }
            }
        }
        guard missing == 0 else { throw CaseStoreError.statisticsNotPrepared(missing) }
    }

    /// Codes of live cases that have no facts row yet.
    func casesWithoutFacts() throws -> [String] {
        var codes: [String] = []
        try storage.forEachFactsRow { row in if row.sealed == nil { codes.append(row.code) } }
        return codes
    }

    /// How many cases still need their facts computed (after an upgrade).
    public func factsToCompute() throws -> Int { try storage.casesWithoutFactsCount() }

    /// Computes the facts of every case that has none, from its verified document, in batches
    /// of `factsBatch` cases each committed with an audit entry; `progress` gets (done, total).
    /// Needs the case-wrapping and statistics keys (a caseworker or an administrator); nothing
    /// of a document is shown or kept but its facts. Returns how many cases were done.
    @discardableResult
    public func computeMissingFacts(progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        let codes = try casesWithoutFacts()
        guard !codes.isEmpty else { return 0 }
        let sealer = sealer
        let facts = try factsSealer
        var done = 0
        for start in stride(from: 0, to: codes.count, by: Self.factsBatch) {
            let batch = codes[start..<min(start + Self.factsBatch, codes.count)]
            var mutations: [StorageMutation] = []
            for text in batch {
                guard let code = CaseCode(text) else { throw CaseStoreError.tamperedRecord(.caseFile(text)) }
                let row = try liveRow(code)
                let dataKey = try sealer.dataKey(for: row, code: code)
                guard let sealed = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(text)) }
                let document = try sealer.openDocument(sealed, code: code, version: row.version, dataKey: dataKey)
                mutations.append(try facts.mutation(for: document, code: text, version: row.version, createdDay: row.createdDay))
            }
            mutations.append(.appendAudit(try auditDraft(.statisticsPrepare, details: ["cases": String(batch.count)])))
            try commit(mutations)
            done += batch.count
            progress?(done, codes.count)
        }
        return done
    }
}

extension UnlockedVault {
    /// The ε this user's statistics releases spent this calendar month (UTC), in units of
    /// ε/10000: the sum over her own recorded releases. The ledger is the audit trail itself,
    /// so it cannot be reset by editing the file without the hash chain showing it.
    public func privacySpentThisMonth() throws -> Int {
        let monthStart = String(vault.options.today.prefix(8)) + "01"
        let filter = AuditFilter(actor: user, action: AuditAction.statistics.rawValue, since: monthStart)
        let keys = AuditKeyChain.keys(current: try keys.key(.audit), retired: try storage.retiredAuditKeys(), vaultID: vaultID)
        var spent = 0
        for row in try storage.auditEntries(filter) where row.outcome == AuditOutcome.ok.rawValue && row.payload != nil {
            let details = AuditPayload.open(row, keys: keys)
            guard !details.isEmpty else { throw CaseStoreError.untrustedSignature(.auditTrail) }
            spent += Int(details["epsilon_units"] ?? "0") ?? 0
        }
        return spent
    }
}

/// The storage handed to a scan's reading thread: SQLite's storage serializes every access
/// through its own queue, so a read from another thread is safe.
private struct ThreadSafeStorage: @unchecked Sendable {
    let storage: any VaultStorage
}
