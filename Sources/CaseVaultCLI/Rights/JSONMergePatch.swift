import CaseStore
import Foundation

/// A correction as JSON merge patch (RFC 7396) over a case document in its import shape: objects
/// merge key by key, `null` removes, anything else replaces. Written here because it is a few
/// lines over Foundation's JSON and no package in the mirror offers it. `work` (notes, the plan,
/// referrals, closure) is not importable, so a patch that touches it is refused like an import
/// that holds it; the result is decoded and checked exactly as an import is.
enum JSONMergePatch {
    static func apply(_ patch: Data, to document: CaseDocument) throws -> CaseDocument {
        guard let changes = try? JSONSerialization.jsonObject(with: patch), let object = changes as? [String: Any] else {
            throw CaseStoreError.invalidDocument(position: nil, field: "", rule: .notAnObject)
        }
        var importable = document
        importable.work = nil
        let encoder = JSONEncoder()
        let base = try JSONSerialization.jsonObject(with: encoder.encode(importable))
        let merged = merge(object, into: base)
        return try CaseDocumentCodec.decodeBatch(JSONSerialization.data(withJSONObject: merged))[0]
    }

    private static func merge(_ patch: Any, into target: Any) -> Any {
        guard let patch = patch as? [String: Any] else { return patch }
        var result = target as? [String: Any] ?? [:]
        for (key, value) in patch {
            if value is NSNull {
                result.removeValue(forKey: key)
            } else {
                result[key] = merge(value, into: result[key] ?? NSNull())
            }
        }
        return result
    }
}
