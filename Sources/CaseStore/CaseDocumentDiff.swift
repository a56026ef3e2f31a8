import Foundation

/// The fields by which two case documents differ, named by key at the second level
/// (`survivor.name`, `incident.narrative`, `intake.phone`, `work.plan`), never by value. The
/// corrections list itself is left out: it is what records a correction.
enum CaseDocumentDiff {
    static func changedFields(from old: CaseDocument, to new: CaseDocument) throws -> [String] {
        let before = try fields(of: old)
        let after = try fields(of: new)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Each second-level value of `document` as canonical JSON bytes, by its dotted key.
    private static func fields(of document: CaseDocument) throws -> [String: Data] {
        var bare = document
        bare.work?.corrections = []
        let object = try JSONSerialization.jsonObject(with: Data(CaseDocumentCodec.encode(bare)))
        guard let top = object as? [String: Any] else { return [:] }
        var result: [String: Data] = [:]
        for (key, value) in top {
            guard let nested = value as? [String: Any] else {
                result[key] = try canonical(value)
                continue
            }
            for (inner, leaf) in nested { result[key + "." + inner] = try canonical(leaf) }
        }
        return result
    }

    private static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .fragmentsAllowed])
    }
}
