import Foundation
import Intake
import XCTest

final class LocaleFormatsTests: XCTestCase {
    let serbian = LocaleFormats(language: .serbianCyrillic)
    let romani = LocaleFormats(language: .romani)
    let english = LocaleFormats(language: .english)

    func day(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDay {
        try XCTUnwrap(CalendarDay(year: year, month: month, day: day))
    }

    func testDatesAreWrittenTheLanguagesWay() throws {
        let day = try day(2026, 3, 21)
        XCTAssertEqual(serbian.format(day), "21.03.2026.")
        XCTAssertEqual(LocaleFormats(language: .serbianLatin).format(day), "21.03.2026.")
        XCTAssertEqual(romani.format(day), "21.03.2026.")
        XCTAssertEqual(english.format(day), "2026-03-21")
    }

    func testDatesAreReadInEveryAcceptedForm() throws {
        let expected = try day(2026, 3, 21)
        for formats in [serbian, romani, english] {
            for text in ["21.03.2026.", "21.03.2026", "21.3.2026.", "21. 3. 2026.", " 2026-03-21 "] {
                XCTAssertEqual(formats.parseDate(text), expected, text)
            }
        }
    }

    func testImpossibleOrMalformedDatesAreRefused() {
        for text in ["31.02.2026.", "29.02.2025.", "00.01.2026.", "32.01.2026", "21.13.2026.", "2026-3-21", "21.03.26.",
                     "21/03/2026", "2026-02-30", "21..2026.", "", "٢١.٠٣.٢٠٢٦."] {
            XCTAssertNil(serbian.parseDate(text), text)
        }
        XCTAssertNotNil(serbian.parseDate("29.02.2024."), "leap day")
    }

    func testNumbersUseTheDecimalComma() {
        XCTAssertEqual(serbian.parseNumber("12,5"), Decimal(string: "12.5"))
        XCTAssertEqual(serbian.parseNumber("1.234,5"), Decimal(string: "1234.5"))
        XCTAssertEqual(serbian.parseNumber("35"), 35)
        XCTAssertEqual(serbian.parseNumber("-3"), -3)
        XCTAssertNil(serbian.parseNumber("12.5"), "a dot is not the Serbian decimal separator")
        XCTAssertNil(serbian.parseNumber("1.23"))
        XCTAssertNil(serbian.parseNumber("12,"))
        XCTAssertNil(serbian.parseNumber("3a"))
        XCTAssertEqual(english.parseNumber("12.5"), Decimal(string: "12.5"))
        XCTAssertEqual(english.parseNumber("1,234.5"), Decimal(string: "1234.5"))
        XCTAssertNil(english.parseNumber("12,5"))
        XCTAssertEqual(serbian.format(Decimal(string: "1234567.25") ?? 0), "1.234.567,25")
        XCTAssertEqual(romani.format(Decimal(string: "-12.5") ?? 0), "-12,5")
        XCTAssertEqual(english.format(1234), "1,234")
        XCTAssertEqual(serbian.format(120), "120")
    }

    func testCalendarDayEncodesAsISO() throws {
        let day = try day(1990, 5, 2)
        XCTAssertEqual(String(decoding: try JSONEncoder().encode([day]), as: UTF8.self), "[\"1990-05-02\"]")
        XCTAssertEqual(try JSONDecoder().decode([CalendarDay].self, from: Data("[\"1990-05-02\"]".utf8)), [day])
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDay].self, from: Data("[\"1990-02-31\"]".utf8)))
    }
}
