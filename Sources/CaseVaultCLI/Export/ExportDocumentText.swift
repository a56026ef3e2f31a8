import CaseStore
import Foundation
import Intake

/// The plaintext of a `survivor` or `referral` export: a Markdown file a person reads — the
/// case as `case show` words it, in the chosen language and its date format (Serbian
/// `21.03.2026.`) — with the same case as JSON (the format of docs/case-document.md) beside it,
/// in the file's last section, so that a program can take it back. Nothing in it is escaped
/// for a terminal beyond what `case show` escapes; the file is only ever written encrypted.
enum ExportDocumentText {
    static func markdown(_ record: CaseRecord, title: String, messages: Messages) throws -> [UInt8] {
        let body = CaseRendering.text(record, messages, width: nil)
        let json = try JSONRendering.string(CaseRendering.JSONCase(record))
        let text = """
            # \(title)

            \(messages("cli.export.file.made", ["day": messages.day(record.updatedDay)]))

            ```text
            \(body)
            ```

            ## JSON

            ```json
            \(json)
            ```

            """
        return Array(text.utf8)
    }

    /// The language a survivor's own file is written in: her language of service when a
    /// catalog exists for it (`sr` is written in Cyrillic, the master copy), else `fallback`.
    static func language(of document: CaseDocument, fallback: Language) -> Language {
        switch document.survivor.language {
        case "sr", "sr-Cyrl": .serbianCyrillic
        case "sr-Latn": .serbianLatin
        case "rom": .romani
        case "en": .english
        default: fallback
        }
    }
}
