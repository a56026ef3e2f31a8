import Foundation

/// Reads case documents from JSON strictly (unknown keys, wrong types and bad values are refused
/// with the field's path, never its value) and writes the canonical form that is sealed.
public enum CaseDocumentCodec {
    /// What an import may contain, at every depth (docs/case-document.md). Leaves are type-checked
    /// by the decoder; `work` is written only by the workflow commands (with the session's user and
    /// the clock), so an import that carries it is refused.
    indirect enum Shape {
        case object([String: Shape])
        /// An object whose keys are form question ids (`isSafeKey`) and whose values are leaves.
        case answers
        case leaf
        case refused
    }

    static let importShape: Shape = .object([
        "survivor": .object(["name": .leaf, "phone": .leaf, "birthDate": .leaf, "sex": .leaf, "municipality": .leaf, "language": .leaf]),
        "incident": .object(["date": .leaf, "narrative": .leaf, "type": .leaf]),
        "consent": .object(["statistics": .leaf, "sharing": .leaf]),
        "intake": .answers,
        "work": .refused,
    ])

    /// Longest key accepted as a question id, and named in an error as an unknown field.
    static let maximumKeyLength = 64

    /// Letters and digits (ASCII), `_` and `.`, 1 to 64 of them: the shape of field names and
    /// form question ids. Only keys of this shape are ever named in an error.
    static func isSafeKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= maximumKeyLength && key.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F || $0 == 0x2E
        }
    }

    static let maximumLengths: [String: Int] = [
        "survivor.name": 200, "survivor.phone": 40, "survivor.municipality": 100,
        "survivor.language": 35, "incident.narrative": 1_000_000,
    ]

    /// Parses an import file: one document, a JSON array of documents, or JSON Lines. Any bad
    /// document fails the whole batch with its 1-based position.
    public static func decodeBatch(_ data: Data, today: Date = Date()) throws -> [CaseDocument] {
        let trimmed = data.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.first == UInt8(ascii: "[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed), options: [.fragmentsAllowed]) as? [Any] else {
                throw CaseStoreError.invalidDocument(position: nil, field: "", rule: .notJSON)
            }
            return try array.enumerated().map { try decode(object: $0.element, position: $0.offset + 1, today: today) }
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(trimmed)) {
            return [try decode(object: object, position: 1, today: today)]
        }
        // JSON Lines: the documents are parsed and checked side by side (`ParallelWork`); the
        // first bad one by position is the one reported.
        let lines = Data(trimmed).split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        if lines.isEmpty { throw CaseStoreError.invalidDocument(position: nil, field: "", rule: .notJSON) }
        return try ParallelWork.map(lines.count) { index in
            guard let parsed = try? JSONDecoder().decode(ImportJSON.self, from: lines[index]) else {
                throw CaseStoreError.invalidDocument(position: index + 1, field: "", rule: .notJSON)
            }
            return try decode(object: parsed.plain, source: lines[index], position: index + 1, today: today)
        }
    }

    /// Checks one parsed JSON value and turns it into a validated document. `source`, given when
    /// `object` was read by `JSONDecoder` (`ImportJSON`), is decoded as it is; otherwise the
    /// checked object is written out again and that is decoded, never the input: with a key given
    /// twice, `JSONSerialization` keeps the last copy and `JSONDecoder` the first, and what is
    /// stored must be what the check saw (`CaseDocumentCodecTests.testDuplicatedKeysDecodeAsChecked`).
    static func decode(object: Any, source: Data? = nil, position: Int?, today: Date) throws -> CaseDocument {
        func fail(_ field: String, _ rule: DocumentRule) -> CaseStoreError {
            .invalidDocument(position: position, field: field, rule: rule)
        }
        guard let root = object as? [String: Any] else { throw fail("", .notAnObject) }
        try checkKeys(root, shape: importShape, path: "", fail: fail)
        let data = try source ?? JSONSerialization.data(withJSONObject: root)
        let document: CaseDocument
        do {
            document = try JSONDecoder().decode(CaseDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."), .missing)
        } catch let DecodingError.typeMismatch(_, context) {
            throw fail(context.codingPath.map(\.stringValue).joined(separator: "."), .wrongType)
        } catch let DecodingError.valueNotFound(_, context) {
            throw fail(context.codingPath.map(\.stringValue).joined(separator: "."), .missing)
        } catch let DecodingError.dataCorrupted(context) {
            throw fail(context.codingPath.map(\.stringValue).joined(separator: "."), .unknownValue)
        }
        try validate(document, today: today, fail: fail)
        return document
    }

    /// Checks every key of `value` against `shape`, depth first in sorted key order. An unknown
    /// key is named only if it has the shape of a field name; otherwise the error names the
    /// object that holds it, so a value typed where a key belongs is never echoed.
    static func checkKeys(_ value: Any, shape: Shape, path: String, fail: (String, DocumentRule) -> CaseStoreError) throws {
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch shape {
        case .leaf:
            return
        case .refused:
            throw fail(path, .notImportable)
        case .answers:
            guard let object = value as? [String: Any] else { throw fail(path, .notAnObject) }
            for key in object.keys.sorted() where !isSafeKey(key) { throw fail(path, .invalidKey) }
            for key in object.keys.sorted() where !(object[key] is String) { throw fail(child(key), .wrongType) }
        case .object(let allowed):
            guard let object = value as? [String: Any] else { throw fail(path, .notAnObject) }
            for key in object.keys.sorted() {
                guard let nested = allowed[key] else { throw fail(isSafeKey(key) ? child(key) : path, .unknownField) }
                try checkKeys(object[key] as Any, shape: nested, path: child(key), fail: fail)
            }
        }
    }

    /// Rules every stored document obeys, whatever front produced it.
    public static func validate(_ document: CaseDocument, today: Date = Date(), position: Int? = nil) throws {
        try validate(document, today: today) { .invalidDocument(position: position, field: $0, rule: $1) }
    }

    static func validate(_ document: CaseDocument, today: Date, fail: (String, DocumentRule) -> CaseStoreError) throws {
        let texts: [(String, String?)] = [
            ("survivor.name", document.survivor.name), ("survivor.phone", document.survivor.phone),
            ("survivor.municipality", document.survivor.municipality), ("survivor.language", document.survivor.language),
            ("incident.narrative", document.incident.narrative),
        ]
        for (field, value) in texts {
            guard let value else { continue }
            if field == "survivor.name", value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw fail(field, .empty) }
            if isLonger(value, than: maximumLengths[field, default: 1000]) { throw fail(field, .tooLong) }
            let allowsNewlines = field == "incident.narrative"
            if containsForbidden(value, allowsNewlines: allowsNewlines) {
                throw fail(field, .controlCharacters)
            }
        }
        var longTexts: [(String, String)] = (document.intake ?? [:]).sorted { $0.key < $1.key }.map { ("intake.\($0.key)", $0.value) }
        if let work = document.work {
            longTexts += work.notes.map { ("work.notes.text", $0.text) } + [work.plan.map { ("work.plan", $0) }].compactMap { $0 }
            longTexts += work.followUps.compactMap { $0.note.map { ("work.followUps.note", $0) } }
            for referral in work.referrals {
                if isLonger(referral.organisation, than: 200) { throw fail("work.referrals.organisation", .tooLong) }
                if containsForbidden(referral.organisation, allowsNewlines: false) {
                    throw fail("work.referrals.organisation", .controlCharacters)
                }
            }
            for followUp in work.followUps where ISODay.parse(followUp.due) == nil { throw fail("work.followUps.due", .invalidDate) }
        }
        for (field, value) in longTexts {
            if isLonger(value, than: 100_000) { throw fail(field, .tooLong) }
            if containsForbidden(value, allowsNewlines: true) { throw fail(field, .controlCharacters) }
        }
        for (field, value) in [("survivor.birthDate", document.survivor.birthDate), ("incident.date", document.incident.date)] {
            guard let value else { continue }
            guard let date = ISODay.parse(value) else { throw fail(field, .invalidDate) }
            if date > today { throw fail(field, .dateInFuture) }
        }
    }

    /// Whether `text` has a control character (other than newline, tab and carriage return in long
    /// text) or a bidi override or isolate, which can disguise what a record says. Found in the
    /// UTF-8 bytes without decoding them: the controls (Unicode's closed category Cc) are one byte
    /// below 0x20, 0x7F, or C2 80–C2 9F; the direction marks are E2 80 AA–AE and E2 81 A6–A9. A
    /// narrative of a thousand characters is one pass over its bytes.
    static func containsForbidden(_ text: String, allowsNewlines: Bool) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x0A, 0x09, 0x0D: if !allowsNewlines { return true }
            case 0x00..<0x20, 0x7F: return true
            case 0xC2: if let next = utf8.next(), (0x80...0x9F).contains(next) { return true }
            case 0xE2:
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                if second == 0x80, (0xAA...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether `text` has more than `limit` characters; counting characters walks grapheme
    /// clusters, so only a text of more than `limit` bytes is counted (a character is at least one).
    static func isLonger(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    /// The canonical bytes that get sealed (sorted keys, no nulls).
    @_spi(Fuzzing) public static func encode(_ document: CaseDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(document))
    }

    /// Parses bytes that `encode` produced after they were unsealed.
    @_spi(Fuzzing) public static func decodeSealed(_ bytes: [UInt8]) throws -> CaseDocument {
        try JSONDecoder().decode(CaseDocument.self, from: Data(bytes))
    }
}
