/// Tables as an SVG bar chart for reports, a hidden count drawn as nothing so no length gives it away.
public enum BarChartSVG {
    /// A self-contained SVG document at least 720 wide: the title, a legend of the column
    /// categories (two dimensions), the bars with the row total (the cell of a one-dimension
    /// table) or the hidden marker after each, and under them the notes on hidden counts and
    /// noise. Each text is one text node in DejaVu Sans, so Cyrillic renders and a PDF made
    /// from the chart keeps every label whole.
    public static func render(_ table: ReleasedTable, labels: TableLabels, title: String) -> String {
        let rowLabels = table.rows.categories.map { labels.category(table.rows.dimension, $0) }
        let ends = table.columns == nil ? table.cells.map { $0.first ?? nil } : table.rowTotals
        let endTexts = ends.map { $0.map(String.init) ?? labels.hidden }
        let plotX = margin + textWidth(rowLabels) + gap
        let valueWidth = gap + textWidth(endTexts)
        let width = max(minimumWidth, plotX + minimumPlot + valueWidth + margin, 2 * margin + textWidth([title], size: titleSize))
        let plotWidth = width - plotX - valueWidth - margin
        let longest = table.cells.map { $0.reduce(0) { $0 + max($1 ?? 0, 0) } }.max() ?? 0
        let scale = longest > 0 ? plotWidth / Double(longest) : 0

        var y = margin + titleSize
        var body = [text(title, x: margin, y: y, size: titleSize, attributes: #"font-weight="bold""#)]
        y += gap
        if let columns = table.columns {
            let legend = columns.categories.map { labels.category(columns.dimension, $0) }
            body += self.legend(legend, top: y, width: width, bottom: &y)
        }
        let barsTop = y + gap
        for (index, cells) in table.cells.enumerated() {
            let top = barsTop + Double(index) * (barHeight + gap)
            let middle = top + barHeight / 2 + fontSize * 0.35
            body.append(text(rowLabels[index], x: plotX - gap, y: middle, attributes: #"text-anchor="end""#))
            var x = plotX
            for (column, count) in cells.enumerated() {
                guard let count, count > 0 else { continue }
                let length = Double(count) * scale
                let fill = table.columns == nil ? palette[0] : palette[column % palette.count]
                body.append(rect(x: x, y: top, width: length, height: barHeight, fill: fill, attributes: #"stroke="\#(paper)""#))
                x += length
            }
            body.append(text(endTexts[index], x: x + gap, y: middle))
        }
        y = barsTop + Double(table.cells.count) * (barHeight + gap)
        body.append(rect(x: plotX - 0.5, y: barsTop - gap / 2, width: 1, height: y - barsTop, fill: axis))
        let notes = (table.hiddenCount > 0 ? [labels.hiddenNote(table.hiddenCount)] : []) + (table.noisy ? [labels.noiseNote] : [])
        for note in notes {
            y += noteSize + gap / 2
            body.append(text(note, x: margin, y: y, size: noteSize, attributes: #"fill="\#(ink)""#))
        }
        let height = y + margin
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(number(width))" height="\(number(height))" \
            viewBox="0 0 \(number(width)) \(number(height))" font-family="DejaVu Sans, sans-serif" font-size="\(number(fontSize))">
            <title>\(escaped(title))</title>
            \(rect(x: 0, y: 0, width: width, height: height, fill: paper))
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    /// Okabe and Ito's colours, told apart with every common colour-vision deficiency; a ninth
    /// column category takes the first colour again.
    private static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    private static let paper = "#FFFFFF"
    private static let ink = "#333333"
    private static let axis = "#555555"
    private static let minimumWidth = 720.0
    private static let minimumPlot = 240.0
    private static let margin = 16.0
    private static let gap = 8.0
    private static let barHeight = 20.0
    private static let swatch = 12.0
    private static let fontSize = 12.0
    private static let titleSize = 16.0
    private static let noteSize = 11.0

    /// A swatch and label per column category, in lines that wrap at `width`; `bottom` is set
    /// to below the last line.
    private static func legend(_ names: [String], top: Double, width: Double, bottom: inout Double) -> [String] {
        var elements: [String] = []
        var x = margin
        var y = top
        for (index, name) in names.enumerated() {
            let itemWidth = swatch + gap / 2 + textWidth([name]) + 2 * gap
            if x > margin, x + itemWidth > width - margin {
                x = margin
                y += swatch + gap
            }
            elements.append(rect(x: x, y: y, width: swatch, height: swatch, fill: palette[index % palette.count]))
            elements.append(text(name, x: x + swatch + gap / 2, y: y + swatch - 1))
            x += itemWidth
        }
        bottom = y + (names.isEmpty ? 0 : swatch)
        return elements
    }

    /// A rectangle: a bar segment, a legend swatch, the axis or the background.
    private static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, attributes: String = "") -> String {
        let extra = attributes.isEmpty ? "" : " " + attributes
        let box = #"x="\#(number(x))" y="\#(number(y))" width="\#(number(width))" height="\#(number(height))""#
        return #"<rect \#(box) fill="\#(fill)"\#(extra)/>"#
    }

    /// A text element whose content is `content` as one text node.
    private static func text(_ content: String, x: Double, y: Double, size: Double = fontSize, attributes: String = "") -> String {
        let sized = size == fontSize ? "" : #" font-size="\#(number(size))""#
        let extra = attributes.isEmpty ? "" : " " + attributes
        return #"<text x="\#(number(x))" y="\#(number(y))"\#(sized)\#(extra)>\#(escaped(content))</text>"#
    }

    /// The width the longest of `texts` takes at `size`, estimated at 0.62 em a character
    /// (DejaVu Sans averages a little less in Latin and Cyrillic).
    private static func textWidth(_ texts: [String], size: Double = fontSize) -> Double {
        Double(texts.map(\.count).max() ?? 0) * size * 0.62
    }

    /// A coordinate to a tenth, without a trailing `.0`.
    private static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
    }

    /// `text` with the five characters XML reserves written as entities.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
