/// A calendar day as the statistics facts count with it: whole days between two days, exactly,
/// with no clock or time zone in the way (the proleptic Gregorian day number, H. Hinnant's
/// `days_from_civil`). CaseStore's own small type, since the Intake layer is not below it.
public struct CivilDay: Comparable, Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real day in years 1–9999, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the strict ISO form `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days since 1970-01-01.
    var dayNumber: Int {
        let year = month <= 2 ? self.year - 1 : self.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days from `earlier` to this day (negative when `earlier` is later).
    public func days(since earlier: CivilDay) -> Int { dayNumber - earlier.dayNumber }

    /// Full years of someone born on `birth`, on this day; nil before the birth.
    public func age(bornOn birth: CivilDay) -> Int? {
        let years = year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
        return years >= 0 && self >= birth ? years : nil
    }

    /// The month of this day.
    public var month12: FactMonth { FactMonth(year: year, month: month) }
}
