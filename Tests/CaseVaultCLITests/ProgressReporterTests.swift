@testable import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// The progress bar: drawn only for work that lasts, never more than twice a second, ending at
/// 100%, fitting 80 columns in every language.
final class ProgressReporterTests: XCTestCase {
    private final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 0)
    }

    private final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        var value: String { lock.withLock { text } }
    }

    private func reporter(total: Int, language: String = "en", showsCounts: Bool = true) throws -> (ProgressReporter, Clock, Captured) {
        let clock = Clock()
        let captured = Captured()
        let messages = Messages.load(try XCTUnwrap(Language(rawValue: language)))
        let console = Console(out: { _ in }, err: { captured.append($0) }, messages: messages)
        return (ProgressReporter(total: total, console: console, showsCounts: showsCounts, now: { clock.now }), clock, captured)
    }

    func testQuickWorkShowsNothing() throws {
        let (progress, _, captured) = try reporter(total: 1000)
        for done in 1...1000 { progress.update(done) }
        progress.finish()
        XCTAssertEqual(captured.value, "")
    }

    func testLongWorkDrawsABarAtMostTwiceASecondAndEndsAtAHundredPercent() throws {
        let (progress, clock, captured) = try reporter(total: 10_000)
        for done in 1...10_000 {
            clock.now += 0.001
            progress.update(done)
        }
        progress.finish()
        let frames = captured.value.split(separator: "\r").map(String.init)
        XCTAssertEqual(frames.count, 20, "10 s of work, a frame every half second")
        XCTAssertEqual(frames.first, "Sealing cases [#-------------------]   5%  500/10,000")
        XCTAssertEqual(frames.last, "Sealing cases [####################] 100%  10,000/10,000\n")
    }

    func testTheLastFrameIsDrawnEvenWithinHalfASecond() throws {
        let (progress, clock, captured) = try reporter(total: 3)
        clock.now += 0.6
        progress.update(1)
        progress.update(3)
        progress.finish()
        XCTAssertEqual(captured.value, "\rSealing cases [######--------------]  33%  1/3\rSealing cases [####################] 100%  3/3\n")
    }

    func testWithoutCountsOnlyThePercentageFollowsTheBar() throws {
        let (progress, _, _) = try reporter(total: 4096, showsCounts: false)
        XCTAssertEqual(progress.line(done: 1024, of: 4096), "Sealing cases [#####---------------]  25%")
    }

    func testEveryLanguageFitsEightyColumnsForTheLongestLabelAndCounts() throws {
        for language in ["en", "sr-Cyrl", "sr-Latn", "rom"] {
            let messages = Messages.load(try XCTUnwrap(Language(rawValue: language)))
            for id in ["cli.progress.sealing_cases", "cli.progress.rewrapping_keys", "cli.progress.copying_vault", "cli.progress.checking_backup"] {
                let console = Console(out: { _ in }, err: { _ in }, messages: messages)
                let line = ProgressReporter(console: console, label: messages(id)).line(done: 99_999, of: 100_000)
                XCTAssertLessThanOrEqual(line.count, 80, "\(language) \(id): \(line)")
            }
        }
    }
}
