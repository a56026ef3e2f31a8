import Foundation

/// One line of a JSON Lines import as `JSONDecoder` reads it, for the key check of
/// `CaseDocumentCodec`. The check must see the same copy of a key given twice as the decode that
/// follows, and the two Foundation parsers disagree (`JSONDecoder` keeps the first copy,
/// `JSONSerialization` the last); reading the line with `JSONSerialization` meant writing the
/// checked object out again and decoding that, three quarters of an import's parsing time.
enum ImportJSON: Decodable {
    case object([String: ImportJSON])
    case array([ImportJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let object = try? value.decode([String: ImportJSON].self) {
            self = .object(object)
        } else if let text = try? value.decode(String.self) {
            self = .string(text)
        } else if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .array(try value.decode([ImportJSON].self))
        }
    }

    /// The value in the shape `JSONSerialization` gives, which the key check reads.
    var plain: Any {
        switch self {
        case .object(let object): object.mapValues(\.plain)
        case .array(let array): array.map(\.plain)
        case .string(let text): text
        case .number(let number): number
        case .bool(let flag): flag
        case .null: NSNull()
        }
    }
}
