/// A question as the engine presents it: where its answer goes, its definition, and its state.
/// For a repeatable group the first step asks how many items (`question.type` is
/// `.repeatableGroup`, answered with a number); then each item's questions follow with `group`
/// set and `path.item` counting from 0 (show `itemTitle` with `{index}` = item + 1).
public struct IntakeStep: Equatable, Sendable {
    public let path: AnswerPath
    public let question: Question
    /// The repeatable group this question belongs to, if any.
    public let group: Question?
    /// The section the question is in.
    public let section: FormSection
    /// The answer given so far, if any.
    public let answer: AnswerValue?
    /// Whether the question was skipped.
    public let isSkipped: Bool

    /// Whether the question has been dealt with (answered or skipped).
    public var isResolved: Bool { answer != nil || isSkipped }
}

