import Foundation

/// A one-line progress counter on stderr for batches that take more than a moment.
final class ProgressReporter {
    let total: Int
    let console: Console
    private var lastShown = Date()
    private var shown = false

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
    }

    func update(_ done: Int) {
        guard total > 1, Date().timeIntervalSince(lastShown) >= 0.5 || done == total else { return }
        lastShown = Date()
        shown = true
        console.progress("\rSealing cases: \(done)/\(total)")
    }

    func finish() {
        if shown { console.progress("\n") }
    }
}
