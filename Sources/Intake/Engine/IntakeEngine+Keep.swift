extension IntakeEngine {
    /// After `back`: keeps the current question's earlier answer (or its skip) and moves to the
    /// next question in form order, so Enter on a question gone back to changes nothing. False
    /// when the current question has no earlier answer and was not skipped.
    @discardableResult
    public mutating func keep() -> Bool {
        guard let now = current, now.isResolved else { return false }
        let steps = planner.plan(answers)
        guard let position = steps.firstIndex(where: { $0.path == now.path }), position + 1 < steps.count,
              step(steps[position + 1]).isResolved else {
            cursor = nil
            return true
        }
        cursor = steps[position + 1].path
        return true
    }
}
