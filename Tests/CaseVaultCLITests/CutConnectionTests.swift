import Foundation
import TestSupport
import XCTest

/// Issue 14: the connection to PostgreSQL cut in the middle of a write, at many points of the
/// write's traffic (`CuttingProxy`): in the login, mid-statement, before COMMIT, after COMMIT
/// before its reply. Each cut command must end (no hang, no crash) with a clear message, and the
/// database, read directly, must hold the whole write or none of it, with an audit trail that
/// verifies. CI cuts at a sample of points; `scripts/concurrency` sweeps many more.
final class CutConnectionTests: XCTestCase {
    /// Cut points per write command (`CASEVAULT_CUT_POINTS`, default 6).
    private var cutPoints: Int {
        ProcessInfo.processInfo.environment["CASEVAULT_CUT_POINTS"].flatMap(Int.init) ?? 6
    }

    /// What the user may be told when the connection is cut: it broke, or could not be made.
    private static let clearMessages = [
        "casevault: error: the connection to the database server broke; each change is saved whole or not at all",
        "casevault: error: the database server cannot be reached",
    ]

    func testANoteCutAnywhereIsStoredWholeOrNotAtAll() throws {
        try sweep(.note)
    }

    func testAnIntakeCutAnywhereIsStoredWholeOrNotAtAll() throws {
        try sweep(.intake)
    }

    private enum Write: String { case note, intake }

    /// How the cuts ended.
    private struct Tally {
        var refusedNothingStored = 0
        var refusedButStored = 0
        var acknowledged = 0
    }

    private func sweep(_ write: Write) throws {
        let office = try WritingOffice(.postgresql, for: self)
        try office.makeVault(caseworkers: ["maja"])
        let database = try XCTUnwrap(office.database)
        let code = try XCTUnwrap(try office.intake(as: "maja").code)
        let port = try XCTUnwrap(URLComponents(string: database.url)?.port)
        func through(_ proxy: CuttingProxy) -> String { database.url.replacingOccurrences(of: ":\(port)/", with: ":\(proxy.port)/") }
        func attempt(_ number: Int, via vault: String) throws -> CLIProcess.Result {
            switch write {
            case .note: try office.note("note \(number)", on: code, as: "maja", vault: vault, timeout: 60)
            case .intake: try office.intake(as: "maja", vault: vault, timeout: 60).result
            }
        }

        // A write's traffic grows with the vault (the writer reads the audit trail's end), so it
        // is measured again, uncut, before each cut and the cut placed from the end of the next.
        var measured: [Int] = []
        func measure(_ number: Int) throws -> Int {
            let proxy = try CuttingProxy(upstreamPort: port, cutAfter: nil)
            XCTAssertEqual(try attempt(number, via: through(proxy)).status, 0)
            measured.append(try proxy.stop().bytes)
            return measured.last! + (measured.count > 1 ? measured.last! - measured[measured.count - 2] : 0)
        }
        let traffic = try measure(-1)
        var tally = Tally()
        for (number, point) in Self.points(in: traffic, count: cutPoints).enumerated() {
            let bytes = max(0, try measure(-2 - number) - (traffic - point))
            let before = try office.storedNotes(of: "maja")
            let proxy = try CuttingProxy(upstreamPort: port, cutAfter: bytes)
            let result = try attempt(number + 1, via: through(proxy))
            let cut = try proxy.stop().cut
            let after = try office.storedNotes(of: "maja")
            let stored: Bool
            switch write {
            case .note:
                let added = (after[code]?.count ?? 0) - (before[code]?.count ?? 0)
                XCTAssertTrue(added == 0 || (added == 1 && after[code]?.last == "note \(number + 1)"), "\(bytes) bytes: \(added) notes")
                stored = added == 1
                XCTAssertEqual(Set(after.keys), Set(before.keys), "\(bytes) bytes")
            case .intake:
                let added = Set(after.keys).subtracting(before.keys)
                XCTAssertLessThanOrEqual(added.count, 1, "\(bytes) bytes")
                stored = added.count == 1
                if result.status == 0 { XCTAssertEqual(added, [result.out.trimmingCharacters(in: .whitespacesAndNewlines)]) }
            }
            if result.status == 0 {
                XCTAssertTrue(stored, "\(bytes) bytes: acknowledged but not stored")
                tally.acknowledged += 1
            } else {
                XCTAssertTrue(cut, "\(bytes) bytes: failed without a cut: \(result.err)")
                XCTAssertEqual(result.status, 1, "\(bytes) bytes: crashed or hung: \(result.err)")
                XCTAssertTrue(Self.clearMessages.contains { result.err.hasPrefix($0) }, "\(bytes) bytes: \(result.err)")
                if stored { tally.refusedButStored += 1 } else { tally.refusedNothingStored += 1 }
            }
            XCTAssertTrue(try office.auditVerifies(), "\(bytes) bytes")
        }
        let digest = try database.psql("SELECT count(*) FROM audit_log") + " audit rows"
        print("cut connection, \(write.rawValue): \(traffic) bytes a write, \(cutPoints) cut points: "
              + "\(tally.refusedNothingStored) failed with nothing stored, \(tally.refusedButStored) failed after the write was stored "
              + "(reply lost), \(tally.acknowledged) acknowledged and stored; \(digest)")
        XCTAssertGreaterThan(tally.refusedNothingStored, 0, "no cut landed before the write: the test proved nothing")
    }

    /// `count` byte counts over a write's `traffic`: half spread evenly from its start, half
    /// closing in on its end geometrically (the last tenth down to its last byte), where COMMIT
    /// and its reply travel.
    static func points(in traffic: Int, count: Int) -> [Int] {
        let early = count / 2, late = count - early
        let tail = Double(max(traffic / 10, 1))
        return (0..<early).map { $0 * traffic / early }
            + (0..<late).map { traffic - Int(pow(tail, 1 - Double($0) / Double(max(late - 1, 1))).rounded()) }
    }
}
