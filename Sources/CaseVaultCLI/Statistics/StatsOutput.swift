import Foundation
import Statistics

/// Shows a statistics release: as an aligned table with a compact bar chart on a terminal, as
/// a CSV pivot table, or as JSON; and, when asked, a bar chart in a new SVG file.
enum StatsOutput {
    /// `chartTable`: the table `--chart` draws (the first when nil); `extra`: lines shown under the
    /// tables, and `extraJSON`: the same facts as JSON members (the report's median days to referral).
    static func show(_ release: StatisticsRelease, title: String, format: StatsFormat, chart: String?, chartTable: String? = nil,
                     console: Console, titles: [String: String] = [:], extra: [String] = [], extraJSON: [String: Any] = [:]) throws {
        let labels = StatsMessages.labels(console.messages)
        switch format {
        case .json:
            let json = try TableJSON.render(release.tables, labels: labels)
            guard !extraJSON.isEmpty, var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                console.output(json)
                break
            }
            object.merge(extraJSON) { $1 }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            console.output(String(decoding: data, as: UTF8.self))
        case .csv:
            for (index, entry) in release.tables.enumerated() {
                if release.tables.count > 1 {
                    // A report: each table after a record holding its title, tables apart by an empty record.
                    let name = (titles[entry.id] ?? title).replacingOccurrences(of: "\"", with: "\"\"")
                    console.outputExactly((index > 0 ? "\r\n" : "") + "\"\(name)\"\r\n")
                }
                console.outputExactly(TableCSV.render(entry.table, labels: labels))
            }
        case .table:
            for entry in release.tables {
                console.output(titles[entry.id] ?? title)
                for line in TableText.render(entry.table, labels: labels) { console.output(line) }
                if let width = console.outputWidth {
                    for line in TerminalBars.render(entry.table, labels: labels, width: width) { console.output(line) }
                }
                if entry.table.hiddenCount > 0 { console.output(labels.hiddenNote(entry.table.hiddenCount)) }
                if entry.table.noisy { console.output(labels.noiseNote) }
                console.output("")
            }
            for line in extra { console.output(line) }
        }
        if let chart, let charted = release.tables.first(where: { $0.id == chartTable }) ?? release.tables.first {
            let svg = BarChartSVG.render(charted.table, labels: labels, title: titles[charted.id] ?? title)
            try AuditRendering.writeNewFile(chart, contents: Data(svg.utf8))
        }
    }

}
