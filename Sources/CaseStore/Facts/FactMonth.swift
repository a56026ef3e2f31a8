/// A calendar month, the finest time statistics keep: report and incident months, never days.
public struct FactMonth: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (years 1–9999); nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    /// Months since January of year 0: one number that orders and stores a month.
    public var index: Int { year * 12 + month - 1 }

    public init(index: Int) {
        self.init(year: index / 12, month: index % 12 + 1)
    }

    /// The month `count` months later (earlier when negative).
    public func adding(_ count: Int) -> FactMonth { FactMonth(index: index + count) }

    /// `YYYY-MM`.
    public var description: String {
        let year = String(year), month = String(month)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + (month.count < 2 ? "0" : "") + month
    }

    public static func < (a: FactMonth, b: FactMonth) -> Bool { a.index < b.index }
}
