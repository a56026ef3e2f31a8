@_spi(Fuzzing) import CaseStore
import Foundation

/// Case documents as `case import` and `case add --json` read them (`CaseDocumentCodec.decodeBatch`:
/// one document, an array, or JSON Lines through `ImportJSON`). Properties: every accepted
/// document passes validation again, and its canonical sealed bytes decode to the same document.
enum CaseDocumentTarget {
    static let target = FuzzTarget(name: "case-document") { data in
        guard let documents = try? CaseDocumentCodec.decodeBatch(data, today: FuzzFixtures.todayDate) else { return }
        for document in documents {
            FuzzCheck.require((try? CaseDocumentCodec.validate(document, today: FuzzFixtures.todayDate)) != nil,
                              "an imported document passes validation")
            let sealed = try? CaseDocumentCodec.encode(document)
            FuzzCheck.require(sealed.flatMap { try? CaseDocumentCodec.decodeSealed($0) } == document,
                              "an imported document decodes from its sealed bytes")
        }
    }
}
