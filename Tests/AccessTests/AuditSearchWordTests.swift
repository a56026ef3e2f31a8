import Access
import CaseStore
import Foundation
import XCTest

/// SECURITY.md claim: audit payloads never contain names, narratives or search words. Searches
/// (found, not found, in Cyrillic, folded, denied to a role) are made with distinctive words;
/// then every audit entry is opened with the auditor's key and no detail may hold any of them,
/// in any letter case or folded form.
final class AuditSearchWordTests: XCTestCase {
    /// Folds as the blind index does, roughly: lower case, Cyrillic to Latin, no diacritics, đ → dj.
    private func folded(_ text: String) -> String {
        let latin = text.applyingTransform(StringTransform("Cyrillic-Latin"), reverse: false) ?? text
        return latin.lowercased().replacingOccurrences(of: "đ", with: "dj")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    func testNoSearchWordInAnyAuditDetail() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let name = "Dragoslava Zlatoperić-Vuksanđelović"
        _ = try maja.createCases([fixture.document(name)])
        let searches = [
            name, "Драгослава Златоперић", "dragoslava zlatoperic", "ZLATOPERIĆ", "vuksandjelovic",
            "Bezimena Nepostojićka", "Квргуљица",
        ]
        XCTAssertEqual(try maja.findCases(name: name).count, 1, "the search works, so the check below is real")
        for query in searches.dropFirst() { _ = try maja.findCases(name: query) }
        let sofija = try fixture.login("sofija")
        XCTAssertThrowsError(try sofija.findCases(name: "Odbijena Supervizorkić"))
        let ivan = try fixture.login("ivan")
        XCTAssertThrowsError(try ivan.findCases(name: "Revizorova Traženka"))

        let entries = try ivan.auditLog(AuditFilter())
        let finds = entries.filter { $0.action == AuditAction.caseFind.rawValue }
        XCTAssertEqual(finds.count, searches.count + 2, "every search, allowed or denied, is audited")
        XCTAssertTrue(finds.contains { $0.details["matches"] == "1" }, "the auditor opens the details: \(finds.map(\.details))")
        let words = (searches + ["Odbijena Supervizorkić", "Revizorova Traženka"])
            .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) }
        XCTAssertGreaterThan(words.count, 10)
        for entry in entries {
            let text = ([entry.actor, entry.action, entry.caseCode ?? ""] + entry.details.keys + entry.details.values).joined(separator: "\n")
            for word in words {
                XCTAssertFalse(folded(text).contains(folded(word)), "\(entry.action) entry \(entry.seq) holds the search word \(word): \(entry.details)")
            }
        }
    }
}
