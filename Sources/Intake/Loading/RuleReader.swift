/// Reads a question's `validation` object, allowing only the rules of its type:
/// number `min`/`max`/`integer`, text `maxLength`, date `notInFuture`/`notAfter`,
/// repeatable group `minItems`/`maxItems` (`maxItems` required).
struct RuleReader {
    let type: QuestionType
    let owner: String
    var references: [SourceMap.Reference] = []

    var allowedRules: Set<String> {
        switch type {
        case .number: ["min", "max", "integer"]
        case .text, .longText: ["maxLength"]
        case .date: ["notInFuture", "notAfter"]
        case .repeatableGroup: ["minItems", "maxItems"]
        case .singleChoice, .multiChoice, .yesNo: []
        }
    }

    mutating func read(_ node: JSONNode?, questionPath: String) throws(FormError) -> ValidationRules {
        var rules = ValidationRules()
        guard let node else {
            if type == .repeatableGroup { throw FormError(path: "\(questionPath).validation.maxItems", problem: .missing) }
            return rules
        }
        let all: Set<String> = ["min", "max", "integer", "maxLength", "notInFuture", "notAfter", "minItems", "maxItems"]
        let object = try node.object(allowed: all)
        for member in object.members where !allowedRules.contains(member.key) {
            throw node.child(member.key, member.value).fail(.notForThisType(member.key))
        }
        rules.minimum = try object.optional("min")?.decimal()
        rules.maximum = try object.optional("max")?.decimal()
        if let minimum = rules.minimum, let maximum = rules.maximum, minimum > maximum {
            throw (try object.required("max")).fail(.invalidValue)
        }
        rules.integer = try object.optional("integer")?.bool() ?? false
        rules.maxLength = try object.optional("maxLength")?.integer(in: 1...ValidationRules.defaultLongTextLength)
        rules.notInFuture = try object.optional("notInFuture")?.bool() ?? false
        if let notAfter = object.optional("notAfter") {
            let question = try notAfter.identifier()
            references.append(.init(question: question, path: notAfter.path, owner: owner, values: []))
            rules.notAfter = question
        }
        if type == .repeatableGroup {
            rules.maxItems = try object.required("maxItems").integer(in: 1...100)
            rules.minItems = try object.optional("minItems")?.integer(in: 0...(rules.maxItems ?? 100))
        }
        return rules
    }
}
