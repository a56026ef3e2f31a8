/// One incident as a row of the Incident Recorder's "Incident Data" sheet: a text cell per
/// `IncidentRecorderColumn`, in column order, an empty string for an empty cell.
public struct IncidentRecorderRow: Equatable, Sendable {
    /// One value per column, `IncidentRecorderColumn.allCases.count` of them.
    public private(set) var values: [String]

    init() { values = [String](repeating: "", count: IncidentRecorderColumn.allCases.count) }

    public internal(set) subscript(column: IncidentRecorderColumn) -> String {
        get { values[column.rawValue] }
        set { values[column.rawValue] = newValue }
    }
}
