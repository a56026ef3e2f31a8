import CaseStore
import PostgresNIO

/// Reading and binding the stored values: a column that does not decode to its type is a
/// damaged vault (`corruptVault`), and byte strings travel as `bytea` (a `[UInt8]` bound as it
/// is would become an array of "char").
extension PostgresRandomAccessRow {
    func value<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        do {
            return try self[column].decode(T.self)
        } catch {
            throw CaseStoreError.corruptVault
        }
    }

    /// A `bytea` column; NULL reads as no bytes, as in the SQLite backend.
    func bytes(_ column: Int) throws -> [UInt8] {
        try optionalBytes(column) ?? []
    }

    func optionalBytes(_ column: Int) throws -> [UInt8]? {
        try value(column, as: ByteBuffer?.self).map { Array($0.readableBytesView) }
    }

    /// A raw value of an enum stored as text.
    func raw<T: RawRepresentable>(_ column: Int, as type: T.Type) throws -> T where T.RawValue == String {
        guard let parsed = T(rawValue: try value(column, as: String.self)) else { throw CaseStoreError.corruptVault }
        return parsed
    }

    /// The signed state stored in columns `start ..< start + 4` (revision, signer, hash, signature).
    func state(from start: Int) throws -> CaseStateSignature? {
        guard let signer = try value(start + 1, as: String?.self), let hash = try optionalBytes(start + 2),
              let signature = try optionalBytes(start + 3) else { return nil }
        return CaseStateSignature(revision: try value(start), signer: signer, documentHash: hash, signature: signature)
    }
}

extension PostgresQueryResult {
    /// The first row, ready for reading by column number.
    var firstRow: PostgresRandomAccessRow? {
        first.map { $0.makeRandomAccess() }
    }

    var allRows: [PostgresRandomAccessRow] {
        map { $0.makeRandomAccess() }
    }
}

extension Array where Element == UInt8 {
    var bytea: ByteBuffer { ByteBuffer(bytes: self) }
}
