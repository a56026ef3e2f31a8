@_spi(Benchmarks) import CaseStore
import Foundation
import GRDB
import Transliteration
import VaultCrypto

/// The baseline: the same work on plaintext. It mirrors `SQLiteVaultStorage` and `UnlockedVault`
/// step by step — same GRDB configuration and pragmas (WAL, synchronous=FULL, secure_delete=ON,
/// temp_store=MEMORY, foreign keys), the same migration files applied through `DatabaseMigrator`,
/// the same cached statements and reads without GRDB's `query_only` switch, codes checked only by
/// the UNIQUE constraint, one `.immediate` transaction per batch, the same validation, JSON
/// encoding and name folding (side by side on every processor), and (unless `audit` is off) the
/// same audit entries in the same transactions, hash-chained the same way, and each case's
/// statistics facts row in the same transaction — but `document` holds the plain canonical JSON,
/// `wrapped_key` 32 filler bytes, `name_index` the folded words themselves instead of their HMACs,
/// `case_facts.sealed` the facts' plain bytes (`CaseFacts.plainBytes`, the vault's own layout and padding), and
/// audit details are stored as plain JSON.
/// Keep it in step with CaseStore when that changes.
final class PlaintextSubject: BenchSubject {
    /// Where the time of `createBatch` went, summed over all batches (for the profile notes):
    /// validation, case codes (CSPRNG), rows (JSON, folding, facts; side by side), SQL transaction.
    struct Breakdown {
        var validateSeconds = 0.0
        var codesSeconds = 0.0
        var rowsSeconds = 0.0
        var commitSeconds = 0.0
        var batches = 0
    }

    fileprivate struct PlainRow: Sendable {
        var code: String
        var status: String
        var assignee: String?
        var createdDay: String
        var updatedDay: String
        var keyVersion: Int
        var wrappedKey: [UInt8]?
        var version: Int
        var document: [UInt8]?
    }

    private struct Summary {
        var code: String
        var status: String
        var assignee: String?
        var createdDay: String
        var updatedDay: String
        var version: Int
    }

    fileprivate struct AuditDraft: Sendable {
        var at: String
        var actor: String
        var action: String
        var caseCode: String?
        var payload: [UInt8]?
    }

    fileprivate enum Mutation: Sendable {
        case insertCase(PlainRow, tokens: [[UInt8]])
        case putFacts(code: String, caseVersion: Int, bytes: [UInt8])
        case appendAudit(AuditDraft)
    }

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    private static let caseColumns = "code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, document"
    private static let auditColumns = "seq, at, actor, action, case_code, outcome, payload, hash"

    let label = "baseline"
    let path: String
    /// Whether the baseline writes the audit entries the vault writes.
    let audit: Bool
    private let actor: String
    private let migrations: [(name: String, sql: String)]
    private let queue: DatabaseQueue
    private var codes: [String] = []
    private var filler: SplitMix64
    private(set) var breakdown = Breakdown()

    init(directory: String, migrationFiles: [(name: String, sql: String)], seed: UInt64, audit: Bool, actor: String) throws {
        path = directory + "/baseline.sqlite"
        migrations = migrationFiles
        filler = SplitMix64(seed: seed)
        self.audit = audit
        self.actor = actor
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("cannot create \(path)")
        }
        queue = try Self.open(path: path, migrations: migrations, isNew: true)
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: "INSERT INTO vault_meta (singleton, vault_id, format_version, key_version, created_day) VALUES (1, ?, ?, ?, ?)",
                               arguments: [Data(try SecureRandom.bytes(count: 16)), 1, 1, ISODay.format(Date())])
                return .commit
            }
        }
    }

    /// Same configuration and migration steps as `SQLiteVaultStorage.init` + `SchemaMigrations`.
    static func open(path: String, migrations: [(name: String, sql: String)], isNew: Bool) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw BenchError("no file at \(path)") }
        var configuration = Configuration()
        configuration.busyMode = .timeout(2)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        for file in migrations {
            let sql = file.sql
            migrator.registerMigration(file.name) { db in try db.execute(sql: sql) }
        }
        let identifiers = Set(migrations.map(\.name))
        try queue.read { db in
            if !isNew, try !db.tableExists("grdb_migrations") { throw BenchError("not a baseline file") }
            if !(try migrator.appliedIdentifiers(db).subtracting(identifiers)).isEmpty { throw BenchError("unknown migrations") }
        }
        try migrator.migrate(queue)
        return queue
    }

    var caseCount: Int { codes.count }

    func createBatch(_ documents: [CaseDocument]) throws {
        codes += try create(documents, timed: true)
    }

    func createOne(_ document: CaseDocument) throws {
        codes += try create([document], timed: false)
    }

    /// Mirrors `UnlockedVault.createCases` + `NewCaseSealing` + `SQLiteVaultStorage.apply`:
    /// validate all, draw the codes (checked by the UNIQUE constraint on insert, no read), build
    /// the rows side by side on every processor, then one transaction.
    private func create(_ documents: [CaseDocument], timed: Bool) throws -> [String] {
        let clock = ContinuousClock()
        let start = clock.now
        let today = Date()
        for (index, document) in documents.enumerated() {
            try CaseDocumentCodec.validate(document, today: today, position: documents.count > 1 ? index + 1 : nil)
        }
        let validated = clock.now
        let day = ISODay.format(today)
        let codes = try freshCodes(documents.count)
        let drawn = clock.now
        let caseDraft = audit ? try auditDraft("case_create") : nil
        let fillers = documents.map { _ in (0..<4).flatMap { _ in withUnsafeBytes(of: filler.next()) { Array($0) } } }
        let mutations = try ParallelWork.map(documents.count) { index -> [Mutation] in
            let document = documents[index], code = codes[index]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let row = PlainRow(code: code, status: "open", assignee: nil, createdDay: day, updatedDay: day, keyVersion: 1,
                               wrappedKey: fillers[index], version: 1, document: Array(try encoder.encode(document)))
            var mutations: [Mutation] = [
                .insertCase(row, tokens: NameFolding.words(document.survivor.name).map { Array($0.utf8) }),
                .putFacts(code: code, caseVersion: 1, bytes: CaseFacts.plainBytes(CaseFacts(document: document, createdDay: day))),
            ]
            if var draft = caseDraft {
                draft.caseCode = code
                mutations.append(.appendAudit(draft))
            }
            return mutations
        }.flatMap { $0 }
        let prepared = clock.now
        try apply(mutations)
        let end = clock.now
        if timed {
            breakdown.validateSeconds += Measure.seconds(validated - start)
            breakdown.codesSeconds += Measure.seconds(drawn - validated)
            breakdown.rowsSeconds += Measure.seconds(prepared - drawn)
            breakdown.commitSeconds += Measure.seconds(end - prepared)
            breakdown.batches += 1
        }
        return codes
    }

    /// Mirrors `UnlockedVault.auditDraft`, with the details as plain JSON instead of sealed.
    private func auditDraft(_ action: String, caseCode: String? = nil, details: [String: String] = [:]) throws -> AuditDraft {
        var payload: [UInt8]?
        if !details.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            payload = Array(try encoder.encode(details))
        }
        return AuditDraft(at: ISODay.formatMinute(Date()), actor: actor, action: action, caseCode: caseCode, payload: payload)
    }

    /// Mirrors `SQLiteVaultStorage.apply`: one `.immediate` transaction for all mutations.
    private func apply(_ mutations: [Mutation], on writer: DatabaseQueue? = nil) throws {
        try (writer ?? queue).writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                var auditHead: (seq: Int64, hash: [UInt8])?
                var inserted: (code: String, id: Int64)?
                for mutation in mutations {
                    switch mutation {
                    case .insertCase(let row, let tokens):
                        try db.cachedStatement(sql: "INSERT INTO cases (\(Self.caseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
                            row.code, row.status, row.assignee, row.createdDay, row.updatedDay, row.keyVersion,
                            row.wrappedKey.map { Data($0) }, row.version, row.document.map { Data($0) },
                        ])
                        let caseID = db.lastInsertedRowID
                        inserted = (row.code, caseID)
                        if !tokens.isEmpty {
                            let values = Array(repeating: "(?, ?)", count: tokens.count).joined(separator: ", ")
                            try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_index (token, case_id) VALUES \(values)")
                                .execute(arguments: StatementArguments(tokens.flatMap { token -> [(any DatabaseValueConvertible)?] in [Data(token), caseID] }))
                        }
                    case .putFacts(let code, let caseVersion, let bytes):
                        // As SQLiteVaultStorage: the id of the case the batch just inserted, else a look-up.
                        let known = inserted.flatMap { $0.code == code ? $0.id : nil }
                        guard let id = try known ?? Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM cases WHERE code = ? AND status != 'erased'"),
                                                                    arguments: [code]) else { throw BenchError("case \(code) missing") }
                        try db.cachedStatement(sql: "INSERT OR REPLACE INTO case_facts (case_id, case_version, sealed) VALUES (?, ?, ?)")
                            .execute(arguments: [id, caseVersion, Data(bytes)])
                    case .appendAudit(let draft):
                        auditHead = try Self.appendAudit(draft, db, after: auditHead)
                    }
                }
                return .commit
            }
        }
    }

    /// Mirrors `SQLiteVaultStorage.appendAudit`: the same head lookup and SHA-256 chain.
    private static func appendAudit(_ draft: AuditDraft, _ db: Database, after known: (seq: Int64, hash: [UInt8])?) throws
        -> (seq: Int64, hash: [UInt8]) {
        let previous: (seq: Int64, hash: [UInt8])
        let head = try known ?? Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).map {
            (seq: $0[0] as Int64, hash: Array(($0[1] as Data?) ?? Data()))
        }
        if let head {
            previous = head
        } else {
            guard let vaultID = try Data.fetchOne(db, sql: "SELECT vault_id FROM vault_meta") else { throw BenchError("no meta row") }
            previous = (0, try AuditChain.genesis(vaultID: Array(vaultID)))
        }
        let seq = previous.seq + 1
        let hash = try AuditChain.hash(seq: seq, previous: previous.hash, at: draft.at, actor: draft.actor, action: draft.action,
                                       caseCode: draft.caseCode, outcome: "ok", payload: draft.payload)
        try db.cachedStatement(sql: "INSERT INTO audit_log (\(auditColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
            seq, draft.at, draft.actor, draft.action, draft.caseCode, "ok", draft.payload.map { Data($0) }, Data(hash),
        ])
        return (seq, hash)
    }

    /// Mirrors `CaseCode.random` (40 CSPRNG bits, Crockford base32) and `UnlockedVault.freshCodes`:
    /// distinct within the batch; the store's UNIQUE constraint checks them as they are inserted.
    private func freshCodes(_ count: Int) throws -> [String] {
        var codes: [String] = []
        var taken = Set<String>(minimumCapacity: count)
        while codes.count < count {
            let bits = try SecureRandom.bytes(count: 5).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
            var symbols = ""
            for index in 0..<8 {
                if index == 4 { symbols.append("-") }
                symbols.append(Self.alphabet[Int((bits >> UInt64(35 - 5 * index)) & 31)])
            }
            if taken.insert(symbols).inserted { codes.append(symbols) }
        }
        return codes
    }

    /// Mirrors `SQLiteVaultStorage.read`: a deferred transaction, without GRDB's `query_only` switch.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw BenchError("read returned nothing") }
            return result
        }
    }

    private func caseRow(code: String) throws -> PlainRow? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.caseColumns) FROM cases WHERE code = ?"), arguments: [code]).map {
                let wrapped: Data? = $0[6]
                let document: Data? = $0[8]
                return PlainRow(code: $0[0], status: $0[1], assignee: $0[2], createdDay: $0[3], updatedDay: $0[4], keyVersion: $0[5],
                                wrappedKey: wrapped.map { Array($0) }, version: $0[7], document: document.map { Array($0) })
            }
        }
    }

    /// Mirrors `UnlockedVault.readCase`: fetch the row, check it is live, decode the JSON, and
    /// (with `recordAccess`) commit a `case_read` audit entry.
    func openCase(at index: Int, recordAccess: Bool) throws -> CaseDocument {
        let code = codes[index]
        guard let row = try caseRow(code: code), row.status != "erased", let bytes = row.document else {
            throw BenchError("case \(code) missing")
        }
        let document = try JSONDecoder().decode(CaseDocument.self, from: Data(bytes))
        if recordAccess, audit { try apply([.appendAudit(auditDraft("case_read", caseCode: code))]) }
        return document
    }

    /// Mirrors `UnlockedVault.findCases` + `SQLiteVaultStorage.listings(withAllTokens:)`: the
    /// matches with their summary columns in one query, then the audit entry.
    func find(name: String) throws -> Int {
        let tokens = NameFolding.words(name).map { Array($0.utf8) }
        var summaries: [Summary] = []
        if !tokens.isEmpty {
            let intersection = Array(repeating: "SELECT case_id FROM name_index WHERE token = ?", count: tokens.count)
                .joined(separator: " INTERSECT ")
            let sql = """
                SELECT code, status, assignee, created_day, updated_day, version FROM cases
                WHERE status != 'erased' AND id IN (\(intersection)) ORDER BY code
                """
            summaries = try read { db in
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(tokens.map { Data($0) })).map {
                    Summary(code: $0[0], status: $0[1], assignee: $0[2], createdDay: $0[3], updatedDay: $0[4], version: $0[5])
                }
            }
        }
        if audit { try apply([.appendAudit(auditDraft("case_find", details: ["matches": String(summaries.count)]))]) }
        return summaries.count
    }

    /// The plaintext "unlock": open the file (same configuration and migration check), read the
    /// meta row, and (with audit) commit a `login` entry. Nothing to derive: this is the floor the
    /// vault's unlock is compared with.
    func reopenAndUnlock(_ cost: UnlockCost) throws {
        let reopened = try Self.open(path: path, migrations: migrations, isNew: false)
        let meta = try reopened.read { db in
            try Row.fetchOne(db, sql: "SELECT vault_id, format_version, key_version, created_day, signing_public_key FROM vault_meta")
        }
        guard meta != nil else { throw BenchError("no meta row") }
        if audit { try apply([.appendAudit(auditDraft("login"))], on: reopened) }
    }
}

/// A benchmark setup failure, with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
