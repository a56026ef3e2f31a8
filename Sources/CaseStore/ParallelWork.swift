import Foundation

/// Runs pieces of CPU work that depend on nothing but their own input — sealing one new case,
/// checking one case's signature — on every processor, and gives the results back in order. A
/// bulk import or a search with a thousand matches is bound by such work, not by the database,
/// and a laptop has at least two cores. The first error in index order is thrown. (Public to the
/// benchmark's plaintext baseline only, which mirrors CaseStore step by step.)
@_spi(Benchmarks)
public enum ParallelWork {
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1 else { return try (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.put(Result { try body(index) }, at: index)
        }
        return try slots.results()
    }
}

/// One result per index, written side by side: each iteration of `concurrentPerform` writes only
/// its own slot of a buffer allocated once, and the slots are read after all have returned.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func put(_ result: Result<T, any Error>, at index: Int) {
        slots[index] = result
    }

    func results() throws -> [T] {
        try slots.map { slot in
            guard let slot else { throw CaseStoreError.storageFailure(.nothingWritten) }
            return try slot.get()
        }
    }
}
