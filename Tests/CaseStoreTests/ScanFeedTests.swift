@_spi(Benchmarks) @testable import CaseStore
import Foundation
import XCTest

/// The reading thread of a statistics scan: every row in order, a read failure passed on after
/// the rows before it, and a scan stopped early leaves no reader behind.
final class ScanFeedTests: XCTestCase {
    struct Failure: Error, Equatable {}

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func testEveryRowArrivesInOrder() throws {
        let feed = ScanFeed<Int> { row in for value in 0..<10_000 { try row(value) } }
        defer { feed.stop() }
        var received: [Int] = []
        while let batch = try feed.next() { received += batch }
        XCTAssertEqual(received, Array(0..<10_000))
    }

    func testAReadFailureComesAfterTheRowsBeforeIt() throws {
        let feed = ScanFeed<Int> { row in
            for value in 0..<3_000 { try row(value) }
            throw Failure()
        }
        defer { feed.stop() }
        var received = 0
        XCTAssertThrowsError(try { while let batch = try feed.next() { received += batch.count } }()) { XCTAssertEqual($0 as? Failure, Failure()) }
        XCTAssertEqual(received, 3_000)
    }

    func testAScanStoppedEarlyStopsItsReader() throws {
        let produced = Counter()
        let feed = ScanFeed<Int> { row in
            for value in 0..<1_000_000 {
                produced.increment()
                try row(value)
            }
        }
        XCTAssertNotNil(try feed.next())
        feed.stop()
        let atStop = produced.count
        XCTAssertLessThan(atStop, 1_000_000, "the reader stopped instead of reading everything")
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(produced.count, atStop, "nothing is read after stop returns")
    }
}
