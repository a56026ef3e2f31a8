import Foundation

/// How long closed cases are kept: an administrator's per-vault rule that a closed case is erased
/// `closedCaseYears` years after it was closed (nil: no rule, nothing is ever due). A signed
/// setting (`SignedSetting`): one body signed by the administrator, whom the directory must
/// certify, whose revision must equal the number of `retention_rule` entries in the audit trail:
/// someone who writes to the file can neither forge a rule (to have cases erased early) nor put
/// an older one back.
public struct RetentionRule: Sendable, Equatable {
    /// The years a rule may name.
    public static let allowedYears = 1...100

    public var closedCaseYears: Int?
    /// How many times the rule was set (0: never).
    public internal(set) var revision: Int

    public init(closedCaseYears: Int?) {
        self.closedCaseYears = closedCaseYears
        revision = 0
    }

    /// The first day on which a case closed on `closedDay` (`YYYY-MM-DD`) is due: the same
    /// month and day `closedCaseYears` later; a case closed on 29 February is due on 1 March of
    /// a year without one (never a day early). Nil without a rule or for a day that is not one.
    public func dueDay(closedOn closedDay: String) -> String? {
        guard let years = closedCaseYears, ISODay.parse(closedDay) != nil else { return nil }
        let parts = closedDay.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let year = parts[0] + years
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let (month, day) = parts[1] == 2 && parts[2] == 29 && !isLeap ? (3, 1) : (parts[1], parts[2])
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

extension RetentionRule: SignedSetting {
    static let settingName = "retention"
    static let auditAction = AuditAction.retentionRule
    static let defaults = RetentionRule(closedCaseYears: nil)

    func encode(into bytes: inout CanonicalBytes) {
        bytes.flag(closedCaseYears != nil)
        bytes.number(closedCaseYears ?? 0)
    }

    static func decode(_ reader: inout CanonicalReader) -> RetentionRule? {
        guard let hasYears = reader.flag(), let years = reader.number() else { return nil }
        if hasYears, !allowedYears.contains(Int(years)) { return nil }
        return RetentionRule(closedCaseYears: hasYears ? Int(years) : nil)
    }
}

/// A closed case the retention rule makes due: its code, the day it was closed (from its
/// latest `case_close` audit entry) and the day it became due.
public struct RetentionDue: Sendable, Equatable {
    public var code: String
    public var closedDay: String
    public var dueDay: String
}
