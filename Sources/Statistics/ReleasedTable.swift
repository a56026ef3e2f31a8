import CaseStore

/// One table as it may leave the vault: counts by one or two dimensions with their totals,
/// every count that disclosure control hid replaced by nil. Nothing in it names a case; it is
/// what every output (table, CSV, JSON, chart) is drawn from, and what the audit entry counts.
public struct ReleasedTable: Sendable, Equatable {
    /// A dimension the table is broken down by: its stable id (`incident-type`) and category
    /// ids (`rape`, …) in display order.
    public struct Axis: Sendable, Equatable {
        public let dimension: String
        public let categories: [String]

        public init(dimension: String, categories: [String]) {
            self.dimension = dimension
            self.categories = categories
        }
    }

    /// What one count counts: incidents, perpetrators, referrals, or mentions of a flag.
    public let unit: String
    /// Down the table.
    public let rows: Axis
    /// Across the table; nil for a one-dimension table.
    public let columns: Axis?
    /// `cells[row][column]` (one column when `columns` is nil); nil where hidden.
    public let cells: [[Int?]]
    /// The total of each row (nil where hidden).
    public let rowTotals: [Int?]
    /// The total of each column (nil where hidden; empty for a one-dimension table).
    public let columnTotals: [Int?]
    /// The grand total (nil where hidden).
    public let total: Int?
    /// How many counts (cells and totals) were hidden.
    public let hiddenCount: Int
    /// Whether the counts carry differential-privacy noise.
    public let noisy: Bool

    public init(unit: String, rows: Axis, columns: Axis?, cells: [[Int?]], rowTotals: [Int?], columnTotals: [Int?], total: Int?,
                hiddenCount: Int, noisy: Bool) {
        self.unit = unit
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.total = total
        self.hiddenCount = hiddenCount
        self.noisy = noisy
    }
}

/// The words a table is shown in, given by the front in the user's language: the statistics
/// layer never chooses them.
public struct TableLabels: Sendable {
    /// The name of a dimension (`incident-type` → "Vrsta incidenta").
    public let dimension: @Sendable (String) -> String
    /// The name of a category of a dimension.
    public let category: @Sendable (_ dimension: String, _ category: String) -> String
    /// "Total" in the user's language.
    public let total: String
    /// What stands in place of a hidden count; never read as a number by a spreadsheet.
    public let hidden: String
    /// The note under a chart: "N counts hidden to protect survivors" for N.
    public let hiddenNote: @Sendable (Int) -> String
    /// The note that counts carry noise, shown when a table is noisy.
    public let noiseNote: String

    public init(dimension: @escaping @Sendable (String) -> String, category: @escaping @Sendable (String, String) -> String,
                total: String, hidden: String, hiddenNote: @escaping @Sendable (Int) -> String, noiseNote: String) {
        self.dimension = dimension
        self.category = category
        self.total = total
        self.hidden = hidden
        self.hiddenNote = hiddenNote
        self.noiseNote = noiseNote
    }
}
