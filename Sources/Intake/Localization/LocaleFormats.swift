import Foundation

/// How a language writes and reads dates and numbers. Serbian and Romani: `21.03.2026.` and
/// `1.234,5`; English: ISO `2026-03-21` and `1,234.5`. Every language also reads ISO dates and
/// day-first dotted dates, with or without the final dot and with or without spaces
/// (`21. 3. 2026.`).
public struct LocaleFormats: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    var usesDecimalComma: Bool { language != .english }
    var decimalSeparator: Character { usesDecimalComma ? "," : "." }
    var groupingSeparator: Character { usesDecimalComma ? "." : "," }

    /// `21.03.2026.` (Serbian, Romani) or `2026-03-21` (English).
    public func format(_ day: CalendarDay) -> String {
        guard usesDecimalComma else { return day.iso }
        return String(format: "%02d.%02d.%04d.", day.day, day.month, day.year)
    }

    /// `1.234,5` (Serbian, Romani) or `1,234.5` (English).
    public func format(_ number: Decimal) -> String {
        var digits = number.description
        var sign = ""
        if digits.hasPrefix("-") {
            sign = "-"
            digits.removeFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(groupingSeparator) }
            grouped.append(digit)
        }
        guard parts.count == 2 else { return sign + grouped }
        return sign + grouped + String(decimalSeparator) + parts[1]
    }

    /// A whole number, grouped as `format(_: Decimal)` does.
    public func format(_ number: Int) -> String {
        format(Decimal(number))
    }

    /// Reads `2026-03-21`, `21.03.2026.`, `21.03.2026`, `21.3.2026.` or `21. 3. 2026.`; nil for
    /// anything else, including days that do not exist.
    public func parseDate(_ text: String) -> CalendarDay? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDay(iso: trimmed) { return day }
        var body = Substring(trimmed)
        if body.hasSuffix(".") { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// Reads a number written the language's way: optional minus sign, ASCII digits, the
    /// grouping separator only between groups of three, one decimal separator (`1.234,5` or
    /// `12,5` in Serbian; `1,234.5` in English). Nil for anything else (`12.5` in Serbian).
    public func parseNumber(_ text: String) -> Decimal? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if body.first == "-" || body.first == "\u{2212}" {
            negative = true
            body = body.dropFirst()
        }
        let halves = body.split(separator: decimalSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = halves.first else { return nil }
        let groups = wholePart.split(separator: groupingSeparator, omittingEmptySubsequences: false)
        guard let firstGroup = groups.first, !firstGroup.isEmpty,
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              groups.count == 1 || (firstGroup.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return nil }
        var plain = groups.joined()
        if halves.count == 2 {
            let fraction = halves[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            plain += "." + fraction
        }
        guard plain.count <= 30, let value = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        return negative ? -value : value
    }
}
