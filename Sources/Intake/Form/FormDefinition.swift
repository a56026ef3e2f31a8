/// A checked intake form: sections of questions, loaded from a form file by `FormLoader`.
public struct FormDefinition: Equatable, Sendable {
    /// The form's id (`gbv_intake`); drafts name it.
    public let id: String
    /// Raised whenever questions change, so an old draft is not resumed against a new form.
    public let version: Int
    /// Message id of the form's title.
    public let title: String
    public let sections: [FormSection]

    public init(id: String, version: Int, title: String, sections: [FormSection]) {
        self.id = id
        self.version = version
        self.title = title
        self.sections = sections
    }

    /// Every question in form order, group questions followed by their own questions.
    public var allQuestions: [Question] {
        sections.flatMap(\.questions).flatMap { [$0] + $0.questions }
    }

    /// The question with id `id`, at any level.
    public func question(_ id: String) -> Question? {
        allQuestions.first { $0.id == id }
    }

    /// The classification questions in form order (the loader checks they follow GBVIMS order).
    public var classificationQuestions: [Question] {
        sections.flatMap(\.questions).filter { $0.classifies != nil }
    }
}

/// A titled part of a form (consent, survivor, incident, ...).
public struct FormSection: Equatable, Sendable {
    public let id: String
    /// Message id of the section title.
    public let title: String
    /// Message id of a note shown when the section starts, if any.
    public let help: String?
    public let questions: [Question]

    public init(id: String, title: String, help: String? = nil, questions: [Question]) {
        self.id = id
        self.title = title
        self.help = help
        self.questions = questions
    }
}
