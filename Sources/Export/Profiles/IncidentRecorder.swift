/// The `incident-recorder` export profile (docs/export.md): de-identified rows, one per incident
/// of a consenting case, for a coordinating body that keeps the GBVIMS Incident Recorder
/// workbook. Made only of the statistics facts and the case's assignee, never of case documents.
public enum IncidentRecorder {
    /// The workbook's 42 column headers, in order.
    public static let columns: [String] = IncidentRecorderColumn.allCases.map(\.header)

    /// A CSV writer with the byte order mark and the header row already written; append rows
    /// with `write(record: row.values)`.
    public static func csvWriter() -> CSVWriter {
        var writer = CSVWriter(byteOrderMark: true)
        writer.write(record: columns)
        return writer
    }
}
