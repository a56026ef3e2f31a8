import Foundation

/// A one-line progress bar on stderr for work that takes more than a moment (bulk import,
/// rekey, backup): `Sealing cases [#######-------------]  35%  3,500/10,000`. It appears only
/// once the work has run for half a second, is redrawn at most twice a second, and always
/// ends at 100% when it was shown.
final class ProgressReporter {
    /// Characters of the bar between its brackets, when the line has room for them.
    static let barWidth = 20

    let total: Int
    let console: Console
    let label: String
    let showsCounts: Bool
    private let now: () -> Date
    private var lastShown: Date
    private var shown = false

    /// `label` is already in the user's language; by default "Sealing cases". `showsCounts`
    /// adds `done/total` after the percentage (left out where the units mean nothing to the
    /// user, such as storage pages).
    init(total: Int = 0, console: Console, label: String? = nil, showsCounts: Bool = true, now: @escaping () -> Date = Date.init) {
        self.total = total
        self.console = console
        self.label = label ?? console.messages("cli.progress.sealing_cases")
        self.showsCounts = showsCounts
        self.now = now
        lastShown = now()
    }

    func update(_ done: Int) { update(done, of: total) }

    func update(_ done: Int, of total: Int) {
        guard total > 1 else { return }
        let finished = done >= total
        guard now().timeIntervalSince(lastShown) >= 0.5 || (finished && shown) else { return }
        lastShown = now()
        shown = true
        console.progress("\r" + line(done: done, of: total))
    }

    func finish() {
        if shown { console.progress("\n") }
        shown = false
    }

    /// The whole line for `done` of `total` (clamped to 0...total). The bar gives up width (down
    /// to 10) so that long labels and counts still fit the line width.
    func line(done: Int, of total: Int) -> String {
        let total = max(total, 1)
        let done = min(max(done, 0), total)
        let percent = String(100 * done / total)
        let figures = " \(String(repeating: " ", count: 3 - percent.count))\(percent)%"
            + (showsCounts ? "  \(console.messages.number(done))/\(console.messages.number(total))" : "")
        let width = min(Self.barWidth, max(10, TextLayout.lineWidth - label.count - figures.count - 3))
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "\(label) [\(bar)]" + figures
    }
}
