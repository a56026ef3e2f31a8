/// One question of a form, as the form file defines it (docs/intake.md). Texts are message ids
/// looked up in the catalogs; `choices` are already resolved from named choice sets.
public struct Question: Equatable, Sendable {
    /// Unique id in the whole form; answers are keyed by it.
    public let id: String
    public let type: QuestionType
    /// Message id of the question text.
    public let prompt: String
    /// Message id of the help text shown on request, if any.
    public let help: String?
    /// Whether the question must be answered (it cannot be skipped).
    public let required: Bool
    /// The options of a choice question, in display order (numbered from 1).
    public let choices: [Choice]
    public let validation: ValidationRules
    /// The question is not asked when this holds.
    public let skipIf: Condition?
    /// The case-document key this answer fills, if any.
    public let documentField: DocumentField?
    /// For the ordered classification questions: the type a "yes" means.
    public let classifies: GBVType?
    /// For a repeatable group: message id of an item heading (placeholder `{index}`).
    public let itemTitle: String?
    /// For a repeatable group: the questions each item answers.
    public let questions: [Question]

    public init(
        id: String, type: QuestionType, prompt: String, help: String? = nil, required: Bool = false,
        choices: [Choice] = [], validation: ValidationRules = ValidationRules(), skipIf: Condition? = nil,
        documentField: DocumentField? = nil, classifies: GBVType? = nil, itemTitle: String? = nil,
        questions: [Question] = []
    ) {
        self.id = id
        self.type = type
        self.prompt = prompt
        self.help = help
        self.required = required
        self.choices = choices
        self.validation = validation
        self.skipIf = skipIf
        self.documentField = documentField
        self.classifies = classifies
        self.itemTitle = itemTitle
        self.questions = questions
    }

    /// The choice with id `id`, if the question offers it.
    public func choice(_ id: String) -> Choice? {
        choices.first { $0.id == id }
    }
}
