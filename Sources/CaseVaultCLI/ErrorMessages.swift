import Access
import CaseStore

/// The user-facing text of every case-store error. Texts name users, codes, paths and fields,
/// never survivor data. (Issue 4 moves these into the translation catalogs.)
enum ErrorMessages {
    static func text(for error: CaseStoreError) -> String {
        switch error {
        case .wrongPassphrase:
            "wrong passphrase (or the key slot is damaged)"
        case .unknownUser(let user):
            "no user named \(user) in this vault"
        case .userDisabled(let user):
            "the account \(user) is disabled; ask an administrator"
        case .userExists(let user):
            "a user named \(user) already exists"
        case .tamperedRecord(let record):
            "\(record) failed its integrity check: the vault file was altered or damaged; nothing from it was shown"
        case .vaultLocked:
            "the vault is busy in another casevault process; try again when it has finished"
        case .unsupportedVaultVersion(let found, let supported):
            "this vault has format version \(found), newer than this program supports (\(supported)); update CaseVault"
        case .corruptVault:
            "the vault file is damaged, truncated or not a CaseVault vault"
        case .vaultNotFound(let path):
            "no vault at \(path); create one with: casevault init --admin NAME"
        case .fileExists(let path):
            "\(path) already exists; refusing to overwrite it"
        case .caseNotFound(let code):
            "no case with code \(code)"
        case .caseErased(let code):
            "case \(code) was erased; its content no longer exists"
        case .keyNotInSlot(let purpose):
            "your role does not hold the key this needs (\(purpose.rawValue))"
        case .invalidDocument(let position, let field, let rule):
            (position.map { "document \($0): " } ?? "") + (field.isEmpty ? "" : "\(field): ") + ruleText(rule)
        case .storageFailure(let reason):
            "the vault could not be read or written: \(reason)"
        }
    }

    static func text(for error: AccessError) -> String {
        switch error {
        case .denied(let action, .roleNotPermitted):
            "not allowed: your role may not do this (\(action.rawValue)); the attempt was recorded"
        case .denied(let action, .notAssigned):
            "not allowed: this case is not assigned to you (\(action.rawValue)); the attempt was recorded"
        case .noConsentToShare(let service):
            "the survivor did not consent to sharing with \(service.rawValue) services; the referral was not made and the attempt was recorded"
        case .weakPassphrase(.tooShort):
            "the passphrase is too short: use at least 12 characters, or at least 4 words"
        case .weakPassphrase(.common):
            "the passphrase is one of the most common ones; choose another"
        case .weakPassphrase(.notText):
            "the passphrase is not valid text (UTF-8)"
        }
    }

    static func ruleText(_ rule: DocumentRule) -> String {
        switch rule {
        case .notJSON: "not valid JSON"
        case .notAnObject: "expected a JSON object"
        case .unknownField: "unknown field (see docs/case-document.md)"
        case .missing: "required but missing"
        case .wrongType: "has the wrong type"
        case .empty: "must not be empty"
        case .tooLong: "is too long"
        case .controlCharacters: "contains control or text-direction characters"
        case .invalidDate: "is not a valid date (use YYYY-MM-DD)"
        case .dateInFuture: "is in the future"
        case .unknownValue: "has a value that is not allowed"
        }
    }
}
