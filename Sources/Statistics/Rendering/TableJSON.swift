import Foundation

/// Tables as JSON for other programs: ids beside the user's words, a hidden count `null`, never a number.
public enum TableJSON {
    /// `{"tables": [...]}`, pretty-printed with sorted keys. Each table has its `id`, `unit`,
    /// `dimensions` (the row dimension first, then the column dimension of a two-dimension
    /// table, each with its categories), `cells` (`row`, `column` in two dimensions, `count`,
    /// `hidden`), `rowTotals`, `columnTotals`, `total`, `hiddenCount` and `noisy`.
    public static func render(_ tables: [(id: String, table: ReleasedTable)], labels: TableLabels) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(tables: tables.map { Table(id: $0.id, table: $0.table, labels: labels) })
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    private struct Document: Encodable {
        let tables: [Table]
    }

    private struct Table: Encodable {
        let id: String
        let unit: String
        let dimensions: [Dimension]
        let cells: [Count]
        let rowTotals: [Count]
        let columnTotals: [Count]
        let total: Count
        let hiddenCount: Int
        let noisy: Bool

        init(id: String, table: ReleasedTable, labels: TableLabels) {
            let rows = table.rows.categories
            let columns = table.columns?.categories
            self.id = id
            unit = table.unit
            dimensions = ([table.rows] + (table.columns.map { [$0] } ?? [])).map { Dimension(axis: $0, labels: labels) }
            cells = zip(rows, table.cells).flatMap { row, counts in
                counts.enumerated().map { index, count in Count(row: row, column: columns?[index], count: count) }
            }
            rowTotals = zip(rows, table.rowTotals).map { Count(row: $0, column: nil, count: $1) }
            columnTotals = zip(columns ?? [], table.columnTotals).map { Count(row: nil, column: $0, count: $1) }
            total = Count(row: nil, column: nil, count: table.total)
            hiddenCount = table.hiddenCount
            noisy = table.noisy
        }
    }

    private struct Dimension: Encodable {
        let id: String
        let name: String
        let categories: [Category]

        init(axis: ReleasedTable.Axis, labels: TableLabels) {
            id = axis.dimension
            name = labels.dimension(axis.dimension)
            categories = axis.categories.map { Category(id: $0, label: labels.category(axis.dimension, $0)) }
        }
    }

    private struct Category: Encodable {
        let id: String
        let label: String
    }

    /// One count where it stands; `count` is written even when nil, as `null`.
    private struct Count: Encodable {
        let row: String?
        let column: String?
        let count: Int?

        private enum CodingKeys: String, CodingKey {
            case row, column, count, hidden
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(row, forKey: .row)
            try container.encodeIfPresent(column, forKey: .column)
            try container.encode(count, forKey: .count)
            try container.encode(count == nil, forKey: .hidden)
        }
    }
}
