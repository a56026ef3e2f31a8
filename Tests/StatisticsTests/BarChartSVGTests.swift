import Foundation
import Statistics
import TestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG chart as a report shows it: well-formed XML, drawn by librsvg to PNG and PDF with
/// every Cyrillic, Serbian Latin and Romani label whole in the PDF's text, and nothing drawn or
/// written for a hidden count.
final class BarChartSVGTests: XCTestCase {
    private let title = "Инциденти по општини и језику"
    private let words = ["Žitorađa", "Ćićevac", "Niš", "Српски", "Romani čhib"]

    private var svg: String {
        BarChartSVG.render(RenderingFixtures.byLanguage, labels: RenderingFixtures.labels, title: title)
    }

    func testChartIsWellFormedWithEachLabelOneTextNode() throws {
        let texts = try textNodes(svg)
        for word in words + [title, "13", "14", "16"] {
            XCTAssertTrue(texts.contains(word), "\(word) is not one text node of \(texts)")
        }
        XCTAssertTrue(texts.contains(RenderingFixtures.labels.hiddenNote(2)))
        XCTAssertTrue(texts.contains(RenderingFixtures.labels.noiseNote))
    }

    func testAHiddenCountIsNeitherWrittenNorDrawn() throws {
        let chart = svg
        XCTAssertFalse(try textNodes(chart).contains("4"), "Niš's hidden Romani count is written")
        // Seven visible cells, seven segments: none stands for the hidden one.
        let segments = chart.components(separatedBy: "<rect").filter { $0.contains(##"stroke="#FFFFFF""##) }
        XCTAssertEqual(segments.count, 5)
        XCTAssertEqual(chart.components(separatedBy: ##"fill="#0072B2""##).count - 1, 4, "Serbian: three segments and the swatch")
        XCTAssertEqual(chart.components(separatedBy: ##"fill="#E69F00""##).count - 1, 3, "Romani: two segments and the swatch")
    }

    func testTextIsEscapedAndNotesFollowTheTable() throws {
        let labels = TableLabels(dimension: { $0 }, category: { _, category in category }, total: "Total", hidden: "x",
                                 hiddenNote: { "\($0) hidden" }, noiseNote: "noisy")
        let table = ReleasedTable(unit: "incidents", rows: .init(dimension: "d", categories: [#"<a href="x">&'"#]), columns: nil,
                                  cells: [[3]], rowTotals: [3], columnTotals: [], total: 3, hiddenCount: 0, noisy: false)
        let chart = BarChartSVG.render(table, labels: labels, title: "A & B")
        XCTAssertTrue(chart.contains("&lt;a href=&quot;x&quot;&gt;&amp;&apos;"))
        let texts = try textNodes(chart)
        XCTAssertTrue(texts.contains(#"<a href="x">&'"#))
        XCTAssertTrue(texts.contains("A & B"))
        XCTAssertFalse(texts.contains("0 hidden"), "no note without hidden counts")
        XCTAssertFalse(texts.contains("noisy"), "no noise note without noise")
    }

    func testOneDimensionAndEmptyChartsAreWellFormed() throws {
        let byType = BarChartSVG.render(RenderingFixtures.byType, labels: RenderingFixtures.labels, title: "Врсте")
        let texts = try textNodes(byType)
        XCTAssertTrue(texts.contains("x"), "the hidden count's marker")
        XCTAssertTrue(texts.contains("Физички напад"))
        let empty = ReleasedTable(unit: "incidents", rows: .init(dimension: "sex", categories: []), columns: nil, cells: [],
                                  rowTotals: [], columnTotals: [], total: 0, hiddenCount: 0, noisy: false)
        XCTAssertEqual(try textNodes(BarChartSVG.render(empty, labels: RenderingFixtures.labels, title: "—")), ["—", "—"])
    }

    func testLibrsvgDrawsThePNG() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("chart.svg")
        let png = directory.appendingPathComponent("chart.png")
        try Data(svg.utf8).write(to: input)
        let rsvg = try ExternalTool.run("rsvg-convert", ["-f", "png", "-o", png.path, input.path])
        XCTAssertEqual(rsvg.status, 0, rsvg.errorText)
        let bytes = [UInt8](try Data(contentsOf: png))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(bytes.count, 24)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThanOrEqual(width, 720)
    }

    func testEveryLabelIsWholeInThePDFsText() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("chart.svg")
        let pdf = directory.appendingPathComponent("chart.pdf")
        try Data(svg.utf8).write(to: input)
        let rsvg = try ExternalTool.run("rsvg-convert", ["-f", "pdf", "-o", pdf.path, input.path])
        XCTAssertEqual(rsvg.status, 0, rsvg.errorText)
        let pdftotext = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
        XCTAssertEqual(pdftotext.status, 0, pdftotext.errorText)
        let text = pdftotext.outputText
        for word in words + [title, RenderingFixtures.labels.hiddenNote(2), RenderingFixtures.labels.noiseNote] {
            XCTAssertTrue(text.contains(word), "\(word) is not in the PDF's text: \(text)")
        }
    }

    /// The text of each `text` and `title` element, after the parser found the document
    /// well-formed.
    private func textNodes(_ svg: String) throws -> [String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        XCTAssertEqual(collector.root, "svg")
        return collector.texts
    }
}

/// Gathers the characters inside each text-bearing element.
private final class TextCollector: NSObject, XMLParserDelegate {
    var root: String?
    var texts: [String] = []
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = element }
        if element == "text" || element == "title" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if let current, element == "text" || element == "title" { texts.append(current) }
        current = nil
    }
}
