import Foundation

/// A one-line progress counter on stderr for work that takes more than a moment.
final class ProgressReporter {
    let total: Int
    let console: Console
    let label: String
    private var lastShown = Date()
    private var shown = false

    /// `label` is already in the user's language; by default "Sealing cases".
    init(total: Int, console: Console, label: String? = nil) {
        self.total = total
        self.console = console
        self.label = label ?? console.messages("cli.progress.sealing_cases")
    }

    func update(_ done: Int) { update(done, of: total) }

    func update(_ done: Int, of total: Int) {
        guard total > 1, Date().timeIntervalSince(lastShown) >= 0.5 || done == total else { return }
        lastShown = Date()
        shown = true
        console.progress("\r\(label): \(console.messages.number(done))/\(console.messages.number(total))")
    }

    func finish() {
        if shown { console.progress("\n") }
    }
}
