import CaseStore
import Foundation
import GRDB

/// Direct SQL access to a vault file, standing in for an attacker with the stock sqlite3 tool.
struct RawVault {
    let queue: DatabaseQueue

    init(_ path: String) throws { queue = try DatabaseQueue(path: path) }

    func blob(_ sql: String, _ arguments: StatementArguments = []) throws -> Data {
        try XCTUnwrapData(queue.read { try Data.fetchOne($0, sql: sql, arguments: arguments) })
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    /// The wrapped key and every sealed document version of a case.
    func blobs(code: CaseCode) throws -> [Data] {
        try queue.read { db in
            var result = try Data.fetchAll(db, sql: "SELECT wrapped_key FROM cases WHERE code = ?", arguments: [code.rawValue])
            result += try Data.fetchAll(db, sql: "SELECT document FROM cases WHERE code = ?", arguments: [code.rawValue])
            result += try Data.fetchAll(db, sql: """
                SELECT h.document FROM case_history h JOIN cases c ON c.id = h.case_id WHERE c.code = ?
                """, arguments: [code.rawValue])
            return result
        }
    }

    /// Flips one bit of byte `index` of a blob column of a case.
    func flipByte(column: String, code: CaseCode, at index: Int) throws {
        var value = try blob("SELECT \(column) FROM cases WHERE code = ?", [code.rawValue])
        value[index] ^= 0x01
        try execute("UPDATE cases SET \(column) = ? WHERE code = ?", [value, code.rawValue])
    }
}

struct MissingValue: Error {}

func XCTUnwrapData(_ value: Data?) throws -> Data {
    guard let value else { throw MissingValue() }
    return value
}
