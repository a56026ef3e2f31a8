/// The checks that need the whole form: conditions and rules name existing questions asked
/// earlier, condition values fit those questions, the classification questions follow the
/// GBVIMS decision order and stop at the first yes, and every message id is translated in every
/// catalog.
struct FormChecker {
    let form: FormDefinition
    let map: SourceMap

    func check(catalogs: [Catalog]) throws(FormError) {
        try checkConditionReferences()
        try checkDateReferences()
        try checkClassification()
        for (id, path) in map.messages {
            for catalog in catalogs where !catalog.contains(id) {
                throw FormError(path: path, problem: .missingTranslation(messageID: id, language: catalog.language))
            }
        }
    }

    func checkConditionReferences() throws(FormError) {
        for reference in map.conditionReferences {
            let fail = { (problem: FormError.Problem) in FormError(path: reference.path, problem: problem) }
            guard let question = form.question(reference.question), let position = map.order[reference.question] else {
                throw fail(.unknownQuestion(reference.question))
            }
            guard position < map.order[reference.owner, default: 0] else { throw fail(.laterQuestion(reference.question)) }
            if let group = map.groupOf[reference.question], map.groupOf[reference.owner] != group {
                throw fail(.notVisible(reference.question))
            }
            for (value, path) in reference.values where !fits(value, question) {
                throw FormError(path: path, problem: .valueDoesNotFit(question: reference.question))
            }
        }
    }

    func fits(_ value: ConditionValue, _ question: Question) -> Bool {
        switch (value, question.type) {
        case (.bool, .yesNo): true
        case (.string(let id), .singleChoice), (.string(let id), .multiChoice): question.choice(id) != nil
        case (.string, .text), (.string, .longText): true
        case (.string(let text), .date): CalendarDay(iso: text) != nil
        case (.number, .number), (.number, .repeatableGroup): true
        default: false
        }
    }

    func checkDateReferences() throws(FormError) {
        for reference in map.dateReferences {
            guard let question = form.question(reference.question) else {
                throw FormError(path: reference.path, problem: .unknownQuestion(reference.question))
            }
            guard question.type == .date, map.groupOf[reference.question] == nil, reference.question != reference.owner else {
                throw FormError(path: reference.path, problem: .notForThisType("notAfter"))
            }
        }
    }

    func checkClassification() throws(FormError) {
        let questions = form.classificationQuestions
        guard !questions.isEmpty else { return }
        for (index, question) in questions.enumerated() {
            guard let kind = question.classifies else { continue }
            let path = map.questionPaths[question.id, default: ""]
            guard index < GBVType.decisionOrder.count, GBVType.decisionOrder[index] == kind else {
                throw FormError(path: "\(path).classifies", problem: .classificationOutOfOrder(kind))
            }
            try checkStops(question, earlier: Array(questions[..<index]), path: path, kind: kind)
        }
        if questions.count < GBVType.decisionOrder.count {
            throw FormError(path: "sections", problem: .classificationIncomplete(GBVType.decisionOrder[questions.count]))
        }
    }

    /// The question must be skipped as soon as any earlier classification question is yes, and
    /// asked when all of them are no.
    func checkStops(_ question: Question, earlier: [Question], path: String, kind: GBVType) throws(FormError) {
        func skipped(yes: String?) -> Bool {
            question.skipIf?.holds { id in
                earlier.contains { $0.id == id } ? .yesNo(id == yes) : nil
            } ?? false
        }
        let stops = earlier.allSatisfy { skipped(yes: $0.id) } && !skipped(yes: nil)
        guard stops else {
            let place = question.skipIf == nil ? path : "\(path).skipIf"
            throw FormError(path: place, problem: .classificationNotStopping(kind))
        }
    }
}
