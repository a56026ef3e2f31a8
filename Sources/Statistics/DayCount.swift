import Intake

/// Whole days between calendar days, exactly, with no clock or time zone in the way: the
/// proleptic Gregorian day number of each day (H. Hinnant's `days_from_civil`).
extension CalendarDay {
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
    func days(since earlier: CalendarDay) -> Int { dayNumber - earlier.dayNumber }

    /// Full years of someone born on `birth`, on this day; nil before the birth.
    func age(bornOn birth: CalendarDay) -> Int? {
        let years = year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
        return years >= 0 && self >= birth ? years : nil
    }
}
