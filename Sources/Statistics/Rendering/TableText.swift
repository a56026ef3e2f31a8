/// Tables as aligned plain text for the terminal, a hidden count shown as the marker.
public enum TableText {
    /// The header, a rule, a line per row category, a rule and the total line; columns two
    /// spaces apart, no trailing spaces.
    public static func render(_ table: ReleasedTable, labels: TableLabels) -> [String] {
        let count = { (value: Int?) in value.map(String.init) ?? labels.hidden }
        let rowLabels = table.rows.categories.map { labels.category(table.rows.dimension, $0) }
        let header: [String]
        let body: [[String]]
        let footer: [String]
        if let columns = table.columns {
            // The title names both dimensions; the corner names the rows', which keeps the table narrow.
            header = [labels.dimension(table.rows.dimension)]
                + columns.categories.map { labels.category(columns.dimension, $0) } + [labels.total]
            body = zip(rowLabels, zip(table.cells, table.rowTotals)).map { label, row in [label] + (row.0 + [row.1]).map(count) }
            footer = [labels.total] + (table.columnTotals + [table.total]).map(count)
        } else {
            header = [labels.dimension(table.rows.dimension), labels.total]
            body = zip(rowLabels, table.cells).map { label, cells in [label] + cells.map(count) }
            footer = [labels.total, count(table.total)]
        }
        let grid = [header] + body + [footer]
        let widths = header.indices.map { column in grid.map { $0[column].count }.max() ?? 0 }
        let line = { (row: [String]) in
            zip(row, widths).enumerated().map { column, field in
                column == 0 ? field.0.leftAligned(in: field.1) : field.0.rightAligned(in: field.1)
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return [line(header), rule] + body.map(line) + [rule, line(footer)]
    }
}

/// Alignment in a fixed-width column, its width counted in characters: the labels of our
/// catalogs (Latin and Cyrillic) have no double-width characters.
extension String {
    /// The string followed by spaces up to `width`.
    func leftAligned(in width: Int) -> String {
        self + String(repeating: " ", count: max(width - count, 0))
    }

    /// The string after spaces up to `width`.
    func rightAligned(in width: Int) -> String {
        String(repeating: " ", count: max(width - count, 0)) + self
    }
}
