/// Tables as bars of block characters for the terminal, a hidden count as the marker without a bar.
public enum TerminalBars {
    /// One line per row category, `label  ████▌ 12`: the labels padded so the bars start in one
    /// column, each bar drawn in eighths of a column for the row total (the cell of a
    /// one-dimension table), the longest filling what `width` leaves after labels and counts
    /// (at least one column). A hidden count shows the marker and no bar.
    public static func render(_ table: ReleasedTable, labels: TableLabels, width: Int) -> [String] {
        let names = table.rows.categories.map { labels.category(table.rows.dimension, $0) }
        let values = table.columns == nil ? table.cells.map { $0.first ?? nil } : table.rowTotals
        let texts = values.map { $0.map(String.init) ?? labels.hidden }
        let labelWidth = names.map(\.count).max() ?? 0
        let columns = max(width - labelWidth - (texts.map(\.count).max() ?? 0) - 3, 1)
        let longest = values.compactMap { $0 }.max() ?? 0
        return zip(names, zip(values, texts)).map { name, entry in
            let drawn = entry.0.map { bar($0, longest: longest, columns: columns) } ?? ""
            return name.leftAligned(in: labelWidth) + "  " + [drawn, entry.1].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// The partial blocks for one to seven eighths of a column.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` in eighths of `columns` columns for `longest`; a positive count gets at least an
    /// eighth, so it never looks like zero.
    private static func bar(_ value: Int, longest: Int, columns: Int) -> String {
        guard value > 0, longest > 0 else { return "" }
        let length = max(Int((Double(value) / Double(longest) * Double(columns * 8)).rounded()), 1)
        return String(repeating: "█", count: length / 8) + (length % 8 == 0 ? "" : String(eighths[length % 8 - 1]))
    }
}
