import Foundation

/// The table `scripts/tamper-sweep` prints: per position (its worst operation) and per
/// operation, how many were the same, the same in another order, refused (by kind and by what the refusal names), a
/// known gap, WRONG,
/// crashed or hung; and every position that was WRONG, crashed or hung, with its mask.
struct SweepSummary {
    var positions = 0
    var byPosition: [String: Int] = [:]
    var byOperation: [String: [String: Int]] = [:]
    var bad: [String] = []

    init(lines: [Int: String]) {
        for (_, line) in lines.sorted(by: { $0.key < $1.key }) {
            positions += 1
            let fields = line.split(separator: " ").dropFirst(2)
            var worst = "same"
            for field in fields {
                let parts = field.split(separator: "=", maxSplits: 1)
                let operation = String(parts[0]), outcome = String(parts[1])
                byOperation[operation, default: [:]][outcome, default: 0] += 1
                worst = Self.worse(worst, Self.category(outcome))
            }
            byPosition[worst, default: 0] += 1
            if ["WRONG", "CRASH", "HANG"].contains(worst) { bad.append(line) }
        }
    }

    static func category(_ outcome: String) -> String {
        if outcome.hasPrefix("WRONG") { return "WRONG" }
        if outcome.hasPrefix("CRASH") { return "CRASH" }
        if outcome.hasPrefix("HANG") { return "HANG" }
        if outcome.hasPrefix("refused") { return "refused" }
        if outcome.hasPrefix("KNOWN") { return "known" }
        if outcome == "reordered" { return "reordered" }
        return "same"
    }

    static func worse(_ a: String, _ b: String) -> String {
        let order = ["same", "reordered", "refused", "known", "WRONG", "CRASH", "HANG"]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }

    var isClean: Bool { bad.isEmpty }

    func text(fileSize: Int, seconds: Double, note: String) -> String {
        var out = "tamper sweep: file \(fileSize) bytes, \(positions) positions tried (\(note)), wall \(String(format: "%.1f", seconds)) s\n"
        out += "positions by worst outcome:\n"
        for key in ["same", "reordered", "refused", "known", "WRONG", "CRASH", "HANG"] { out += "  \(key.padding(toLength: 10, withPad: " ", startingAt: 0)) \(byPosition[key] ?? 0)\n" }
        out += "per operation:\n"
        for operation in SweepOperations.names {
            out += "  \(operation)\n"
            for (outcome, count) in (byOperation[operation] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out += "    \(outcome.padding(toLength: 48, withPad: " ", startingAt: 0)) \(count)\n"
            }
        }
        out += "WRONG/crash/hang positions: \(bad.count)\n"
        for line in bad.prefix(100) { out += "  \(line)\n" }
        return out
    }
}
