import CaseStore
import XCTest

final class ExportProfileTests: XCTestCase {
    /// The profile names are typed on the command line and stored in the export ledger.
    func testProfileNamesAreStable() {
        XCTAssertEqual(ExportProfile.allCases.map(\.rawValue), ["survivor", "referral", "incident-recorder"])
    }
}
