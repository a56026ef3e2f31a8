/// One option of a single- or multi-choice question.
public struct Choice: Equatable, Sendable {
    /// The stable value stored in answers and case documents (never translated).
    public let id: String
    /// Message id of the label shown to the user.
    public let label: String
    /// In a multi-choice question, an exclusive choice (such as "nowhere else") cannot be
    /// combined with any other.
    public let exclusive: Bool

    public init(id: String, label: String, exclusive: Bool = false) {
        self.id = id
        self.label = label
        self.exclusive = exclusive
    }
}
