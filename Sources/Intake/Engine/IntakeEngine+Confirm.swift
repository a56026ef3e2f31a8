import Foundation

extension IntakeEngine {
    /// The validated result, once every question asked is answered or skipped. Every answer is
    /// checked again (dates against each other); an unanswered question gives `.required` with
    /// its path, and the engine stays as it was.
    public func confirm() throws(AnswerError) -> IntakeResult {
        let steps = review()
        if let open = steps.first(where: { !$0.isResolved }) {
            throw AnswerError(path: open.path, problem: .required)
        }
        for step in steps {
            guard let value = step.answer else { continue }
            do throws(AnswerProblem) {
                try validator.validate(value, for: step.question) { answers[AnswerPath($0)] }
            } catch {
                throw AnswerError(path: step.path, problem: error)
            }
        }
        return IntakeResult(
            formID: form.id, formVersion: form.version, answers: nestedAnswers(steps),
            incidentType: incidentType(), documentFields: documentFields()
        )
    }

    func nestedAnswers(_ steps: [IntakeStep]) -> [String: AnswerValue] {
        var result: [String: AnswerValue] = [:]
        var items: [String: [[String: AnswerValue]]] = [:]
        for step in steps {
            guard let value = step.answer else { continue }
            if let item = step.path.item, let field = step.path.field {
                var list = items[step.path.question] ?? []
                while list.count <= item { list.append([:]) }
                list[item][field] = value
                items[step.path.question] = list
            } else if step.question.type == .repeatableGroup, case .number(let count) = value {
                items[step.path.question] = Array(repeating: [:], count: max(0, Int(truncating: count as NSDecimalNumber)))
            } else {
                result[step.path.question] = value
            }
        }
        for (group, list) in items {
            result[group] = .group(list)
        }
        return result
    }

    func incidentType() -> GBVType? {
        let questions = form.classificationQuestions
        guard !questions.isEmpty else { return nil }
        var flags: [GBVType: Bool] = [:]
        for question in questions {
            if let kind = question.classifies, case .yesNo(let flag)? = answers[AnswerPath(question.id)] {
                flags[kind] = flag
            }
        }
        return IncidentClassifier.classify(flags)
    }

    func documentFields() -> [String: DocumentValue] {
        var fields: [String: DocumentValue] = [:]
        for question in form.sections.flatMap(\.questions) {
            guard let field = question.documentField, let value = answers[AnswerPath(question.id)] else { continue }
            switch value {
            case .text(let text): fields[field.rawValue] = .text(text)
            case .date(let day): fields[field.rawValue] = .text(day.iso)
            case .choice(let id): fields[field.rawValue] = .text(id)
            case .yesNo(let flag): fields[field.rawValue] = .flag(flag)
            case .number, .choices, .group: continue
            }
        }
        if let kind = incidentType() {
            fields[DocumentField.incidentType.rawValue] = .text(kind.rawValue)
        }
        return fields
    }
}
