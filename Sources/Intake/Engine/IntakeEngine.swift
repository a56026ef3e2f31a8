/// The intake state machine, the same for every front (terminal, line-by-line, answers file).
/// `current` is the question to ask; `answer`, `skip`, `back` and `change` move through the
/// form; `review` lists every question asked so far; `confirm` returns the validated result.
/// A refused answer throws an `AnswerError` and leaves the engine exactly as it was.
///
/// Navigation: after an answer, a skip or a change the engine goes to the first question (in
/// form order) that is neither answered nor skipped, so a change that opens new questions leads
/// to them, and otherwise back to where the intake stood. `back` steps to the previous asked
/// question. An answer to a question that a change makes inapplicable is discarded.
public struct IntakeEngine: Sendable {
    public let form: FormDefinition
    let parser: AnswerParser
    let validator: AnswerValidator
    var answers: [AnswerPath: AnswerValue] = [:]
    var skipped: Set<AnswerPath> = []
    /// Set by `back`; nil means "the first unresolved question".
    var cursor: AnswerPath?

    /// A new intake of `form`, reading typed answers in `localizer`'s language; dates are checked
    /// against `today`.
    public init(form: FormDefinition, localizer: Localizer, today: CalendarDay) {
        self.form = form
        parser = AnswerParser(localizer: localizer)
        validator = AnswerValidator(form: form, today: today)
    }

    var planner: StepPlanner { StepPlanner(form: form) }

    func step(_ planned: StepPlanner.Planned) -> IntakeStep {
        IntakeStep(
            path: planned.path, question: planned.question, group: planned.group, section: planned.section,
            answer: answers[planned.path], isSkipped: skipped.contains(planned.path)
        )
    }

    /// The question to ask now, or nil when every question is answered or skipped.
    public var current: IntakeStep? {
        let steps = planner.plan(answers).map(step)
        if let cursor, let step = steps.first(where: { $0.path == cursor }) { return step }
        return steps.first { !$0.isResolved }
    }

    /// Every question asked so far and the ones still to ask, in order, with their state.
    public func review() -> [IntakeStep] {
        planner.plan(answers).map(step)
    }

    /// Answers the current question. An empty answer skips an optional question.
    public mutating func answer(_ input: AnswerInput) throws(AnswerError) {
        guard let step = current else { throw AnswerError(path: nil, problem: .finished) }
        try set(input, at: step)
    }

    /// Answers the current question with a typed line.
    public mutating func answer(_ typed: String) throws(AnswerError) {
        try answer(.typed(typed))
    }

    /// Skips the current question; only optional questions can be skipped.
    public mutating func skip() throws(AnswerError) {
        guard let step = current else { throw AnswerError(path: nil, problem: .finished) }
        guard !step.question.required else { throw AnswerError(path: step.path, problem: .cannotSkipRequired) }
        resolve(step.path, with: nil)
    }

    /// Goes to the previous question; false at the first one.
    @discardableResult
    public mutating func back() -> Bool {
        let steps = planner.plan(answers)
        let position = current.flatMap { now in steps.firstIndex { $0.path == now.path } } ?? steps.count
        guard position > 0 else { return false }
        cursor = steps[position - 1].path
        return true
    }

    /// Replaces the answer of a question already reached (answered, skipped or current), then
    /// continues at the first unresolved question. Returns the answers discarded because their
    /// questions no longer apply.
    @discardableResult
    public mutating func change(_ path: AnswerPath, to input: AnswerInput) throws(AnswerError) -> [AnswerPath] {
        let current = current
        guard let step = review().first(where: { $0.path == path }), step.isResolved || step.path == current?.path else {
            throw AnswerError(path: path, problem: .notReached)
        }
        let before = Set(answers.keys).union(skipped)
        try set(input, at: step)
        let after = Set(answers.keys).union(skipped)
        return before.subtracting(after).sorted { $0.description < $1.description }
    }

    /// Checks `input` for `step` and stores it, or throws without changing anything.
    mutating func set(_ input: AnswerInput, at step: IntakeStep) throws(AnswerError) {
        let value: AnswerValue?
        do throws(AnswerProblem) {
            value = try validatedValue(input, for: step)
        } catch {
            throw AnswerError(path: step.path, problem: error)
        }
        resolve(step.path, with: value)
    }

    /// Stores an answer (nil: skipped), drops answers of questions that no longer apply and
    /// returns to the first unresolved question.
    mutating func resolve(_ path: AnswerPath, with value: AnswerValue?) {
        if let value {
            answers[path] = value
            skipped.remove(path)
        } else {
            answers.removeValue(forKey: path)
            skipped.insert(path)
        }
        cursor = nil
        let asked = Set(planner.plan(answers).map(\.path))
        answers = answers.filter { asked.contains($0.key) }
        skipped = skipped.filter(asked.contains)
    }

    func validatedValue(_ input: AnswerInput, for step: IntakeStep) throws(AnswerProblem) -> AnswerValue? {
        let question = step.question
        let limit = question.validation.effectiveMaxLength(for: question.type)
        let multiline = question.type == .longText
        var value: AnswerValue
        switch input {
        case .bytes(let bytes):
            guard let text = InputText.decode(bytes) else { throw .invalidEncoding }
            return try validatedValue(.typed(text), for: step)
        case .typed(let raw):
            let text = try InputText.clean(raw, multiline: multiline, limit: limit)
            guard !text.isEmpty else {
                if question.required { throw .required }
                return nil
            }
            value = try parser.parse(text, for: question)
        case .value(.text(let raw)):
            let text = try InputText.clean(raw, multiline: multiline, limit: limit)
            guard !text.isEmpty else {
                if question.required { throw .required }
                return nil
            }
            value = .text(text)
        case .value(let given):
            value = given
        }
        try validator.validate(value, for: question) { answers[AnswerPath($0)] }
        return value
    }
}
