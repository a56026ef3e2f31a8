import Access
import CaseStore
import Foundation
import XCTest

/// `docs/roles.md` is the policy's specification: this test reads its table and checks
/// `Policy.decide` for every role × action × (own case / someone else's case / the vault).
final class PolicyTableTests: XCTestCase {
    static var rolesFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/roles.md")
    }

    func table() throws -> [String: [Role: String]] {
        let text = try String(contentsOf: Self.rolesFile, encoding: .utf8)
        var rows: [String: [Role: String]] = [:]
        var header: [Role] = []
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "action" {
                header = try cells.dropFirst().map { try XCTUnwrap(Role(rawValue: $0), "unknown role column \($0)") }
                continue
            }
            guard let action = cells.first, !action.hasPrefix("---") else { continue }
            XCTAssertNil(rows[action], "row \(action) appears twice")
            rows[action] = Dictionary(uniqueKeysWithValues: zip(header, cells.dropFirst()))
        }
        return rows
    }

    func testTableCoversEveryActionAndRole() throws {
        let rows = try table()
        XCTAssertEqual(Set(rows.keys), Set(AccessAction.allCases.map(\.rawValue)))
        for (action, cells) in rows {
            XCTAssertEqual(Set(cells.keys), Set(Role.allCases), action)
            XCTAssertTrue(cells.values.allSatisfy { ["allow", "deny", "assigned"].contains($0) }, action)
        }
    }

    func testDecideMatchesEveryCell() throws {
        var checked = 0
        for (actionName, cells) in try table() {
            let action = try XCTUnwrap(AccessAction(rawValue: actionName))
            for (role, cell) in cells {
                let actor = Actor(name: "me", role: role)
                let own = Policy.decide(actor: actor, action: action, resource: .caseFile(code: "AAAA-AAAA", assignee: "me"))
                let other = Policy.decide(actor: actor, action: action, resource: .caseFile(code: "BBBB-BBBB", assignee: "someone"))
                let unassigned = Policy.decide(actor: actor, action: action, resource: .caseFile(code: "CCCC-CCCC", assignee: nil))
                let vault = Policy.decide(actor: actor, action: action, resource: .vault)
                switch cell {
                case "allow":
                    XCTAssertEqual([own, other, unassigned, vault], Array(repeating: .allow, count: 4), "\(role) \(actionName)")
                case "deny":
                    XCTAssertEqual([own, other, unassigned, vault], Array(repeating: .deny(.roleNotPermitted), count: 4), "\(role) \(actionName)")
                default:
                    XCTAssertEqual(own, .allow, "\(role) \(actionName) own")
                    XCTAssertEqual([other, unassigned, vault], Array(repeating: .deny(.notAssigned), count: 3), "\(role) \(actionName) other")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, AccessAction.allCases.count * Role.allCases.count)
    }
}

/// The survivors' rights rows of docs/roles.md, pinned here too, so that an edit of the table
/// alone cannot widen them.
final class RightsPolicyTests: XCTestCase {
    func testRightsRows() {
        let expected: [(AccessAction, [Role: String])] = [
            (.caseErase, [.caseworker: "assigned", .supervisor: "allow", .admin: "deny", .auditor: "deny"]),
            (.caseCorrect, [.caseworker: "assigned", .supervisor: "deny", .admin: "deny", .auditor: "deny"]),
            (.casePurge, [.caseworker: "assigned", .supervisor: "deny", .admin: "deny", .auditor: "deny"]),
            (.retentionManage, [.caseworker: "deny", .supervisor: "deny", .admin: "allow", .auditor: "deny"]),
            (.retentionRun, [.caseworker: "deny", .supervisor: "allow", .admin: "deny", .auditor: "deny"]),
        ]
        for (action, cells) in expected {
            for (role, cell) in cells {
                let actor = Actor(name: "me", role: role)
                let own = Policy.decide(actor: actor, action: action, resource: .caseFile(code: "AAAA-AAAA", assignee: "me"))
                let other = Policy.decide(actor: actor, action: action, resource: .caseFile(code: "BBBB-BBBB", assignee: "someone"))
                switch cell {
                case "allow": XCTAssertEqual([own, other], [.allow, .allow], "\(role) \(action)")
                case "deny": XCTAssertEqual([own, other], [.deny(.roleNotPermitted), .deny(.roleNotPermitted)], "\(role) \(action)")
                default: XCTAssertEqual([own, other], [.allow, .deny(.notAssigned)], "\(role) \(action)")
                }
            }
        }
    }
}
