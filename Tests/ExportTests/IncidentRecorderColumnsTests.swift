import Export
import XCTest

/// The columns must be the workbook's, in its order, or pasted rows land under the wrong headers.
final class IncidentRecorderColumnsTests: XCTestCase {
    /// The "Incident Data" headers as Primero's `config/locales/incident_recorder/en.yml` words them.
    static let workbookHeaders = [
        "INCIDENT ID", "SURVIVOR CODE", "CASE MANAGER CODE", "DATE OF INTERVIEW", "DATE OF INCIDENT", "DATE OF BIRTH", "SEX",
        "ETHNICITY", "COUNTRY OF ORIGIN", "CIVIL / MARITAL STATUS", "DISPLACEMENT STATUS AT REPORT", "PERSON WITH DISABILITY?",
        "UNACCOMPANIED OR SEPARATED CHILD?", "STAGE OF DISPLACEMENT AT INCIDENT", "INCIDENT TIME OF DAY", "INCIDENT LOCATION",
        "INCIDENT COUNTY", "INCIDENT DISTRICT", "INCIDENT CAMP / TOWN", "GBV TYPE", "HARMFUL TRADITIONAL PRACTICE",
        "MONEY, GOODS, BENEFITS AND / OR SERVICES EXCHANGED ?", "TYPE OF ABDUCTION", "PREVIOUSLY REPORTED THIS INCIDENT?",
        "PREVIOUS GBV INCIDENTS?", "No. ALLEGED PRIMARY PERPETRATOR(S)", "ALLEGED PERPETRATOR SEX",
        "PREVIOUS INCIDENT WITH THIS PERPETRATOR", "ALLEGED PERPETRATOR AGE GROUP", "ALLEGED PERPETRATOR - SURVIVOR RELATIONSHIP",
        "ALLEGED PERPETRATOR OCCUPATION", "REFERRED TO YOU FROM?", "SAFE HOUSE / SHELTER", "HEALTH / MEDICAL SERVICES",
        "PSYCHOSOCIAL SERVICES", "WANTS LEGAL ACTION?", "LEGAL ASSISTANCE SERVICES", "POLICE / OTHER SECURITY ACTOR",
        "LIVELIHOODS PROGRAM", "CHILD PROTECTION SERVICES / EDUCATION SERVICES", "CONSENT GIVEN", "REPORTING AGENCY CODE",
    ]

    func testTheColumnsAreTheWorkbooksFortyTwoInOrder() {
        XCTAssertEqual(IncidentRecorder.columns.count, 42)
        XCTAssertEqual(IncidentRecorder.columns, Self.workbookHeaders)
        XCTAssertEqual(IncidentRecorderColumn.allCases.map(\.rawValue), Array(0..<42), "a column's raw value is its position")
    }
}
