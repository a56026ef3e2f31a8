import Intake
import XCTest

final class LanguageResolverTests: XCTestCase {
    struct Row: Decodable {
        let explicit: String?
        let env: [String: String]
        let expected: String?
        let error: String?
    }

    func testResolutionTable() throws {
        let rows = try Fixtures.decode([Row].self, "locale_resolution.json")
        for row in rows {
            let label = "\(row.explicit ?? "-") \(row.env.sorted { $0.key < $1.key })"
            do {
                let language = try LanguageResolver.resolve(explicit: row.explicit, environment: row.env)
                XCTAssertEqual(language.rawValue, row.expected, label)
                XCTAssertNil(row.error, label)
            } catch {
                XCTAssertEqual(error.source, row.error, label)
                XCTAssertNil(row.expected, label)
            }
        }
    }

    func testEveryLanguageResolvesFromItsOwnTag() throws {
        for language in Language.allCases {
            XCTAssertEqual(LanguageResolver.language(forTag: language.rawValue), language)
            XCTAssertEqual(try LanguageResolver.resolve(explicit: language.rawValue, environment: [:]), language)
        }
    }
}
