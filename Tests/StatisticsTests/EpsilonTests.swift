import Statistics
import XCTest

final class EpsilonTests: XCTestCase {
    func testAcceptedForms() throws {
        XCTAssertEqual(try Epsilon("0.5").units, 5_000)
        XCTAssertEqual(try Epsilon("0,25").units, 2_500)
        XCTAssertEqual(try Epsilon("1").units, 10_000)
        XCTAssertEqual(try Epsilon("0.0001").units, 1)
        XCTAssertEqual(try Epsilon("100").units, 1_000_000)
        XCTAssertEqual(try Epsilon("0.50000").units, 5_000)
        XCTAssertEqual(try Epsilon("007.5").units, 75_000)
    }

    func testRefusedForms() {
        let cases: [(String, EpsilonError)] = [
            ("0", .notPositive), ("0.0", .notPositive), ("-1", .notPositive), ("-0.5", .notPositive),
            ("abc", .notANumber), ("", .notANumber), ("1e3", .notANumber), (".5", .notANumber), ("1.", .notANumber),
            ("1.2.3", .notANumber), (" 1", .notANumber), ("+1", .notANumber), ("1,5.0", .notANumber),
            ("0.00001", .tooPrecise), ("1.23456", .tooPrecise),
            ("101", .tooLarge), ("100.0001", .tooLarge), ("99999999999999999999999", .tooLarge),
        ]
        for (text, error) in cases {
            XCTAssertThrowsError(try Epsilon(text), "\"\(text)\"") { XCTAssertEqual($0 as? EpsilonError, error, "\"\(text)\"") }
        }
    }

    func testArithmeticIsExact() throws {
        XCTAssertEqual(try Epsilon("0.1") + Epsilon("0.2"), try Epsilon("0.3"))
        XCTAssertEqual(try Epsilon("1") - Epsilon("0.9999"), try Epsilon("0.0001"))
        XCTAssertThrowsError(try Epsilon("0.5") - Epsilon("0.5")) { XCTAssertEqual($0 as? EpsilonError, .notPositive) }
        XCTAssertEqual((try Epsilon("60") + Epsilon("60")).description, "120")
    }

    func testCanonicalDescriptionAndOrder() throws {
        XCTAssertEqual(try Epsilon("0,50").description, "0.5")
        XCTAssertEqual(try Epsilon("1.0").description, "1")
        XCTAssertEqual(try Epsilon("0.0001").description, "0.0001")
        XCTAssertEqual(try Epsilon("12.345").description, "12.345")
        XCTAssertLessThan(try Epsilon("0.25"), try Epsilon("0.3"))
    }

    func testUnitsInitializer() {
        XCTAssertThrowsError(try Epsilon(units: 0)) { XCTAssertEqual($0 as? EpsilonError, .notPositive) }
        XCTAssertThrowsError(try Epsilon(units: 1_000_001)) { XCTAssertEqual($0 as? EpsilonError, .tooLarge) }
    }
}
