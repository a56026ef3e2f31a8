internal import CGLPK

/// The attacker's computation: how far the published counts and sums pin down one hidden count,
/// when every count is a non-negative integer. Solved exactly as an integer program by GLPK
/// (the system libglpk), the only solver of this module: no well-kept LP library exists for
/// Swift, so this file wraps its C API by hand, and no pointer or GLPK code leaves it.
///
/// Columns are all counts of the system: published ones fixed at their value, hidden ones
/// integers ≥ 0. Rows are the sums, `total − Σ parts = 0`. Minimising and maximising one hidden
/// column gives the interval an attacker can narrow it to; the true counts are a solution, so
/// the problem is never infeasible.
final class IntegerProgram {
    private let problem: OpaquePointer
    private let columns: Int

    init(_ counts: LinkedCounts, hidden: Set<Int>) {
        _ = glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        columns = counts.values.count
        if columns > 0 { glp_add_cols(problem, Int32(columns)) }
        for (column, value) in counts.values.enumerated() {
            let index = Int32(column + 1)
            if hidden.contains(column) {
                glp_set_col_bnds(problem, index, GLP_LO, 0, 0)
                glp_set_col_kind(problem, index, GLP_IV)
            } else {
                glp_set_col_bnds(problem, index, GLP_FX, Double(value), Double(value))
            }
        }
        guard !counts.sums.isEmpty else { return }
        glp_add_rows(problem, Int32(counts.sums.count))
        var rows: [Int32] = [0], cols: [Int32] = [0], coefficients: [Double] = [0]
        for (row, sum) in counts.sums.enumerated() {
            glp_set_row_bnds(problem, Int32(row + 1), GLP_FX, 0, 0)
            for (column, coefficient) in [(sum.total, 1.0)] + sum.parts.map({ ($0, -1.0) }) {
                rows.append(Int32(row + 1))
                cols.append(Int32(column + 1))
                coefficients.append(coefficient)
            }
        }
        glp_load_matrix(problem, Int32(rows.count - 1), &rows, &cols, &coefficients)
    }

    deinit { glp_delete_prob(problem) }

    /// The smallest and largest value `column` can take; `max` nil when nothing bounds it.
    func interval(of column: Int) throws(DisclosureError) -> (min: Int, max: Int?) {
        for other in 0..<columns { glp_set_obj_coef(problem, Int32(other + 1), other == column ? 1 : 0) }
        guard let low = try optimum(GLP_MIN) else { throw .solverFailed }
        return (low, try optimum(GLP_MAX))
    }

    /// The optimum in `direction`; nil when unbounded.
    private func optimum(_ direction: Int32) throws(DisclosureError) -> Int? {
        glp_set_obj_dir(problem, direction)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        let result = glp_intopt(problem, &parameters)
        if result == GLP_ENODFS { return nil }
        guard result == 0, glp_mip_status(problem) == GLP_OPT else { throw .solverFailed }
        return Int(glp_mip_obj_val(problem).rounded())
    }
}
