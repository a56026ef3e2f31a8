@testable import CaseVaultCLI
import Intake
import XCTest

/// Romani awaits native review, and a Romani session says so on screen (issue 9); reviewed
/// languages show no such notice.
final class ReviewNoticeTests: XCTestCase {
    func testOnlyTheLanguageAwaitingReviewHasANotice() throws {
        let romani = try XCTUnwrap(Messages.load(.romani).reviewNotice)
        XCTAssertNotEqual(romani, Messages.english("cli.notice.awaiting_review"), "the notice is in Romani")
        for language in [Language.english, .serbianCyrillic, .serbianLatin] {
            XCTAssertNil(Messages.load(language).reviewNotice, language.rawValue)
        }
    }
}
