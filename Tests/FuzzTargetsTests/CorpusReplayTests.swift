import Foundation
import FuzzTargets
import XCTest

/// CI's short version of fuzzing: every committed corpus input and every regression (an input
/// that once failed) runs through its target in the plain debug build. A violated property traps.
final class CorpusReplayTests: XCTestCase {
    private static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    private func inputs(_ kind: String, _ target: String) throws -> [URL] {
        let directory = Self.fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
    }

    func testEveryTargetHasSeeds() throws {
        for target in FuzzTarget.all {
            XCTAssertFalse(try inputs("corpus", target.name).isEmpty, "Fuzz/corpus/\(target.name) is empty")
        }
    }

    func testNoCorpusDirectoryWithoutTarget() throws {
        for kind in ["corpus", "regressions"] {
            let directory = Self.fuzzDirectory.appendingPathComponent(kind)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                XCTAssertNotNil(FuzzTarget.named(name), "Fuzz/\(kind)/\(name) has no target")
            }
        }
    }

    func testCorpusAndRegressionsReplayClean() throws {
        var count = 0
        for target in FuzzTarget.all {
            for file in try inputs("corpus", target.name) + inputs("regressions", target.name) {
                target.run(try Data(contentsOf: file))
                count += 1
            }
        }
        XCTAssertGreaterThan(count, FuzzTarget.all.count)
    }
}
