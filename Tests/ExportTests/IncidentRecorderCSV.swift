import Export

extension IncidentRecorder {
    /// The whole CSV file of `rows`, as the CLI writes it row by row (`csvWriter()`).
    static func csv(_ rows: some Sequence<IncidentRecorderRow>) -> [UInt8] {
        var writer = csvWriter()
        for row in rows { writer.write(record: row.values) }
        return writer.takeBytes()
    }
}
