/// One correction of a case at the survivor's request (rectification): the day, who made it
/// and which fields it changed, by key (`survivor.name`, `intake.phone`), never their values.
/// The earlier values stay sealed in the case's history.
public struct Correction: Codable, Equatable, Sendable {
    public var day: String
    public var by: String
    public var fields: [String]

    public init(day: String, by: String, fields: [String]) {
        self.day = day
        self.by = by
        self.fields = fields
    }
}
