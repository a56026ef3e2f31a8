/// A form file the loader refuses, with the exact place: a JSON path such as
/// `sections[2].questions[4].type` (empty for the whole file) and what is wrong there.
public struct FormError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// What is wrong at `path`.
    public enum Problem: Equatable, Sendable {
        /// Not JSON; the place is a line and column instead of a path.
        case invalidJSON(line: Int, column: Int)
        /// No embedded form by that name.
        case notFound(String)
        /// A required key is absent (the path names it).
        case missing
        case unknownKey
        case duplicateKey
        case wrongType(expected: String)
        /// An id that is not lowercase ASCII letters, digits and underscores, starting with a letter.
        case invalidID(String)
        /// A value out of its range, such as a negative `maxLength`.
        case invalidValue
        /// A list that must not be empty (sections, questions, choices).
        case emptyList
        case unknownType(String)
        case duplicateID(String)
        case unknownChoiceSet(String)
        /// A condition or rule names a question the form does not have.
        case unknownQuestion(String)
        /// A condition names a question that is not asked before the one it belongs to.
        case laterQuestion(String)
        /// A condition's value cannot be an answer of the question it names.
        case valueDoesNotFit(question: String)
        /// A key or validation rule that does not apply to the question's type (`choices` on a
        /// date question, `min` on a text), or a `notAfter` that does not name a date question.
        case notForThisType(String)
        /// A condition outside a repeatable group names one of the group's questions.
        case notVisible(String)
        case unknownDocumentField(String)
        /// A document field that the question's type cannot fill, that is derived, or inside a group.
        case documentFieldNotAllowed(String)
        case duplicateDocumentField(String)
        case unknownIncidentType(String)
        /// A classification question that is not a required top-level yes/no question, or out of
        /// the GBVIMS order.
        case classificationOutOfOrder(GBVType)
        /// The classification questions do not cover every type (the first missing one).
        case classificationIncomplete(GBVType)
        /// A classification question that is still asked after an earlier one was answered yes,
        /// or skipped when all earlier ones were answered no.
        case classificationNotStopping(GBVType)
        /// A repeatable group inside a repeatable group.
        case nestedGroup
        /// A message id that a catalog does not translate.
        case missingTranslation(messageID: String, language: Language)

        /// A short stable name of the problem kind (used by test fixtures).
        public var code: String {
            let text = String(describing: self)
            return String(text.prefix { $0 != "(" })
        }
    }

    public var description: String {
        let place = path.isEmpty ? "form" : path
        switch problem {
        case .invalidJSON(let line, let column): return "form: not valid JSON at line \(line), column \(column)"
        case .missingTranslation(let id, let language): return "\(place): message \(id) has no \(language.rawValue) translation"
        default: return "\(place): \(problem)"
        }
    }
}
