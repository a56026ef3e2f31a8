/// Reads a `skipIf` condition (see `Condition`) and notes every question it names.
struct ConditionReader {
    let owner: String
    var references: [SourceMap.Reference] = []

    static let comparisons = ["equals", "notEquals", "in", "answered"]
    static let combinations = ["all", "any", "not"]

    mutating func read(_ node: JSONNode) throws(FormError) -> Condition {
        let object = try node.object(allowed: Set(["question"] + Self.comparisons + Self.combinations))
        let keys = object.members.map(\.key)
        if let questionNode = object.optional("question") {
            let question = try questionNode.identifier()
            let operators = keys.filter { Self.comparisons.contains($0) }
            if let extra = keys.first(where: { Self.combinations.contains($0) }) ?? operators.dropFirst().first {
                throw (try object.required(extra)).fail(.unknownKey)
            }
            guard let name = operators.first else { throw FormError(path: "\(node.path).equals", problem: .missing) }
            let operand = try object.required(name)
            return try comparison(name, question: question, questionPath: questionNode.path, operand: operand)
        }
        guard let name = keys.first(where: { Self.combinations.contains($0) }) else {
            let path = keys.first.map { "\(node.path).\($0)" } ?? "\(node.path).question"
            throw FormError(path: path, problem: keys.isEmpty ? .missing : .unknownKey)
        }
        if let extra = keys.first(where: { $0 != name }) { throw (try object.required(extra)).fail(.unknownKey) }
        let operand = try object.required(name)
        if name == "not" { return .not(try read(operand)) }
        var conditions: [Condition] = []
        for element in try operand.array(nonEmpty: true) {
            conditions.append(try read(element))
        }
        return name == "all" ? .all(conditions) : .any(conditions)
    }

    mutating func comparison(_ name: String, question: String, questionPath: String, operand: JSONNode) throws(FormError) -> Condition {
        if name == "answered" {
            references.append(.init(question: question, path: questionPath, owner: owner, values: []))
            return .answered(question: question, try operand.bool())
        }
        var values: [(value: ConditionValue, path: String)] = []
        if name == "in" {
            for element in try operand.array(nonEmpty: true) {
                values.append((try value(element), element.path))
            }
        } else {
            values.append((try value(operand), operand.path))
        }
        references.append(.init(question: question, path: questionPath, owner: owner, values: values))
        switch name {
        case "equals": return .equals(question: question, value: values[0].value)
        case "notEquals": return .notEquals(question: question, value: values[0].value)
        default: return .isIn(question: question, values: values.map(\.value))
        }
    }

    func value(_ node: JSONNode) throws(FormError) -> ConditionValue {
        switch node.value {
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .number: return .number(try node.decimal())
        default: throw node.wrongType("boolean, string or number")
        }
    }
}
