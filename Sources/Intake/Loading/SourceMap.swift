/// Where things are in a form file, collected while reading it, so the checks that need the
/// whole form can still report the exact JSON path.
struct SourceMap {
    /// A question id named by a condition or a rule.
    struct Reference {
        /// The question named.
        let question: String
        /// Path of the key that names it.
        let path: String
        /// The question the condition or rule belongs to.
        let owner: String
        /// Condition values compared with the named question's answer, with their paths.
        let values: [(value: ConditionValue, path: String)]
    }

    /// Position of each question in form order (groups before their own questions).
    var order: [String: Int] = [:]
    /// Path of each question's object.
    var questionPaths: [String: String] = [:]
    /// The group each group question belongs to.
    var groupOf: [String: String] = [:]
    /// Questions named by `skipIf` conditions.
    var conditionReferences: [Reference] = []
    /// Questions named by `notAfter` rules.
    var dateReferences: [Reference] = []
    /// Every message id with the path that names it, in file order.
    var messages: [(id: String, path: String)] = []
}
