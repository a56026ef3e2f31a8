import Foundation

/// Works out which questions are asked, in order, for the answers given so far: a question is
/// left out when its `skipIf` holds; a repeatable group is its count question followed by its
/// own questions once per item. Conditions see only answers of questions that are asked, so an
/// answer left over from a question that no longer applies cannot steer anything.
struct StepPlanner {
    /// One question to ask: where its answer goes, and the definitions that apply.
    struct Planned: Equatable {
        let path: AnswerPath
        let question: Question
        let group: Question?
        let section: FormSection
    }

    let form: FormDefinition

    func plan(_ answers: [AnswerPath: AnswerValue]) -> [Planned] {
        var steps: [Planned] = []
        var visible: [String: AnswerValue] = [:]
        for section in form.sections {
            for question in section.questions {
                if question.skipIf?.holds({ visible[$0] }) == true { continue }
                let path = AnswerPath(question.id)
                steps.append(Planned(path: path, question: question, group: nil, section: section))
                visible[question.id] = answers[path]
                guard question.type == .repeatableGroup, case .number(let count)? = answers[path] else { continue }
                for item in 0..<max(0, min(Int(truncating: count as NSDecimalNumber), 100)) {
                    var itemVisible = visible
                    for field in question.questions {
                        if field.skipIf?.holds({ itemVisible[$0] }) == true { continue }
                        let fieldPath = AnswerPath(group: question.id, item: item, field: field.id)
                        steps.append(Planned(path: fieldPath, question: field, group: question, section: section))
                        itemVisible[field.id] = answers[fieldPath]
                    }
                }
            }
        }
        return steps
    }
}
