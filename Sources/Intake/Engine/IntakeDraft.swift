/// A partial intake saved to be resumed exactly: the answers (language-independent), the
/// skipped questions and the position. It holds survivor data: store it only sealed.
public struct IntakeDraft: Equatable, Sendable, Codable {
    public let formID: String
    public let formVersion: Int
    /// Answers by answer path (`perpetrators[0].perpetrator_sex`).
    public let answers: [String: AnswerValue]
    /// Skipped answer paths, sorted.
    public let skipped: [String]
    /// The question `back` moved to (never past the first unresolved question), if any.
    public let cursor: String?

    public init(formID: String, formVersion: Int, answers: [String: AnswerValue], skipped: [String], cursor: String?) {
        self.formID = formID
        self.formVersion = formVersion
        self.answers = answers
        self.skipped = skipped
        self.cursor = cursor
    }
}

/// A draft that cannot be resumed with this form.
public enum DraftError: Error, Equatable, Sendable {
    /// The draft was saved from another form or another version of it.
    case formMismatch(formID: String, formVersion: Int)
    /// A path that is malformed or not asked with the draft's answers.
    case invalidPath(String)
    /// A saved answer that no longer passes validation.
    case invalidAnswer(AnswerError)
}

extension IntakeEngine {
    /// The state to save as a draft.
    public func snapshot() -> IntakeDraft {
        IntakeDraft(
            formID: form.id, formVersion: form.version,
            answers: Dictionary(uniqueKeysWithValues: answers.map { ($0.key.description, $0.value) }),
            skipped: skipped.map(\.description).sorted(), cursor: cursor?.description
        )
    }

    /// Resumes `draft` with `form`: every answer is checked again as if given now.
    public init(form: FormDefinition, localizer: Localizer, today: CalendarDay, draft: IntakeDraft) throws(DraftError) {
        guard draft.formID == form.id, draft.formVersion == form.version else {
            throw .formMismatch(formID: draft.formID, formVersion: draft.formVersion)
        }
        self.init(form: form, localizer: localizer, today: today)
        for (text, value) in draft.answers {
            guard let path = AnswerPath(parsing: text) else { throw .invalidPath(text) }
            answers[path] = value
        }
        for text in draft.skipped {
            guard let path = AnswerPath(parsing: text) else { throw .invalidPath(text) }
            skipped.insert(path)
        }
        let steps = planner.plan(answers)
        let asked = Set(steps.map(\.path))
        for path in Set(answers.keys).union(skipped) where !asked.contains(path) {
            throw .invalidPath(path.description)
        }
        for planned in steps {
            if skipped.contains(planned.path), planned.question.required || answers[planned.path] != nil {
                throw .invalidPath(planned.path.description)
            }
            guard let value = answers[planned.path] else { continue }
            do throws(AnswerProblem) {
                try validator.validate(value, for: planned.question) { answers[AnswerPath($0)] }
            } catch {
                throw .invalidAnswer(AnswerError(path: planned.path, problem: error))
            }
        }
        if let text = draft.cursor {
            let firstOpen = steps.firstIndex { answers[$0.path] == nil && !skipped.contains($0.path) } ?? steps.count
            guard let path = AnswerPath(parsing: text), let position = steps.firstIndex(where: { $0.path == path }),
                  position <= firstOpen else { throw .invalidPath(text) }
            cursor = path
        }
    }
}
