/// Tables as CSV (RFC 4180) for spreadsheets, a hidden count as a marker no spreadsheet reads as a number.
public enum TableCSV {
    /// UTF-8 text with CRLF line ends: a header row, a row per row category and a total row.
    /// A two-dimension table has a column per column category and one for the row totals; a
    /// one-dimension table has one column of counts, headed by the word for total.
    public static func render(_ table: ReleasedTable, labels: TableLabels) -> String {
        let count = { (value: Int?) in value.map(String.init) ?? text(labels.hidden) }
        let rowLabels = table.rows.categories.map { text(labels.category(table.rows.dimension, $0)) }
        let records: [[String]]
        if let columns = table.columns {
            let corner = text("\(labels.dimension(table.rows.dimension)) \\ \(labels.dimension(columns.dimension))")
            records = [[corner] + columns.categories.map { text(labels.category(columns.dimension, $0)) } + [text(labels.total)]]
                + zip(rowLabels, zip(table.cells, table.rowTotals)).map { label, row in [label] + (row.0 + [row.1]).map(count) }
                + [[text(labels.total)] + (table.columnTotals + [table.total]).map(count)]
        } else {
            records = [[text(labels.dimension(table.rows.dimension)), text(labels.total)]]
                + zip(rowLabels, table.cells).map { label, cells in [label] + cells.map(count) }
                + [[text(labels.total), count(table.total)]]
        }
        return records.map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    /// A text field: an apostrophe before a leading `=`, `+`, `-`, `@`, tab or CR, so that a
    /// spreadsheet does not run it as a formula; quoted, its quotes doubled, when it holds a
    /// comma, quote, CR or LF.
    private static func text(_ value: String) -> String {
        let defused = value.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true ? "'" + value : value
        guard defused.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return defused }
        return "\"" + defused.replacing("\"", with: "\"\"") + "\""
    }
}
