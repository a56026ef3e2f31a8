import Access
import CaseStore
import Export
import Statistics
import Foundation
import Intake
import VaultCrypto

/// The error boundary: the user-facing text of every error that can end a command, in the
/// user's language. Texts name users, codes, paths and fields, never survivor data, and never
/// an error's own description (`String(describing:)` of an intake or decoding error can hold a
/// survivor's date). An error of a type not listed here gets `cli.error.unexpected`. Names and
/// codes inside errors may come from the vault file, so they are escaped (`TerminalSafeText`).
enum ErrorMessages {
    /// The text of any error a command can throw (ArgumentParser's own are rendered by it).
    static func text(for error: any Error, messages: Messages) -> String {
        switch error {
        case let error as CaseStoreError: text(for: error, messages: messages)
        case let error as AccessError: text(for: error, messages: messages)
        case let error as CLIError: error.message(messages)
        case let error as VaultCryptoError: text(for: error, messages: messages)
        case let error as AgeError: text(for: error, messages: messages)
        case IncidentRecorderError.invalidAgencyCode: messages("cli.export.error.invalid_agency")
        case IncidentRecorderError.randomUnavailable: messages("cli.error.crypto_failure")
        case ReferralProfileError.noConsent(let service): messages("cli.error.no_consent_to_share", ["service": messages.label(service)])
        case is DecodingError, is EncodingError: messages("cli.error.unreadable_record")
        case let error as CatalogError: text(for: error, messages: messages)
        case is FormError: messages("cli.error.form_damaged")
        case let error as AnswerError:
            messages("cli.error.answer_refused", ["question": error.path.map { safe($0.description) } ?? "-"])
        case let error as DraftError: text(for: error, messages: messages)
        case let error as LanguageError:
            messages("cli.error.unknown_language", ["value": safe(error.value), "source": safe(error.source)])
        case is ShellTokenizerError: messages("cli.shell.bad_quotes")
        case is LineEditorError: messages("cli.shell.terminal_failed")
        case let error as CocoaError: fileText(path: error.filePath ?? error.url?.path, messages)
        case is POSIXError: fileText(path: nil, messages)
        default: messages("cli.error.unexpected")
        }
    }

    /// The hint that goes with an error, when it has one: what to do next, in calm words.
    static func hint(for error: any Error, messages: Messages) -> String? {
        switch error {
        case CaseStoreError.wrongPassphrase: messages("cli.hint.wrong_passphrase")
        default: nil
        }
    }

    static func text(for error: CaseStoreError, messages: Messages) -> String {
        switch error {
        case .wrongPassphrase:
            messages("cli.error.wrong_passphrase")
        case .unknownUser(let user):
            messages("cli.error.unknown_user", ["user": safe(user)])
        case .userDisabled(let user):
            messages("cli.error.user_disabled", ["user": safe(user)])
        case .userExists(let user):
            messages("cli.error.user_exists", ["user": safe(user)])
        case .tamperedRecord(let record):
            messages("cli.error.tampered_record", ["record": recordName(record, messages)])
        case .vaultLocked, .auditHeadMoved:
            messages("cli.error.vault_locked")
        case .caseChanged(let code):
            messages("cli.error.case_changed", ["code": safe(code)])
        case .keysRotated:
            messages("cli.error.keys_rotated")
        case .copyIncomplete:
            messages("cli.error.copy_incomplete")
        case .unsupportedVaultVersion(let found, let supported):
            messages("cli.error.unsupported_vault_version", ["found": String(found), "supported": String(supported)])
        case .corruptVault:
            messages("cli.error.corrupt_vault")
        case .vaultNotFound(let path):
            messages("cli.error.vault_not_found", ["path": safe(path)])
        case .fileExists(let path):
            messages("cli.error.file_exists", ["path": safe(path)])
        case .caseNotFound(let code):
            messages("cli.error.case_not_found", ["code": safe(code)])
        case .caseErased(let code):
            messages("cli.error.case_erased", ["code": safe(code)])
        case .keyNotInSlot(let purpose):
            messages("cli.error.key_not_in_slot", ["purpose": purpose.rawValue])
        case .invalidUserName(let name):
            messages("cli.error.invalid_user_name", ["user": safe(name)])
        case .invalidDocument(let position, let field, let rule):
            documentText(position: position, field: field, problem: ruleText(rule, messages), messages)
        case .storageFailure(let reason):
            storageText(reason, messages)
        case .caseRolledBack(let code):
            messages("cli.error.case_rolled_back", ["code": safe(code)])
        case .untrustedSignature(let record):
            messages("cli.error.untrusted_signature", ["record": signedRecordName(record, messages)])
        case .directoryNotEstablished:
            messages("cli.error.directory_not_established")
        case .statisticsNotPrepared(let count):
            messages.plural("cli.error.statistics_not_prepared", count: count)
        case .statisticsThresholdTooLow(let value):
            messages("cli.stats.error.threshold_too_low", ["value": String(value)])
        case .exportRequestNotFound(let id):
            messages("cli.error.export_request_not_found", ["id": safe(id)])
        case .exportRequestNotPending(let id):
            messages("cli.error.export_request_not_pending", ["id": safe(id)])
        case .exportRequestUsed(let id):
            messages("cli.error.export_request_used", ["id": safe(id)])
        case .exportOwnRequest(let id):
            messages("cli.error.export_own_request", ["id": safe(id)])
        case .invalidPartnerName(let name):
            messages("cli.error.invalid_partner_name", ["name": safe(name)])
        case .unknownPartner(let name):
            messages("cli.error.unknown_partner", ["name": safe(name)])
        case .invalidRetentionRule(let years):
            messages("cli.error.invalid_retention_rule", ["years": String(years)])
        case .notDueForRetention(let code):
            messages("cli.error.not_due_for_retention", ["code": safe(code)])
        }
    }

    static func text(for error: VaultCryptoError, messages: Messages) -> String {
        switch error {
        case .authenticationFailed: messages("cli.error.crypto_authentication")
        case .invalidParameter, .libraryFailure: messages("cli.error.crypto_failure")
        }
    }

    static func text(for error: AgeError, messages: Messages) -> String {
        switch error {
        case .noMatch: messages("cli.error.age_no_match")
        case .hmacFailure, .headerFailure, .payloadFailure, .armorFailure: messages("cli.error.age_damaged")
        case .invalidKey: messages("cli.error.age_invalid_key")
        }
    }

    static func text(for error: CatalogError, messages: Messages) -> String {
        let file = switch error {
        case .syntax(let file, _, _), .duplicateMessage(let file, _), .missingHeader(let file),
             .pluralFormsMismatch(let file, _, _), .wrongPluralCount(let file, _, _, _), .notFound(let file): file
        }
        return messages("cli.error.catalog_damaged", ["file": safe(file)])
    }

    static func text(for error: DraftError, messages: Messages) -> String {
        switch error {
        case .formMismatch: messages("cli.error.draft_other_form")
        case .invalidPath, .invalidAnswer: messages("cli.error.draft_no_longer_fits")
        }
    }

    static func fileText(path: String?, _ messages: Messages) -> String {
        path.map { messages("cli.error.file_failed", ["path": safe($0)]) } ?? messages("cli.error.file_failed_unnamed")
    }

    /// Each reason the storage failed has its own sentence.
    static func storageText(_ reason: StorageFailure, _ messages: Messages) -> String {
        switch reason {
        case .diskFull: messages("cli.error.storage.disk_full")
        case .cannotOpenOrWrite: messages("cli.error.storage.cannot_open_or_write")
        case .inputOutput: messages("cli.error.storage.input_output")
        case .cannotCreateFile: messages("cli.error.storage.cannot_create_file")
        case .engine: messages("cli.error.storage.engine")
        case .nothingWritten: messages("cli.error.storage.nothing_written")
        case .serverUnreachable: messages("cli.error.storage.server_unreachable")
        case .connectionLost: messages("cli.error.storage.connection_lost")
        case .serverAuthentication: messages("cli.error.storage.server_authentication")
        case .serverCertificate: messages("cli.error.storage.server_certificate")
        case .serverPermission: messages("cli.error.storage.server_permission")
        }
    }

    private static func safe(_ text: String) -> String { TerminalSafeText.escaped(text) }

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
        case .alreadyClosed(let code):
            messages("cli.error.already_closed", ["code": safe(code)])
        case .notClosed(let code):
            messages("cli.error.not_closed", ["code": safe(code)])
        case .privacyBudgetExceeded(let left):
            messages("cli.stats.error.budget_exceeded", ["left": (try? Epsilon(units: left).description) ?? "0"])
        case .consentUnchanged(let code):
            messages("cli.error.consent_unchanged", ["code": safe(code)])
        case .exportApprovalRequested(let id):
            messages("cli.error.export_approval_requested", ["id": id])
        case .exportAwaitingApproval(let id):
            messages("cli.error.export_awaiting_approval", ["id": id])
        case .referralServiceNeeded:
            messages("cli.export.error.service_only_referral")
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
        case .caseFile(let code): messages("cli.record.case", ["code": safe(code)])
        case .keySlot(let user): messages("cli.record.key_slot", ["user": safe(user)])
        case .keyGrant(let user): messages("cli.record.key_grant", ["user": safe(user)])
        case .intakeDraft(let user): messages("cli.record.intake_draft", ["user": safe(user)])
        case .caseFacts(let code): messages("cli.record.case_facts", ["code": safe(code)])
        }
    }

    /// The signed record whose signature failed, in words.
    static func signedRecordName(_ record: SignedRecord, _ messages: Messages) -> String {
        switch record {
        case .directory: messages("cli.record.directory")
        case .directoryEntry(let user): messages("cli.record.directory_entry", ["user": safe(user)])
        case .keyGrant(let user): messages("cli.record.key_grant", ["user": safe(user)])
        case .caseState(let code): messages("cli.record.case_state", ["code": safe(code)])
        case .auditTrail: messages("cli.record.audit_trail")
        case .statisticsPolicy: messages("cli.record.statistics_policy")
        case .exportRules: messages("cli.record.export_rules")
        case .partners: messages("cli.record.partners")
        case .exportRequest(let id): messages("cli.record.export_request", ["id": safe(id)])
        case .retentionRule: messages("cli.record.retention_rule")
        }
    }
}
