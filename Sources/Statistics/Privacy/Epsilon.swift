/// Why a text is not a privacy budget amount.
public enum EpsilonError: Error, Equatable, Sendable {
    /// Not a plain decimal number (`abc`, `1e3`, `.5`, `1.`).
    case notANumber
    /// Zero or negative: noise with no budget is not private.
    case notPositive
    /// Finer than 0.0001.
    case tooPrecise
    /// More than 100: such noise protects nobody, so it is refused as a likely typing mistake.
    case tooLarge
}

/// An amount of differential-privacy budget (ε), kept exactly as a count of 1/10000 so that
/// spending adds up without rounding: sequential composition makes the total spent the sum of the
/// releases, and 0.1 + 0.2 is 0.3 here, not 0.30000000000000004. As a rational, ε = units / 10000.
public struct Epsilon: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The number of units in 1.
    public static let unitsPerOne = 10_000
    /// The largest amount a person may enter.
    public static let maximumUnits = 100 * unitsPerOne

    /// ε in 1/10000.
    public let units: Int

    /// An amount of `units` / 10000, refused if not positive or above 100.
    public init(units: Int) throws(EpsilonError) {
        guard units > 0 else { throw EpsilonError.notPositive }
        guard units <= Self.maximumUnits else { throw EpsilonError.tooLarge }
        self.units = units
    }

    /// Parses a plain decimal such as `0.5`, `1` or `0,25` (a dot or a comma before the decimals).
    /// Trailing zeros after the fourth decimal are harmless (`0.50000` is 0.5); any other digit
    /// there is refused as too precise.
    public init(_ text: String) throws(EpsilonError) {
        var bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let parts = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else {
            throw EpsilonError.notANumber
        }
        let zero = UInt8(ascii: "0")
        let significant = parts[0].drop(while: { $0 == zero })
        let decimals = parts.count == 2 ? Array(parts[1].reversed().drop(while: { $0 == zero }).reversed()) : []
        guard decimals.count <= 4 else { throw EpsilonError.tooPrecise }
        guard !negative, !(significant.isEmpty && decimals.isEmpty) else { throw EpsilonError.notPositive }
        guard significant.count <= 3 else { throw EpsilonError.tooLarge }
        let digits = significant + decimals + Array(repeating: zero, count: 4 - decimals.count)
        try self.init(units: digits.reduce(0) { $0 * 10 + Int($1 - zero) })
    }

    private init(uncheckedUnits units: Int) {
        self.units = units
    }

    /// The canonical form: a dot, no trailing zeros (`0.5`, `1`, `0.0001`).
    public var description: String {
        let whole = units / Self.unitsPerOne, fraction = units % Self.unitsPerOne
        guard fraction != 0 else { return String(whole) }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 4 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(whole).\(decimals)"
    }

    /// The total of two amounts spent one after the other (sequential composition). The sum may
    /// exceed 100; only an amount typed in is limited.
    public static func + (lhs: Epsilon, rhs: Epsilon) -> Epsilon {
        Epsilon(uncheckedUnits: lhs.units + rhs.units)
    }

    /// What is left of `lhs` after spending `rhs`; throws `notPositive` when nothing would be left.
    public static func - (lhs: Epsilon, rhs: Epsilon) throws(EpsilonError) -> Epsilon {
        guard lhs.units > rhs.units else { throw EpsilonError.notPositive }
        return Epsilon(uncheckedUnits: lhs.units - rhs.units)
    }

    public static func < (lhs: Epsilon, rhs: Epsilon) -> Bool {
        lhs.units < rhs.units
    }
}
