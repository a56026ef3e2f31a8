import DisclosureControl

/// Why a statistics request cannot be answered. Only names of dimensions and categories the
/// user typed, never a count or anything about a case.
public enum StatisticsError: Error, Equatable, Sendable {
    /// `--by` needs one or two dimensions.
    case dimensionCount
    /// A dimension named twice.
    case repeatedDimension
    case unknownDimension(String)
    case unknownCategory(String, String)
    /// Two dimensions that count different things (perpetrators and referrals, two flag sets).
    case unitsDoNotNest
    /// `--where` works on incident dimensions only (not months: use `--from`/`--to`).
    case filterNotOnIncidents(String)
    /// `--from` after `--to`.
    case emptyPeriod
    /// Disclosure control could not protect the table; nothing is released.
    case notProtected(DisclosureError)
}
