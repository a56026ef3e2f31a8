import CaseStore
import Export
import Foundation
import XCTest

/// A referral export carries only what the service's allowlist names, and only with consent.
final class ReferralProfileTests: XCTestCase {
    func testEveryKeyPathOfEveryServicesExportIsOnItsAllowlist() throws {
        let document = try ProfileFixture.document()
        for service in ReferralService.allCases {
            let export = try ReferralProfile.document(document, for: service)
            let paths = try Self.keyPaths(of: export)
            let allowed = ReferralAllowlist(service).keyPaths
            XCTAssertEqual(paths.subtracting(allowed), [], "\(service.rawValue) carries fields off its allowlist")
            XCTAssertTrue(paths.isSuperset(of: ["survivor.name", "consent.sharing", "intake.safe_to_call"]), service.rawValue)
        }
    }

    func testOnlyThatServicesReferralsAndConsentTravel() throws {
        let document = try ProfileFixture.document()
        for service in ReferralService.allCases {
            let export = try ReferralProfile.document(document, for: service)
            XCTAssertEqual(export.consent, CaseDocument.Consent(statistics: false, sharing: [service]), service.rawValue)
            XCTAssertEqual(export.work?.referrals ?? [], document.work?.referrals.filter { $0.service == service }, service.rawValue)
            XCTAssertEqual(export.work?.notes ?? [], [])
            XCTAssertEqual(export.work?.followUps ?? [], [])
            XCTAssertNil(export.work?.plan)
            XCTAssertNil(export.work?.closure)
            XCTAssertFalse(export.intake?.keys.contains { $0.hasPrefix("consent_") } ?? false, "no consent answer travels")
        }
        XCTAssertNil(try ReferralProfile.document(document, for: .livelihood).work, "no referral to livelihood was recorded")
    }

    func testNoServiceGetsTheNarrativeNotesOrPlan() throws {
        let document = try ProfileFixture.document()
        let secrets = ["pijaci", "nožem", "incident_narrative", "narrative", "muž zna", "sigurnu kuću", "plavi kaput", "survivor_name"]
        for service in ReferralService.allCases {
            let json = String(decoding: try JSONEncoder().encode(ReferralProfile.document(document, for: service)), as: UTF8.self)
            for secret in secrets { XCTAssertFalse(json.contains(secret), "\(service.rawValue) export contains \(secret)") }
        }
    }

    func testHealthWithoutPoliceGetsNoPoliceOnlyFieldAndPoliceIsRefused() throws {
        var document = try ProfileFixture.document()
        document.consent.sharing = [.health]
        let health = try ReferralProfile.document(document, for: .health)
        let policeOnly = ReferralAllowlist(.police).keyPaths.subtracting(ReferralAllowlist(.health).keyPaths)
        XCTAssertTrue(policeOnly.isSuperset(of: ["intake.weapons", "intake.incident_place", "survivor.municipality"]))
        XCTAssertEqual(try Self.keyPaths(of: health).intersection(policeOnly), [])
        XCTAssertEqual(health.work?.referrals.map(\.service), [.health])
        XCTAssertEqual(health.survivor.birthDate, "1990-05-02", "what health needs is there")
        XCTAssertEqual(health.incident.date, "2026-02-27")
        XCTAssertThrowsError(try ReferralProfile.document(document, for: .police)) {
            XCTAssertEqual($0 as? ReferralProfileError, .noConsent(.police))
        }
    }

    func testWithdrawnOrNeverGivenConsentIsRefused() throws {
        var document = try ProfileFixture.document()
        for sharing in [[], nil] as [[ReferralService]?] {
            document.consent.sharing = sharing
            for service in ReferralService.allCases {
                XCTAssertThrowsError(try ReferralProfile.document(document, for: service)) {
                    XCTAssertEqual($0 as? ReferralProfileError, .noConsent(service))
                }
            }
        }
    }

    func testTheRefusalSaysNothingAboutTheSurvivor() {
        let text = String(describing: ReferralProfileError.noConsent(.police))
        XCTAssertFalse(text.contains("Јелена") || text.contains("K7QM"), text)
    }

    /// Every key path of the JSON encoding of `document` that holds a value (array positions left
    /// out; an empty array holds none), each intake answer a leaf of its own.
    static func keyPaths(of document: CaseDocument) throws -> Set<String> {
        var paths: Set<String> = []
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let object as [String: Any]: for (key, inner) in object { walk(inner, path.isEmpty ? key : path + "." + key) }
            case let array as [Any]: for inner in array { walk(inner, path) }
            default: paths.insert(path)
            }
        }
        walk(try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)), "")
        return paths
    }
}
