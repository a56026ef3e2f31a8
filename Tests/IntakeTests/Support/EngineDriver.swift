import Intake
import XCTest

/// Drives an engine through typed answers, checking that it asks exactly the expected questions.
struct EngineDriver {
    var engine: IntakeEngine

    /// Answers `[path, typed]` pairs in order; fails if the engine asks something else.
    mutating func run(_ script: [[String]], file: StaticString = #filePath, line: UInt = #line) {
        for pair in script {
            guard pair.count == 2 else { return XCTFail("bad script entry \(pair)", file: file, line: line) }
            guard let current = engine.current else {
                return XCTFail("engine finished before \(pair[0])", file: file, line: line)
            }
            XCTAssertEqual(current.path.description, pair[0], file: file, line: line)
            guard current.path.description == pair[0] else { return }
            do {
                try engine.answer(pair[1])
            } catch {
                return XCTFail("\(pair[0]): \(error.problem)", file: file, line: line)
            }
        }
    }

    /// Answers with `answers[path]` (or "" when absent) until the engine reaches `target`.
    mutating func advance(to target: String, with answers: [String: String], file: StaticString = #filePath, line: UInt = #line) {
        var guardCount = 0
        while let current = engine.current, current.path.description != target, guardCount < 200 {
            guardCount += 1
            do {
                try engine.answer(answers[current.path.description] ?? "")
            } catch {
                return XCTFail("\(current.path): \(error.problem)", file: file, line: line)
            }
        }
        XCTAssertEqual(engine.current?.path.description, target, file: file, line: line)
    }

    /// The typed answers of a complete English intake (physical assault, one perpetrator).
    static let englishAnswers: [String: String] = [
        "consent_services": "yes", "consent_share_psychosocial": "yes", "consent_share_legal": "yes",
        "consent_share_health": "no", "consent_share_safety": "yes", "consent_share_police": "no",
        "consent_share_social_welfare": "no", "consent_share_livelihood": "no", "consent_statistics": "yes",
        "survivor_name": "Ana Petrović", "birth_date_known": "no", "age": "34", "survivor_sex": "1",
        "service_language": "1", "survivor_municipality": "1", "report_date": "2026-03-21",
        "incident_date": "2026-03-19", "incident_place": "1", "incident_municipality": "1",
        "type_rape": "no", "type_sexual_assault": "no", "type_physical_assault": "yes",
        "context_ipv": "yes", "context_child_sexual_abuse": "no", "context_early_marriage": "no", "perpetrators": "1",
        "perpetrators[0].perpetrator_sex": "2", "perpetrators[0].perpetrator_relationship": "1",
        "immediate_danger": "no", "weapons": "3", "threats_to_kill": "2", "children_at_risk": "2",
        "needs_shelter": "no", "services_requested": "1, 2",
    ]
}
