import Access
import CaseStore
@testable import CaseVaultCLI
import Export
import Foundation
@testable import Intake
import VaultCrypto
import XCTest

/// The error boundary (`ErrorMessages.text(for:)`, the last catch of every command and of the
/// shell): every error is shown as a message of ours in the user's language, never as its own
/// description, and never with survivor data an error may carry.
final class ErrorBoundaryTests: XCTestCase {
    static let user = "ana"
    static let code = "K7Q4-M2XA"
    static let path = "/tmp/vault.casevault"
    static let request = "E-K7Q4-M2XA"
    /// Survivor-like values put into error payloads; none may reach the user.
    static let survivorDate = CalendarDay(iso: "1979-04-12")!
    static let survivorTexts = ["1979", "Радмила", "Radmila", "Stojković", "Стојковић", "0641234567"]

    /// Every case of `CaseStoreError`; `exhaustive` fails to compile when a case is added.
    static var caseStoreErrors: [CaseStoreError] {
        var errors: [CaseStoreError] = [
            .wrongPassphrase, .unknownUser(user), .userDisabled(user), .invalidUserName(user), .userExists(user),
            .tamperedRecord(.caseFile(code)), .tamperedRecord(.keySlot(user: user)), .tamperedRecord(.keyGrant(user: user)),
            .tamperedRecord(.intakeDraft(user: user)), .vaultLocked, .unsupportedVaultVersion(found: 9, supported: 3),
            .corruptVault, .vaultNotFound(path), .fileExists(path), .caseNotFound(code), .caseErased(code),
            .caseRolledBack(code), .untrustedSignature(.directory), .untrustedSignature(.directoryEntry(user: user)),
            .untrustedSignature(.keyGrant(user: user)), .untrustedSignature(.caseState(code)), .directoryNotEstablished,
            .tamperedRecord(.caseFacts(code)), .untrustedSignature(.statisticsPolicy), .statisticsNotPrepared(3), .statisticsThresholdTooLow(2),
            .exportRequestNotFound(request), .exportRequestNotPending(request), .exportOwnRequest(request), .exportRequestUsed(request), .invalidPartnerName(user),
            .unknownPartner(user), .untrustedSignature(.exportRules), .untrustedSignature(.partners), .untrustedSignature(.exportRequest(request)),
            .invalidRetentionRule(0), .notDueForRetention(code), .untrustedSignature(.retentionRule),
            .auditHeadMoved, .caseChanged(code), .keysRotated, .copyIncomplete,
        ]
        errors += KeyPurpose.allCases.map { .keyNotInSlot($0) }
        errors += [StorageFailure.diskFull, .cannotOpenOrWrite, .inputOutput, .cannotCreateFile, .engine, .nothingWritten,
                   .serverUnreachable, .connectionLost, .serverAuthentication, .serverCertificate, .serverPermission]
            .map { .storageFailure($0) }
        for rule in [DocumentRule.notJSON, .notAnObject, .unknownField, .missing, .wrongType, .empty, .tooLong,
                     .controlCharacters, .invalidDate, .dateInFuture, .unknownValue] {
            errors += [.invalidDocument(position: 2, field: "survivor.name", rule: rule),
                       .invalidDocument(position: nil, field: "", rule: rule)]
        }
        for error in errors { exhaustive(error) }
        return errors
    }

    static func exhaustive(_ error: CaseStoreError) {
        switch error {
        case .wrongPassphrase, .unknownUser, .userDisabled, .invalidUserName, .userExists, .tamperedRecord, .vaultLocked,
             .unsupportedVaultVersion, .corruptVault, .vaultNotFound, .fileExists, .caseNotFound, .caseErased, .keyNotInSlot,
             .invalidDocument, .storageFailure, .caseRolledBack, .untrustedSignature, .directoryNotEstablished, .statisticsNotPrepared,
             .statisticsThresholdTooLow, .exportRequestNotFound, .exportRequestNotPending, .exportOwnRequest, .exportRequestUsed, .invalidPartnerName,
             .unknownPartner, .invalidRetentionRule, .notDueForRetention, .auditHeadMoved, .caseChanged, .keysRotated,
             .copyIncomplete: break
        }
    }

    static var accessErrors: [AccessError] {
        var errors: [AccessError] = [.weakPassphrase(.tooShort), .weakPassphrase(.common), .weakPassphrase(.notText)]
        for action in AccessAction.allCases {
            errors += [.denied(action, .roleNotPermitted), .denied(action, .notAssigned)]
        }
        errors += ReferralService.allCases.map { .noConsentToShare($0) }
        errors += [.alreadyClosed(code: "K7Q4-M2XA"), .notClosed(code: "K7Q4-M2XA"), .privacyBudgetExceeded(left: 2_500),
                   .consentUnchanged(code: "K7Q4-M2XA"), .exportApprovalRequested(id: request), .exportAwaitingApproval(id: request),
                   .referralServiceNeeded]
        for error in errors {
            switch error {
            case .denied, .noConsentToShare, .weakPassphrase, .alreadyClosed, .notClosed, .privacyBudgetExceeded, .consentUnchanged,
                 .exportApprovalRequested, .exportAwaitingApproval, .referralServiceNeeded: break
            }
        }
        return errors
    }

    /// A foreign error whose description is survivor data: what a careless `"\(error)"` would show.
    struct LeakyError: Error, CustomStringConvertible {
        var description: String { "Радмила Стојковић, born 1979-04-12" }
    }

    /// Errors of the other layers, each with survivor-like data in its payload where it has one.
    static var otherErrors: [any Error] {
        let answerPath = AnswerPath("survivor_birth_date")
        let decoding = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "invalid date 1979-04-12 for Radmila"))
        return [
            VaultCryptoError.authenticationFailed, VaultCryptoError.invalidParameter("Radmila 1979"),
            VaultCryptoError.libraryFailure("Radmila 1979"),
            decoding, DecodingError.typeMismatch(String.self, .init(codingPath: [], debugDescription: "1979-04-12")),
            EncodingError.invalidValue("1979-04-12", .init(codingPath: [], debugDescription: "Radmila")),
            CatalogError.syntax(file: "sr-Cyrl.po", line: 3, reason: "Радмила 1979"), CatalogError.notFound(file: "rom.po"),
            CatalogError.duplicateMessage(file: "en.po", id: "Radmila"),
            FormError(path: "sections[0]", problem: .invalidID("Radmila_1979")),
            AnswerError(path: answerPath, problem: .dateAfter(survivorDate, question: "q.incident_date")),
            AnswerError(path: nil, problem: .dateBefore(survivorDate, question: "q.incident_date")),
            DraftError.invalidAnswer(AnswerError(path: answerPath, problem: .dateAfter(survivorDate, question: "q.incident_date"))),
            DraftError.invalidPath("Radmila 1979"), DraftError.formMismatch(formID: "Radmila", formVersion: 1979),
            LanguageError(value: "de", source: "--lang"),
            ShellTokenizerError.unterminatedDoubleQuote, ShellTokenizerError.trailingBackslash, LineEditorError.readFailed,
            CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]), CocoaError(.fileReadCorruptFile),
            POSIXError(.EACCES), LeakyError(), CLIError(id: "cli.error.vault_locked"),
            AgeError.noMatch, AgeError.hmacFailure, AgeError.headerFailure, AgeError.payloadFailure, AgeError.armorFailure, AgeError.invalidKey,
            IncidentRecorderError.invalidAgencyCode, IncidentRecorderError.randomUnavailable, ReferralProfileError.noConsent(.police),
        ]
    }

    static var allErrors: [any Error] { caseStoreErrors + accessErrors + otherErrors }

    func testEveryErrorRendersInEveryLanguageWithoutDumpOrSurvivorData() throws {
        var seen: Set<String> = []
        for language in Language.allCases {
            let messages = Messages.load(language)
            XCTAssertNotNil(messages.localizer, language.rawValue)
            for error in Self.allErrors {
                let text = ErrorMessages.text(for: error, messages: messages)
                let what = "\(language.rawValue) \(type(of: error)): \(text)"
                seen.insert(text)
                XCTAssertFalse(text.trimmingCharacters(in: .whitespaces).isEmpty, what)
                XCTAssertFalse(text.contains("cli."), "a message id reached the user: \(what)")
                XCTAssertNil(text.range(of: #"\{[A-Za-z0-9_]+\}"#, options: .regularExpression), "unfilled placeholder: \(what)")
                // What String(describing:) of an enum or struct looks like.
                XCTAssertFalse(text.contains("Error"), what)
                XCTAssertNil(text.range(of: #"[A-Za-z]\("#, options: .regularExpression), "enum dump: \(what)")
                XCTAssertNil(text.range(of: #"\.[a-z]+[A-Z][a-z]"#, options: .regularExpression), "case name: \(what)")
                for name in ["Optional", "Swift.", "CaseStore", "SignedRecord", "StorageFailure", "CalendarDay", "codingPath", "debugDescription"] {
                    XCTAssertFalse(text.contains(name), what)
                }
                for survivor in Self.survivorTexts {
                    XCTAssertFalse(text.contains(survivor), "survivor data: \(what)")
                }
                XCTAssertFalse(text.contains("12.04."), "survivor date: \(what)")
                assertScript(text, language, what)
            }
        }
        // One message per storage failure reason, not one sentence with a pasted-in reason.
        let english = Messages.english
        let storage = Set([StorageFailure.diskFull, .cannotOpenOrWrite, .inputOutput, .cannotCreateFile, .engine, .nothingWritten]
            .map { ErrorMessages.text(for: CaseStoreError.storageFailure($0), messages: english) })
        XCTAssertEqual(storage.count, 6)
        for text in storage { XCTAssertFalse(text.contains("_"), text) }
        XCTAssertEqual(ErrorMessages.text(for: LeakyError(), messages: english), english("cli.error.unexpected"))
    }

    /// Serbian Cyrillic shows no Latin letters but the names, codes and commands it quotes;
    /// the Latin-script languages show no Cyrillic.
    func assertScript(_ text: String, _ language: Language, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let isCyrillic = { (scalar: Unicode.Scalar) in (0x0400...0x052F).contains(scalar.value) }
        if language == .serbianCyrillic {
            var prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            let quoted = [Self.path, Self.request, Self.code, Self.user, "sr-Cyrl.po", "rom.po", "en.po", "survivor_birth_date", "survivor.name", "de", "--lang"]
                + AccessAction.allCases.map(\.rawValue) + KeyPurpose.allCases.map(\.rawValue)
            for value in quoted.sorted(by: { $0.count > $1.count }) { prose = prose.replacingOccurrences(of: value, with: " ") }
            let latin = prose.unicodeScalars.filter { $0.properties.isAlphabetic && !isCyrillic($0) && $0.value < 0x0370 }
            XCTAssertTrue(latin.isEmpty, "Latin letters \(String(String.UnicodeScalarView(latin))) in \(what)", file: file, line: line)
        } else {
            XCTAssertFalse(text.unicodeScalars.contains(where: isCyrillic), "Cyrillic in \(what)", file: file, line: line)
        }
    }

    /// A user name or code read from the vault and carried by an error is escaped too.
    func testNamesInErrorsAreEscaped() {
        let text = ErrorMessages.text(for: CaseStoreError.untrustedSignature(.directoryEntry(user: "eve\n\u{1B}[2J")), messages: .english)
        XCTAssertFalse(text.contains("\n") || text.contains("\u{1B}"), text)
        XCTAssertTrue(text.contains(#"eve\n\x1b[2J"#), text)
    }
}
