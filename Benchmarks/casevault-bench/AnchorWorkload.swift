import Foundation
import GRDB
import Transliteration
import VaultCrypto

/// The queries CaseVault was timed on at one size, kept so the anchor replays the same ones:
/// the cases opened without an access record (by creation index) and each name search with the
/// number of cases CaseVault returned.
struct AnchorQueries {
    var openIndexes: [Int] = []
    var finds: [(surname: Bool, query: String, matches: Int)] = []
}

/// Writes the workload file anchor.c replays (its format is described at the top of anchor.c).
/// The rows are CaseVault's own, read back from the vault file of this run: codes, plaintext
/// columns and the byte length of every sealed column (document, wrapped key, state hash and
/// signature, facts, audit head signature), so the anchor stores the same number of bytes per row.
/// Name tokens are 8-byte truncated SHA-256 digests of the folded words (`NameFolding`, as the
/// vault folds them before its HMAC), so each search matches exactly the cases CaseVault matched.
enum AnchorWorkload {
    /// Writes the file and returns how many rows it holds. `names[i]` is the survivor name of the
    /// i-th case created (vault id order); the first `bulk` rows are bulk-loaded, the rest are
    /// single durable inserts.
    static func write(vaultPath: String, names: [String], bulk: Int, batchSize: Int, queries: AnchorQueries?,
                      to path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: vaultPath, configuration: configuration)
        var out = "commit \(batchSize)\nbulk \(bulk)\n"
        var codes: [String] = []
        var distinctTokens = 0
        try queue.read { db in
            var audits: [String: (at: String, actor: String, payload: Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT case_code, at, actor, ifnull(length(payload), -1) FROM audit_log WHERE action = 'case_create' AND outcome = 'ok'
                """) {
                audits[row[0]] = (row[1], row[2], row[3])
            }
            let headSignature = try Int.fetchOne(db, sql: "SELECT max(length(signature)) FROM audit_heads") ?? -1
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.code, c.status, c.assignee, c.created_day, c.updated_day, c.key_version, length(c.wrapped_key), c.version,
                       length(c.document), c.state_revision, c.state_signer, length(c.state_document_hash), length(c.state_signature),
                       f.case_version, length(f.sealed)
                FROM cases c LEFT JOIN case_facts f ON f.case_id = c.id ORDER BY c.id
                """)
            while let row = try rows.next() {
                let index = codes.count
                guard index < names.count else { throw BenchError("the vault holds more cases than the run created") }
                let code: String = row[0]
                let tokens = try Self.tokens(names[index])
                distinctTokens += Set(tokens).count
                let audit = audits[code]
                var fields: [String] = ["row"]
                for column in 0..<5 { fields.append(try text(row[column])) }
                for column in 5..<10 { fields.append(String((row[column] as Int?) ?? -1)) }
                fields.append(try text(row[10]))
                for column in 11..<15 { fields.append(String((row[column] as Int?) ?? -1)) }
                fields += [try text(audit?.at), try text(audit?.actor), String(audit?.payload ?? -1), String(headSignature),
                           String(tokens.count)]
                fields += tokens.map(hex)
                out += fields.joined(separator: " ") + "\n"
                codes.append(code)
            }
            let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM name_index") ?? 0
            guard codes.count == names.count, stored == distinctTokens else {
                throw BenchError("the anchor workload does not match the vault: \(codes.count) rows for \(names.count) names, "
                                 + "\(distinctTokens) name tokens for the vault's \(stored)")
            }
        }
        if let queries {
            for index in queries.openIndexes { out += "open \(codes[index])\n" }
            for find in queries.finds {
                let tokens = try Self.tokens(find.query)
                out += "find \(find.surname ? "surname" : "full") \(find.matches) \(tokens.count) " + tokens.map(hex).joined(separator: " ") + "\n"
            }
        }
        try Data(out.utf8).write(to: URL(fileURLWithPath: path))
        return codes.count
    }

    /// The blind-index stand-in: per folded word, the first 8 bytes (CaseVault's token length) of its SHA-256.
    static func tokens(_ name: String) throws -> [[UInt8]] {
        try NameFolding.words(name).map { Array(try SHA256.hash(Array($0.utf8)).prefix(8)) }
    }

    /// The migration files as one script, which the anchor applies to its new file.
    static func writeSchema(_ files: [(name: String, sql: String)], to path: String) throws {
        try Data(files.map(\.sql).joined(separator: ";\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    private static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// A text field of the line format: "-" for NULL; no field may contain a space or be "-".
    private static func text(_ value: String?) throws -> String {
        guard let value else { return "-" }
        guard !value.isEmpty, value != "-", !value.contains(where: \.isWhitespace) else {
            throw BenchError("a column value cannot go into the anchor's line format")
        }
        return value
    }
}
