import CaseStore
import Foundation
import Intake

/// Turns a confirmed intake into the case document the vault seals: the mapped fields (through
/// the same strict import codec as `case create`), the services the survivor agreed to share
/// with, and every answer kept by question id so nothing told is lost.
enum IntakeCaseDocument {
    static let sharingQuestions: [String: ReferralService] = [
        "consent_share_psychosocial": .psychosocial, "consent_share_legal": .legal, "consent_share_health": .health,
        "consent_share_safety": .safety, "consent_share_police": .police, "consent_share_social_welfare": .socialWelfare,
        "consent_share_livelihood": .livelihood,
    ]

    static func make(from result: IntakeResult) throws -> CaseDocument {
        guard var document = try CaseDocumentCodec.decodeBatch(result.documentJSON()).first else {
            throw CaseStoreError.invalidDocument(position: nil, field: "", rule: .missing)
        }
        document.consent.sharing = sharingQuestions.compactMap { question, service in
            result.answers[question] == .yesNo(true) ? service : nil
        }.sorted { $0.rawValue < $1.rawValue }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var answers: [String: String] = ["form": "\(result.formID) v\(result.formVersion)"]
        for (question, value) in result.answers {
            answers[question] = String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        document.intake = answers
        try CaseDocumentCodec.validate(document)
        return document
    }
}
