import Foundation

/// A vault store held in memory: the smallest backend that keeps the storage contract, so the
/// contract suite proves the seam on a second implementation with no SQL at all, and a vault
/// can be exercised without any file. Nothing is durable. A batch is applied to a copy of the
/// tables, which replaces them only when every mutation succeeded.
public final class InMemoryVaultStorage: VaultStorage, @unchecked Sendable {
    private let lock = NSLock()
    private var tables = Tables()

    public init() {}

    private struct Tables {
        var meta: VaultMetaRow?
        var slots: [String: KeySlotRow] = [:]
        var grants: [String: KeyGrantRow] = [:]
        var directory: DirectoryRow?
        var retiredAuditKeys: [RetiredAuditKeyRow] = []
        var drafts: [String: (updatedDay: String, sealed: [UInt8])] = [:]
        var genders: [String: GrammaticalGender] = [:]
        var loginFailures: [String: LoginFailureRow] = [:]
        /// Cases by id; ids grow in insertion order.
        var cases: [Int64: StoredCase] = [:]
        var caseIDs: [String: Int64] = [:]
        var nextCaseID: Int64 = 1
        var statisticsPolicy: StatisticsPolicyRow?
        var settings: [String: SignedSettingRow] = [:]
        var exportRequests: [(row: ExportRequestRow, used: Bool)] = []
        var audit: [AuditEntryRow] = []
        var heads: [Int64: AuditHeadRow] = [:]
    }

    private func read<T>(_ body: (Tables) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(tables)
    }

    public func meta() throws -> VaultMetaRow? { try read { $0.meta } }
    public func keySlot(user: String) throws -> KeySlotRow? { try read { $0.slots[user] } }
    public func keySlots() throws -> [KeySlotRow] { try read { $0.slots.values.sorted { $0.user < $1.user } } }
    public func directory() throws -> DirectoryRow? { try read { $0.directory } }
    public func keyGrant(user: String) throws -> KeyGrantRow? { try read { $0.grants[user] } }
    public func retiredAuditKeys() throws -> [RetiredAuditKeyRow] { try read { $0.retiredAuditKeys.sorted { $0.version > $1.version } } }
    public func intakeDraft(user: String) throws -> [UInt8]? { try read { $0.drafts[user]?.sealed } }
    public func grammaticalGenders() throws -> [String: GrammaticalGender] { try read { $0.genders } }
    public func loginFailures(user: String) throws -> LoginFailureRow? { try read { $0.loginFailures[user] } }
    public func statisticsPolicy() throws -> StatisticsPolicyRow? { try read { $0.statisticsPolicy } }
    public func signedSetting(_ name: String) throws -> SignedSettingRow? { try read { $0.settings[name] } }
    public func exportRequests() throws -> [ExportRequestRow] { try read { $0.exportRequests.map(\.row) } }

    public func caseRow(code: String) throws -> CaseRow? {
        try read { tables in tables.caseIDs[code].flatMap { tables.cases[$0] }.map { Self.withRevision($0.row, tables) } }
    }

    public func history(code: String) throws -> [HistoryRow] {
        try read { tables in tables.caseIDs[code].flatMap { tables.cases[$0]?.history } ?? [] }
    }

    public func listings(codes: Set<String>?) throws -> [CaseListing] {
        try read { tables in
            let chosen = tables.cases.filter { $0.value.row.status != .erased && (codes?.contains($0.value.row.code) ?? true) }
            let lastChange = Dictionary(tables.audit.filter(Self.changesACase).map { ($0.caseCode ?? "", $0.seq) }, uniquingKeysWith: max)
            return chosen.sorted { lhs, rhs in
                let left = (lhs.value.row.updatedDay, lastChange[lhs.value.row.code] ?? 0, lhs.key)
                let right = (rhs.value.row.updatedDay, lastChange[rhs.value.row.code] ?? 0, rhs.key)
                return left > right
            }.map { _, stored in
                let row = Self.withRevision(stored.row, tables)
                return CaseListing(summary: CaseSummary(code: row.code, status: row.status, assignee: row.assignee, createdDay: row.createdDay,
                                                        updatedDay: row.updatedDay, version: row.version),
                                   state: row.state, committedRevision: row.committedRevision)
            }
        }
    }

    public func listings(withAllTokens tokens: [[UInt8]]) throws -> [CaseListing] {
        guard !tokens.isEmpty else { return [] }
        let codes = try read { tables in
            tables.cases.values.filter { stored in
                stored.row.status != .erased && tokens.allSatisfy { stored.nameTokens.contains($0) }
            }.map(\.row.code)
        }
        return try listings(codes: Set(codes)).sorted { $0.summary.code < $1.summary.code }
    }

    public func forEachLiveCase(_ body: (CaseRow) throws -> Void) throws {
        let rows = try read { tables in
            tables.cases.sorted { $0.key < $1.key }.filter { $0.value.row.status != .erased }.map { Self.withRevision($0.value.row, tables) }
        }
        for row in rows { try body(row) }
    }

    public func forEachFactsRow(_ body: (FactsRow) throws -> Void) throws {
        let rows = try read { tables in
            tables.cases.sorted { $0.key < $1.key }.filter { $0.value.row.status != .erased }.map {
                FactsRow(code: $0.value.row.code, version: $0.value.row.version, factsVersion: $0.value.facts?.version, sealed: $0.value.facts?.sealed)
            }
        }
        for row in rows { try body(row) }
    }

    public func casesWithoutFactsCount() throws -> Int {
        try read { $0.cases.values.filter { $0.row.status != .erased && $0.facts == nil }.count }
    }

    public func auditHead() throws -> (seq: Int64, hash: [UInt8])? {
        try read { $0.audit.last.map { (seq: $0.seq, hash: $0.hash) } }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntryRow] {
        try read { tables in
            tables.audit.filter { entry in
                (filter.actor.map { entry.actor == $0 } ?? true) && (filter.action.map { entry.action == $0 } ?? true)
                    && (filter.caseCode.map { entry.caseCode == $0 } ?? true) && (filter.since.map { entry.at >= $0 } ?? true)
                    && (filter.until.map { entry.at < $0 } ?? true)
            }
        }
    }

    public func forEachAuditEntry(after seq: Int64, _ body: (AuditEntryRow, AuditHeadRow?) throws -> Void) throws {
        let (entries, heads) = try read { ($0.audit, $0.heads) }
        for entry in entries where entry.seq > seq { try body(entry, heads[entry.seq]) }
    }

    public func auditEntryHash(seq: Int64) throws -> [UInt8]? {
        try read { $0.audit.first { $0.seq == seq }?.hash }
    }

    public func newestAuditHead() throws -> AuditHeadRow? {
        try read { $0.heads.max { $0.key < $1.key }?.value }
    }

    public func counts() throws -> StorageCounts {
        try read { tables in
            let statuses = tables.cases.values.map(\.row.status)
            return StorageCounts(users: tables.slots.count, openCases: statuses.filter { $0 == .open }.count,
                                 closedCases: statuses.filter { $0 == .closed }.count, erasedCases: statuses.filter { $0 == .erased }.count,
                                 auditEntries: tables.audit.count)
        }
    }

    public func close() throws {}

    public func apply(_ batch: StorageBatch) throws {
        lock.lock()
        defer { lock.unlock() }
        var next = tables
        if let keyVersion = batch.keyVersion, next.meta?.keyVersion != keyVersion { throw CaseStoreError.keysRotated }
        if let audit = batch.audit {
            let head = next.audit.last
            guard head?.seq == audit.after?.seq, head?.hash == audit.after?.hash else { throw CaseStoreError.auditHeadMoved }
        }
        for mutation in batch.mutations { try Self.apply(mutation, to: &next) }
        if let audit = batch.audit { try Self.append(audit, to: &next) }
        tables = next
    }

    public func forEachStoredRow(_ body: (StoredRow) throws -> Void) throws {
        let snapshot = try read { $0 }
        var rows: [StoredRow] = snapshot.meta.map { [.meta($0)] } ?? []
        rows += snapshot.slots.values.sorted { $0.user < $1.user }.map { .keySlot($0) }
        rows += snapshot.grants.values.sorted { $0.user < $1.user }.map { .keyGrant($0) }
        rows += snapshot.directory.map { [.directory($0)] } ?? []
        rows += snapshot.retiredAuditKeys.sorted { $0.version < $1.version }.map { .retiredAuditKey($0) }
        rows += snapshot.drafts.sorted { $0.key < $1.key }.map { .intakeDraft(user: $0.key, updatedDay: $0.value.updatedDay, sealed: $0.value.sealed) }
        rows += snapshot.genders.sorted { $0.key < $1.key }.map { .grammaticalGender(user: $0.key, $0.value) }
        rows += snapshot.loginFailures.sorted { $0.key < $1.key }.map { .loginFailure(user: $0.key, $0.value) }
        rows += snapshot.cases.sorted { $0.key < $1.key }.map { .storedCase($0.value) }
        rows += snapshot.statisticsPolicy.map { [.statisticsPolicy($0)] } ?? []
        rows += snapshot.settings.sorted { $0.key < $1.key }.map { .signedSetting(name: $0.key, $0.value) }
        rows += snapshot.exportRequests.map { .exportRequest($0.row, used: $0.used) }
        rows += snapshot.audit.map { .auditEntry($0) }
        rows += snapshot.heads.sorted { $0.key < $1.key }.map { .auditHead($0.value) }
        for row in rows { try body(row) }
    }

    /// Nothing outlives the process, so a killed copy leaves nothing to undo.
    public func holdingOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try body()
    }

    public func load(_ rows: [StoredRow]) throws {
        lock.lock()
        defer { lock.unlock() }
        var next = tables
        for row in rows { try Self.load(row, into: &next) }
        tables = next
    }

    private static func load(_ row: StoredRow, into tables: inout Tables) throws {
        switch row {
        case .meta(let meta): try apply(.insertMeta(meta), to: &tables)
        case .keySlot(let slot): try apply(.insertKeySlot(slot), to: &tables)
        case .keyGrant(let grant): try apply(.putKeyGrant(grant), to: &tables)
        case .directory(let directory): tables.directory = directory
        case .retiredAuditKey(let key): try apply(.retireAuditKey(key), to: &tables)
        case .intakeDraft(let user, let updatedDay, let sealed): tables.drafts[user] = (updatedDay, sealed)
        case .grammaticalGender(let user, let gender): tables.genders[user] = gender
        case .loginFailure(let user, let failures): tables.loginFailures[user] = failures
        case .storedCase(let stored):
            guard tables.caseIDs[stored.row.code] == nil else { throw CaseStoreError.storageFailure(.engine) }
            tables.cases[tables.nextCaseID] = stored
            tables.caseIDs[stored.row.code] = tables.nextCaseID
            tables.nextCaseID += 1
        case .statisticsPolicy(let policy): tables.statisticsPolicy = policy
        case .signedSetting(let name, let setting): tables.settings[name] = setting
        case .exportRequest(let request, let used): tables.exportRequests.append((request, used))
        case .auditEntry(let entry): try append(AuditAppend(after: nil, entries: [entry], signedHead: nil), to: &tables)
        case .auditHead(let head): try append(AuditAppend(after: nil, entries: [], signedHead: head), to: &tables)
        }
    }

    private static func append(_ audit: AuditAppend, to tables: inout Tables) throws {
        for entry in audit.entries {
            guard entry.seq == (tables.audit.last?.seq ?? 0) + 1 else { throw CaseStoreError.auditHeadMoved }
            tables.audit.append(entry)
        }
        if let head = audit.signedHead {
            guard tables.heads[head.seq] == nil else { throw CaseStoreError.storageFailure(.engine) }
            tables.heads[head.seq] = head
        }
    }

    private static func changesACase(_ entry: AuditEntryRow) -> Bool {
        entry.outcome == AuditOutcome.ok.rawValue && CaseState.changingActions.contains { $0.rawValue == entry.action }
    }

    private static func withRevision(_ row: CaseRow, _ tables: Tables) -> CaseRow {
        var row = row
        row.committedRevision = tables.audit.filter { $0.caseCode == row.code && changesACase($0) }.count
        return row
    }

    private static func apply(_ mutation: StorageMutation, to tables: inout Tables) throws {
        switch mutation {
        case .insertMeta(let meta):
            guard tables.meta == nil else { throw CaseStoreError.storageFailure(.engine) }
            tables.meta = meta
        case .setKeyVersion(let version):
            tables.meta?.keyVersion = version
        case .insertKeySlot(let slot):
            guard tables.slots[slot.user] == nil else { throw CaseStoreError.storageFailure(.engine) }
            tables.slots[slot.user] = slot
        case .replaceKeySlot(let slot):
            guard tables.slots[slot.user] != nil else { throw CaseStoreError.unknownUser(slot.user) }
            tables.slots[slot.user] = slot
        case .setUserDisabled(let user, let disabled):
            guard tables.slots[user] != nil else { throw CaseStoreError.unknownUser(user) }
            tables.slots[user]?.disabled = disabled
        case .putKeyGrant(let grant):
            tables.grants[grant.user] = grant
        case .deleteKeyGrant(let user):
            tables.grants[user] = nil
        case .recordLoginFailure(let user, let at):
            tables.loginFailures[user] = LoginFailureRow(failures: (tables.loginFailures[user]?.failures ?? 0) + 1, lastFailureAt: at)
        case .clearLoginFailures(let user):
            tables.loginFailures[user] = nil
        case .insertCase(let row, let tokens):
            guard tables.caseIDs[row.code] == nil else { throw CaseCodeTaken() }
            tables.cases[tables.nextCaseID] = StoredCase(row: row, history: [], nameTokens: tokens, facts: nil)
            tables.caseIDs[row.code] = tables.nextCaseID
            tables.nextCaseID += 1
        case .replaceDocument(let code, let version, let document, let updatedDay, let tokens):
            let id = try liveCaseID(code, tables)
            guard var stored = tables.cases[id], stored.row.version == version - 1, let current = stored.row.document else {
                throw CaseStoreError.caseChanged(code)
            }
            stored.history.append(HistoryRow(version: stored.row.version, document: current))
            stored.row.version = version
            stored.row.document = document
            stored.row.updatedDay = updatedDay
            stored.nameTokens = tokenSet(tokens)
            tables.cases[id] = stored
        case .rewrapCase(let code, let keyVersion, let wrappedKey, let tokens, let version):
            let id = try liveCaseID(code, tables)
            guard tables.cases[id]?.row.version == version else { throw CaseStoreError.caseChanged(code) }
            tables.cases[id]?.row.keyVersion = keyVersion
            tables.cases[id]?.row.wrappedKey = wrappedKey
            tables.cases[id]?.nameTokens = tokenSet(tokens)
        case .requireAllCases(let keyVersion):
            guard tables.cases.values.allSatisfy({ $0.row.status == .erased || $0.row.keyVersion == keyVersion }) else {
                throw CaseStoreError.vaultLocked
            }
        case .setCaseState(let code, let status, let assignee, let state, let updatedDay, let replacing):
            guard status != .erased else { throw CaseStoreError.caseErased(code) }
            let id = try liveCaseID(code, tables)
            guard (tables.cases[id]?.row.state?.revision ?? 0) == replacing else { throw CaseStoreError.caseChanged(code) }
            tables.cases[id]?.row.status = status
            tables.cases[id]?.row.assignee = assignee
            tables.cases[id]?.row.updatedDay = updatedDay
            tables.cases[id]?.row.state = state
        case .eraseCase(let code, let updatedDay, let replacing):
            let id = try liveCaseID(code, tables)
            guard var stored = tables.cases[id] else { throw CaseStoreError.caseNotFound(code) }
            guard (stored.row.state?.revision ?? 0) == replacing else { throw CaseStoreError.caseChanged(code) }
            stored.row.status = .erased
            stored.row.wrappedKey = nil
            stored.row.document = nil
            stored.row.updatedDay = updatedDay
            stored.row.state = nil
            tables.cases[id] = StoredCase(row: stored.row, history: [], nameTokens: [], facts: nil)
        case .putIntakeDraft(let user, let sealed, let updatedDay):
            tables.drafts[user] = (updatedDay, sealed)
        case .deleteIntakeDraft(let user):
            tables.drafts[user] = nil
        case .setGrammaticalGender(let user, let gender):
            tables.genders[user] = gender
        case .putFacts(let code, let caseVersion, let sealed):
            tables.cases[try liveCaseID(code, tables)]?.facts = (caseVersion, sealed)
        case .putStatisticsPolicy(let row):
            try StorageMutation.requireNext(row.revision, after: tables.statisticsPolicy?.revision)
            tables.statisticsPolicy = row
        case .putSignedSetting(let name, let row):
            try StorageMutation.requireNext(row.revision, after: tables.settings[name]?.revision)
            tables.settings[name] = row
        case .insertExportRequest(let row):
            guard !tables.exportRequests.contains(where: { $0.row.id == row.id }) else { throw CaseStoreError.storageFailure(.engine) }
            tables.exportRequests.append((row, false))
        case .decideExportRequest(let id, let decider, let decision, let signature):
            guard let index = tables.exportRequests.firstIndex(where: { $0.row.id == id && $0.row.decision == nil }) else {
                throw CaseStoreError.exportRequestNotPending(id)
            }
            tables.exportRequests[index].row.decider = decider
            tables.exportRequests[index].row.decision = decision
            tables.exportRequests[index].row.decisionSignature = signature
        case .markExportRequestUsed(let id):
            guard let index = tables.exportRequests.firstIndex(where: { $0.row.id == id && !$0.used && $0.row.decision != nil }) else {
                throw CaseStoreError.exportRequestUsed(id)
            }
            tables.exportRequests[index].used = true
        case .retireAuditKey(let retired):
            guard !tables.retiredAuditKeys.contains(where: { $0.version == retired.version }) else { throw CaseStoreError.storageFailure(.engine) }
            tables.retiredAuditKeys.append(retired)
        case .putDirectory(let row):
            try StorageMutation.requireNext(row.revision, after: tables.directory?.revision)
            tables.directory = row
        case .replaceHistoryVersion(let code, let version, let document):
            let id = try liveCaseID(code, tables)
            guard let index = tables.cases[id]?.history.firstIndex(where: { $0.version == version }) else {
                throw CaseStoreError.tamperedRecord(.caseFile(code))
            }
            tables.cases[id]?.history[index].document = document
        case .appendAudit, .signAuditHead:
            // Resolved by CaseStore into `StorageBatch.audit`; never among a batch's mutations.
            throw CaseStoreError.storageFailure(.engine)
        }
    }

    /// Tokens as a set, in the order `StoredCase` keeps them (the name index holds each once).
    private static func tokenSet(_ tokens: [[UInt8]]) -> [[UInt8]] {
        Array(Set(tokens)).sorted { $0.lexicographicallyPrecedes($1) }
    }

    private static func liveCaseID(_ code: String, _ tables: Tables) throws -> Int64 {
        guard let id = tables.caseIDs[code], tables.cases[id]?.row.status != .erased else { throw CaseStoreError.caseNotFound(code) }
        return id
    }
}
