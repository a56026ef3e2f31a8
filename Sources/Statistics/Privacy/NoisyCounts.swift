/// Differential-privacy noise for a table of counts, with totals that agree with what is shown.
///
/// Each cell gets its own discrete Laplace draw and is clamped at zero (post-processing, which
/// costs no privacy). The totals are not noised separately: every row total, column total and the
/// grand total is the sum of the noisy, clamped cells it covers. That is how noisy totals stay
/// consistent (a reader who adds up a row gets its total) and why they spend no extra budget.
public enum NoisyCounts {
    /// Noises `cells[row][column]` with scale sensitivity/ε. A one-dimension table is passed as a
    /// single column (`[[a], [b], …]`); its column totals then hold one value, equal to `total`.
    /// Throws `NoiseError.raggedTable` if the rows differ in length, `.overflow` for absurd counts.
    public static func apply<R: UniformRandom>(to cells: [[Int]], epsilon: Epsilon, sensitivity: Int, using random: inout R) throws
        -> (cells: [[Int]], rowTotals: [Int], columnTotals: [Int], total: Int) {
        let noise = try DiscreteLaplace(epsilon: epsilon, sensitivity: sensitivity)
        let width = cells.first?.count ?? 0
        guard cells.allSatisfy({ $0.count == width }) else { throw NoiseError.raggedTable }
        var noisy: [[Int]] = []
        for row in cells {
            var noisyRow: [Int] = []
            for count in row {
                noisyRow.append(max(0, try sum(count, try noise.sample(using: &random))))
            }
            noisy.append(noisyRow)
        }
        var rowTotals: [Int] = []
        var columnTotals = [Int](repeating: 0, count: width)
        var total = 0
        for row in noisy {
            var rowTotal = 0
            for (column, count) in row.enumerated() {
                rowTotal = try sum(rowTotal, count)
                columnTotals[column] = try sum(columnTotals[column], count)
            }
            rowTotals.append(rowTotal)
            total = try sum(total, rowTotal)
        }
        return (noisy, rowTotals, columnTotals, total)
    }

    private static func sum(_ a: Int, _ b: Int) throws(NoiseError) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw NoiseError.overflow }
        return result
    }
}
