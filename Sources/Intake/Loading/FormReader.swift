/// Turns the JSON of a form file into a `FormDefinition`, refusing anything malformed with its
/// path: unknown or missing keys, wrong JSON types, unknown question types, duplicate ids, keys
/// that do not fit the question type. Checks that need the whole form are `FormChecker`'s.
struct FormReader {
    var map = SourceMap()
    var questionIDs = Set<String>()
    var documentFields = Set<DocumentField>()
    var choiceSets: [String: [Choice]] = [:]

    static let questionKeys: Set<String> = [
        "id", "type", "prompt", "help", "required", "choices", "validation", "skipIf", "documentField",
        "classifies", "itemTitle", "questions",
    ]

    mutating func read(_ root: JSONNode) throws(FormError) -> FormDefinition {
        let object = try root.object(allowed: ["id", "version", "title", "choiceSets", "sections"])
        let id = try object.required("id").identifier()
        let version = try object.required("version").integer(in: 1...1_000_000)
        let title = try message(object.required("title"))
        if let sets = object.optional("choiceSets") { try readChoiceSets(sets) }
        var sections: [FormSection] = []
        var sectionIDs = Set<String>()
        for node in try object.required("sections").array(nonEmpty: true) {
            let section = try readSection(node)
            guard sectionIDs.insert(section.id).inserted else {
                throw FormError(path: "\(node.path).id", problem: .duplicateID(section.id))
            }
            sections.append(section)
        }
        return FormDefinition(id: id, version: version, title: title, sections: sections)
    }

    mutating func message(_ node: JSONNode) throws(FormError) -> String {
        let id = try node.messageID()
        map.messages.append((id, node.path))
        return id
    }

    mutating func readChoiceSets(_ node: JSONNode) throws(FormError) {
        guard case .object(let members) = node.value else { throw node.wrongType("object") }
        let object = try node.object(allowed: Set(members.map(\.key)))
        for member in object.members {
            let child = node.child(member.key, member.value)
            guard AnswerPath.isIdentifier(member.key) else { throw child.fail(.invalidID(member.key)) }
            choiceSets[member.key] = try readChoiceList(child)
        }
    }

    mutating func readChoiceList(_ node: JSONNode) throws(FormError) -> [Choice] {
        var choices: [Choice] = []
        for element in try node.array(nonEmpty: true) {
            let object = try element.object(allowed: ["id", "label", "exclusive"])
            let idNode = try object.required("id")
            let id = try idNode.identifier()
            guard !choices.contains(where: { $0.id == id }) else { throw idNode.fail(.duplicateID(id)) }
            let label = try message(object.required("label"))
            let exclusive = try object.optional("exclusive")?.bool() ?? false
            choices.append(Choice(id: id, label: label, exclusive: exclusive))
        }
        return choices
    }

    mutating func readSection(_ node: JSONNode) throws(FormError) -> FormSection {
        let object = try node.object(allowed: ["id", "title", "help", "questions"])
        let id = try object.required("id").identifier()
        let title = try message(object.required("title"))
        let help = try object.optional("help").map { (node) throws(FormError) in try message(node) }
        var questions: [Question] = []
        for child in try object.required("questions").array(nonEmpty: true) {
            questions.append(try readQuestion(child, group: nil))
        }
        return FormSection(id: id, title: title, help: help, questions: questions)
    }

    mutating func readQuestion(_ node: JSONNode, group: String?) throws(FormError) -> Question {
        let object = try node.object(allowed: Self.questionKeys)
        let idNode = try object.required("id")
        let id = try idNode.identifier()
        guard questionIDs.insert(id).inserted else { throw idNode.fail(.duplicateID(id)) }
        map.order[id] = map.order.count
        map.questionPaths[id] = node.path
        if let group { map.groupOf[id] = group }

        let typeNode = try object.required("type")
        let typeName = try typeNode.string()
        guard let type = QuestionType(rawValue: typeName) else { throw typeNode.fail(.unknownType(typeName)) }
        if type == .repeatableGroup, group != nil { throw typeNode.fail(.nestedGroup) }
        func refuse(_ key: String, unless allowed: Bool) throws(FormError) {
            if !allowed, let child = object.optional(key) { throw child.fail(.notForThisType(key)) }
        }
        let isChoice = type == .singleChoice || type == .multiChoice
        try refuse("choices", unless: isChoice)
        try refuse("itemTitle", unless: type == .repeatableGroup)
        try refuse("questions", unless: type == .repeatableGroup)

        let prompt = try message(object.required("prompt"))
        let help = try object.optional("help").map { (node) throws(FormError) in try message(node) }
        let required = try object.optional("required")?.bool() ?? false
        let choices = isChoice ? try readChoices(object.required("choices")) : []
        var rules = RuleReader(type: type, owner: id)
        let validation = try rules.read(object.optional("validation"), questionPath: node.path)
        map.dateReferences += rules.references
        var conditions = ConditionReader(owner: id)
        let skipIf = try object.optional("skipIf").map { (node) throws(FormError) in try conditions.read(node) }
        map.conditionReferences += conditions.references
        let documentField = try readDocumentField(object.optional("documentField"), type: type, choices: choices, group: group)
        let classifies = try readClassifies(object.optional("classifies"), type: type, required: required, group: group)

        var itemTitle: String?
        var questions: [Question] = []
        if type == .repeatableGroup {
            itemTitle = try message(object.required("itemTitle"))
            for child in try object.required("questions").array(nonEmpty: true) {
                questions.append(try readQuestion(child, group: id))
            }
        }
        return Question(
            id: id, type: type, prompt: prompt, help: help, required: required, choices: choices,
            validation: validation, skipIf: skipIf, documentField: documentField, classifies: classifies,
            itemTitle: itemTitle, questions: questions
        )
    }

    /// `choices`: a list, or the name of a list in `choiceSets`.
    mutating func readChoices(_ node: JSONNode) throws(FormError) -> [Choice] {
        guard case .string(let name) = node.value else { return try readChoiceList(node) }
        guard let choices = choiceSets[name] else { throw node.fail(.unknownChoiceSet(name)) }
        return choices
    }

    mutating func readDocumentField(
        _ node: JSONNode?, type: QuestionType, choices: [Choice], group: String?
    ) throws(FormError) -> DocumentField? {
        guard let node else { return nil }
        let name = try node.string()
        guard let field = DocumentField(rawValue: name) else { throw node.fail(.unknownDocumentField(name)) }
        let choicesFit = field.allowedChoices.map { allowed in choices.allSatisfy { allowed.contains($0.id) } } ?? true
        guard field.acceptedTypes.contains(type), group == nil, choicesFit else {
            throw node.fail(.documentFieldNotAllowed(name))
        }
        guard documentFields.insert(field).inserted else { throw node.fail(.duplicateDocumentField(name)) }
        return field
    }

    func readClassifies(_ node: JSONNode?, type: QuestionType, required: Bool, group: String?) throws(FormError) -> GBVType? {
        guard let node else { return nil }
        let name = try node.string()
        guard let kind = GBVType(rawValue: name), kind != .nonGBV else { throw node.fail(.unknownIncidentType(name)) }
        guard type == .yesNo, required, group == nil else { throw node.fail(.notForThisType("classifies")) }
        return kind
    }
}
