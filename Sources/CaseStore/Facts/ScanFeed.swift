import Foundation

/// Reads the rows of a scan on a second thread, in batches, while the caller opens, decodes and
/// counts the previous ones: for a statistics scan the two halves take about as long as each
/// other, and the machines this runs on have two cores. The reader stays at most `depth` batches
/// ahead; when the caller stops early (a tamper error, a thrown count) the reader is told to stop
/// and is waited for, so no read outlives the scan. Public for `casevault-bench` only, whose
/// plaintext baseline must read the same way.
@_spi(Benchmarks)
public final class ScanFeed<Row: Sendable>: @unchecked Sendable {
    private let batchSize = 1_024
    private let depth = 4

    private let condition = NSCondition()
    private var batches: [[Row]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false

    /// Starts `scan`, which calls its argument once per row, on its own thread.
    public init(_ scan: @escaping @Sendable (_ row: (Row) throws -> Void) throws -> Void) {
        let thread = Thread { [self] in read(scan) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next batch in order; nil once every row has been given. Rethrows a read failure.
    public func next() throws -> [Row]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the reader to stop and waits until it has.
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func read(_ scan: (_ row: (Row) throws -> Void) throws -> Void) {
        var batch: [Row] = []
        batch.reserveCapacity(batchSize)
        var failure: (any Error)?
        do {
            try scan { row in
                batch.append(row)
                if batch.count == batchSize {
                    try hand(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        } catch is Stopped {
            return finish(nil)
        } catch {
            failure = error
        }
        // The rows read before a failure are given before it.
        if !batch.isEmpty, (try? hand(batch)) == nil { return finish(nil) }
        finish(failure)
    }

    /// Gives a batch to the caller, waiting while it is `depth` batches behind.
    private func hand(_ batch: [Row]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= depth && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        batches.append(batch)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private struct Stopped: Error {}
}
