@testable import CaseStore
import XCTest

/// The GBVIMS buckets statistics are counted in (issue 10).
final class BucketTests: XCTestCase {
    func day(_ iso: String) -> CivilDay { CivilDay(iso: iso)! }

    func testReportingDelayUsesHalfOpenRanges() {
        let incident = day("2026-02-26")
        let expected: [(Int, ReportingDelay)] = [(0, .upTo3Days), (3, .upTo3Days), (4, .from4To5Days), (5, .from4To5Days),
                                                 (6, .from6To14Days), (14, .from6To14Days), (15, .from15To30Days),
                                                 (30, .from15To30Days), (31, .over30Days)]
        for (days, bucket) in expected {
            XCTAssertEqual(ReportingDelay(days: days), bucket, "\(days) days")
        }
        // Counted across month ends and a leap day from the calendar, not from a clock.
        XCTAssertEqual(ReportingDelay(incident: incident, report: day("2026-03-02")), .from4To5Days, "26 Feb → 2 Mar is 4 days")
        XCTAssertEqual(ReportingDelay(incident: day("2028-02-27"), report: day("2028-03-02")), .from4To5Days, "a leap year: 4 days")
        XCTAssertEqual(ReportingDelay(incident: day("2027-12-31"), report: day("2028-01-31")), .over30Days)
        XCTAssertEqual(ReportingDelay(incident: nil, report: day("2026-03-02")), .unknown, "a missing date")
        XCTAssertEqual(ReportingDelay(incident: day("2026-03-02"), report: nil), .unknown)
        XCTAssertEqual(ReportingDelay(incident: day("2026-03-03"), report: day("2026-03-02")), .unknown, "reported before it happened")
    }

    func testAgeGroupAtTheIncident() {
        XCTAssertEqual(AgeGroup(birthDate: day("2008-06-15"), incidentDate: day("2026-06-14"), statedAge: nil), .from12To17, "17 the day before her birthday")
        XCTAssertEqual(AgeGroup(birthDate: day("2008-06-15"), incidentDate: day("2026-06-15"), statedAge: nil), .from18To25, "18 on it")
        XCTAssertEqual(AgeGroup(birthDate: day("2008-02-29"), incidentDate: day("2026-02-28"), statedAge: nil), .from12To17)
        XCTAssertEqual(AgeGroup(birthDate: day("2008-02-29"), incidentDate: day("2026-03-01"), statedAge: nil), .from18To25)
        XCTAssertEqual(AgeGroup(birthDate: nil, incidentDate: day("2026-06-15"), statedAge: 41), .from41To60, "the stated age")
        XCTAssertEqual(AgeGroup(birthDate: day("1990-01-01"), incidentDate: nil, statedAge: 61), .from61, "no incident date: the stated age")
        XCTAssertEqual(AgeGroup(birthDate: day("2030-01-01"), incidentDate: day("2026-01-01"), statedAge: nil), .unknown, "born after the incident")
        XCTAssertEqual(AgeGroup(birthDate: nil, incidentDate: nil, statedAge: nil), .unknown)
        let bounds: [(Int, AgeGroup)] = [(0, .upTo11), (11, .upTo11), (12, .from12To17), (17, .from12To17), (18, .from18To25), (25, .from18To25),
                                         (26, .from26To40), (40, .from26To40), (41, .from41To60), (60, .from41To60), (61, .from61), (-1, .unknown)]
        for (age, group) in bounds { XCTAssertEqual(AgeGroup(age: age), group, "\(age)") }
    }
}
