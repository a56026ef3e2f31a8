import Foundation
import Statistics
import TestSupport

/// Tables and the words they are rendered in, shared by the rendering tests: labels in Cyrillic,
/// Serbian Latin and Romani, one with a comma and a quote, and hidden counts in cells and totals.
enum RenderingFixtures {
    static let hidden = "x"

    static let labels = TableLabels(
        dimension: { names[$0] ?? $0 },
        category: { _, category in names[category] ?? category },
        total: "Укупно",
        hidden: hidden,
        hiddenNote: { "Скривено бројева: \($0), ради заштите жртава" },
        noiseNote: "Бројеви носе шум"
    )

    private static let names = [
        "incident-type": "Врста инцидента", "sex": "Пол", "municipality": "Opština", "language": "Jezik",
        "rape": "Силовање", "physical": "Физички напад", "other": #"Друго, "необично""#,
        "female": "Жене", "male": "Мушкарци",
        "zitoradja": "Žitorađa", "cicevac": "Ćićevac", "nis": "Niš",
        "serbian": "Српски", "romani": "Romani čhib",
    ]

    /// Incident type by sex: a hidden cell and hidden totals in two rows.
    static let bySex = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "incident-type", categories: ["rape", "physical", "other"]),
        columns: .init(dimension: "sex", categories: ["female", "male"]),
        cells: [[5, nil], [12, 4], [nil, 3]], rowTotals: [nil, 16, nil], columnTotals: [20, 9], total: 29,
        hiddenCount: 4, noisy: false
    )

    /// Incidents by municipality and language (the languages named in their own words). Niš's
    /// Romani count is hidden though its total is not: it would be 4, and a chart must not
    /// draw or print it.
    static let byLanguage = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "municipality", categories: ["zitoradja", "cicevac", "nis"]),
        columns: .init(dimension: "language", categories: ["serbian", "romani"]),
        cells: [[7, 6], [9, 5], [12, nil]], rowTotals: [13, 14, 16], columnTotals: [28, nil], total: 43,
        hiddenCount: 2, noisy: true
    )

    /// Incidents by type, the physical count hidden.
    static let byType = ReleasedTable(
        unit: "incidents",
        rows: .init(dimension: "incident-type", categories: ["rape", "physical", "other"]),
        columns: nil,
        cells: [[8], [nil], [25]], rowTotals: [8, nil, 25], columnTotals: [], total: 38, hiddenCount: 1, noisy: false
    )
}
