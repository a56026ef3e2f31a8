/// Why a table cannot be protected or released. No case data: only the shape of the request.
public enum DisclosureError: Error, Equatable, Sendable {
    /// The threshold is below the smallest one allowed (3).
    case thresholdTooLow(Int)
    /// A table needs one to three distinct dimensions, each with distinct categories.
    case badTable
    /// A count below zero.
    case negativeCount
    /// Two tables give one count two different values.
    case inconsistentCount(CellKey)
    /// The solver found no solution where the true counts are one: the system is malformed.
    case solverFailed
    /// The suppression pattern did not pass its audit; the table is not released.
    case auditFailed(CellKey)
}
