import XCTest

/// Runs every test case of a Wycheproof file through a check, then proves nothing was skipped:
/// the number of cases executed must equal the file's `numberOfTests`, every `tcId` must be
/// distinct, and each result kind the caller requires must have occurred at least once. A
/// loader that dropped groups or cases therefore fails instead of passing vacuously.
enum WycheproofRunner {
    /// How many cases ran, by expected result, plus any runner-specific counters.
    struct Tally: CustomStringConvertible {
        var executed = 0
        var byResult: [WycheproofResult: Int] = [:]
        var notes: [String: Int] = [:]

        var description: String {
            let kinds = WycheproofResult.allCases.map { "\($0.rawValue) \(byResult[$0, default: 0])" }.joined(separator: ", ")
            let extra = notes.keys.sorted().map { "\($0) \(notes[$0]!)" }.joined(separator: ", ")
            return "\(executed) vectors (\(kinds))" + (extra.isEmpty ? "" : "; \(extra)")
        }
    }

    /// Loads `fileName` and calls `check` once per test case, in file order. `check` reports
    /// mismatches through the `VectorCheck` it receives (which names the file and `tcId`); an
    /// error it throws is recorded as a failure of that case, and the run continues.
    @discardableResult
    static func run<Group: WycheproofTestGroup>(
        _ fileName: String,
        groupType: Group.Type,
        requiring required: Set<WycheproofResult>,
        file: StaticString = #filePath,
        line: UInt = #line,
        check: (Group, Group.TestCase, inout VectorCheck) throws -> Void
    ) throws -> Tally {
        let vectors = try WycheproofFile<Group>.load(fileName)
        var tally = Tally()
        var seenIds = Set<Int>()
        for group in vectors.testGroups {
            for test in group.tests {
                tally.executed += 1
                tally.byResult[test.result, default: 0] += 1
                XCTAssertTrue(seenIds.insert(test.tcId).inserted, "\(fileName) tcId \(test.tcId): duplicate tcId", file: file, line: line)
                var vector = VectorCheck(fileName: fileName, test: test, file: file, line: line)
                do {
                    try check(group, test, &vector)
                } catch {
                    vector.fail("unexpected error \(error)")
                }
                for (key, count) in vector.notes { tally.notes[key, default: 0] += count }
            }
        }
        XCTAssertGreaterThan(vectors.numberOfTests, 0, "\(fileName): numberOfTests is zero", file: file, line: line)
        XCTAssertEqual(tally.executed, vectors.numberOfTests, "\(fileName): executed \(tally.executed) of \(vectors.numberOfTests) tests", file: file, line: line)
        XCTAssertEqual(seenIds.count, vectors.numberOfTests, "\(fileName): distinct tcIds", file: file, line: line)
        for kind in required.sorted(by: { $0.rawValue < $1.rawValue }) {
            XCTAssertGreaterThan(tally.byResult[kind, default: 0], 0, "\(fileName): no \(kind.rawValue) vector ran", file: file, line: line)
        }
        print("[wycheproof] \(fileName) (\(vectors.algorithm)): \(tally)")
        return tally
    }
}

/// Expectations for one test case: every failure message starts with the file name, `tcId`,
/// expected result and comment, so a failing vector can be found in the JSON directly.
struct VectorCheck {
    let prefix: String
    let file: StaticString
    let line: UInt
    /// Runner-specific counters (for example "refused by API"), summed into the tally.
    var notes: [String: Int] = [:]

    init(fileName: String, test: some WycheproofTestCase, file: StaticString, line: UInt) {
        prefix = "\(fileName) tcId \(test.tcId) [\(test.result.rawValue)] \"\(test.comment)\" \(test.flags): "
        self.file = file
        self.line = line
    }

    /// Records a failure of this case.
    func fail(_ message: String) {
        XCTFail(prefix + message, file: file, line: line)
    }

    /// Records a failure of this case unless `condition` holds.
    func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Adds one to the counter `name`.
    mutating func note(_ name: String) {
        notes[name, default: 0] += 1
    }
}
