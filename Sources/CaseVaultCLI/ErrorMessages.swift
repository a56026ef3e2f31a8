import Access
import CaseStore

/// The user-facing text of every case-store and access error, in the user's language. Texts
/// name users, codes, paths and fields, never survivor data.
enum ErrorMessages {
    static func text(for error: CaseStoreError, messages: Messages) -> String {
        switch error {
        case .wrongPassphrase:
            messages("cli.error.wrong_passphrase")
        case .unknownUser(let user):
            messages("cli.error.unknown_user", ["user": user])
        case .userDisabled(let user):
            messages("cli.error.user_disabled", ["user": user])
        case .userExists(let user):
            messages("cli.error.user_exists", ["user": user])
        case .tamperedRecord(let record):
            messages("cli.error.tampered_record", ["record": recordName(record, messages)])
        case .vaultLocked:
            messages("cli.error.vault_locked")
        case .unsupportedVaultVersion(let found, let supported):
            messages("cli.error.unsupported_vault_version", ["found": String(found), "supported": String(supported)])
        case .corruptVault:
            messages("cli.error.corrupt_vault")
        case .vaultNotFound(let path):
            messages("cli.error.vault_not_found", ["path": path])
        case .fileExists(let path):
            messages("cli.error.file_exists", ["path": path])
        case .caseNotFound(let code):
            messages("cli.error.case_not_found", ["code": code])
        case .caseErased(let code):
            messages("cli.error.case_erased", ["code": code])
        case .keyNotInSlot(let purpose):
            messages("cli.error.key_not_in_slot", ["purpose": purpose.rawValue])
        case .invalidUserName(let name):
            messages("cli.error.invalid_user_name", ["user": name])
        case .invalidDocument(let position, let field, let rule):
            documentText(position: position, field: field, problem: ruleText(rule, messages), messages)
        case .storageFailure(let reason):
            messages("cli.error.storage_failure", ["reason": reason.rawValue])
        case .caseRolledBack(let code):
            messages("cli.error.storage_failure", ["reason": code])
        case .untrustedSignature:
            messages("cli.error.storage_failure", ["reason": "signature"])
        case .directoryNotEstablished:
            messages("cli.error.storage_failure", ["reason": "directory"])
        }
    }

    static func text(for error: AccessError, messages: Messages) -> String {
        switch error {
        case .denied(let action, .roleNotPermitted):
            messages("cli.error.denied_role", ["action": action.rawValue])
        case .denied(let action, .notAssigned):
            messages("cli.error.denied_not_assigned", ["action": action.rawValue])
        case .noConsentToShare(let service):
            messages("cli.error.no_consent_to_share", ["service": messages.label(service)])
        case .weakPassphrase(.tooShort):
            messages("cli.error.passphrase_too_short")
        case .weakPassphrase(.common):
            messages("cli.error.passphrase_common")
        case .weakPassphrase(.notText):
            messages("cli.error.passphrase_not_text")
        }
    }

    static func documentText(position: Int?, field: String, problem: String, _ messages: Messages) -> String {
        switch (position, field.isEmpty) {
        case (let position?, false):
            messages("cli.error.document_at_field", ["position": String(position), "field": field, "problem": problem])
        case (let position?, true):
            messages("cli.error.document_at", ["position": String(position), "problem": problem])
        case (nil, false):
            messages("cli.error.document_field", ["field": field, "problem": problem])
        case (nil, true):
            problem
        }
    }

    static func ruleText(_ rule: DocumentRule, _ messages: Messages) -> String {
        switch rule {
        case .notJSON: messages("cli.rule.not_json")
        case .notAnObject: messages("cli.rule.not_an_object")
        case .unknownField: messages("cli.rule.unknown_field")
        case .missing: messages("cli.rule.missing")
        case .wrongType: messages("cli.rule.wrong_type")
        case .empty: messages("cli.rule.empty")
        case .tooLong: messages("cli.rule.too_long")
        case .controlCharacters: messages("cli.rule.control_characters")
        case .invalidDate: messages("cli.rule.invalid_date")
        case .dateInFuture: messages("cli.rule.date_in_future")
        case .unknownValue: messages("cli.rule.unknown_value")
        case .notImportable: messages("cli.rule.not_importable")
        case .invalidKey: messages("cli.rule.invalid_key")
        }
    }

    /// The record a failed integrity check names. CaseStore names it in a fixed English form
    /// (`K7Q4-M2XA`, `key slot ana`, `key grant ana`, `intake draft of ana`); each is put into
    /// words here, anything else is shown as it is.
    static func recordName(_ record: SealedRecord, _ messages: Messages) -> String {
        switch record {
        case .caseFile(let code): messages("cli.record.case", ["code": code])
        case .keySlot(let user): messages("cli.record.key_slot", ["user": user])
        case .keyGrant(let user): messages("cli.record.key_grant", ["user": user])
        case .intakeDraft(let user): messages("cli.record.intake_draft", ["user": user])
        }
    }
}
