/// The result Wycheproof expects for one test case.
enum WycheproofResult: String, Decodable, Sendable, CaseIterable {
    case valid
    case invalid
    case acceptable
}

/// The fields every Wycheproof test case carries, whatever its schema. Each runner declares a
/// conforming struct with the schema's own byte fields (as `HexBytes`).
protocol WycheproofTestCase: Decodable {
    var tcId: Int { get }
    var comment: String { get }
    var flags: [String] { get }
    var result: WycheproofResult { get }
}

/// A group of test cases sharing parameters (key size, nonce size, public key, ...). Each runner
/// declares a conforming struct with the group fields its schema defines.
protocol WycheproofTestGroup: Decodable {
    associatedtype TestCase: WycheproofTestCase
    var tests: [TestCase] { get }
}

/// One Wycheproof vector file (`testvectors_v1/*.json`): the header fields plus
/// `testGroups[].tests[]`, decoded with the schema-specific group type `Group`.
struct WycheproofFile<Group: WycheproofTestGroup>: Decodable {
    let algorithm: String
    let schema: String
    let numberOfTests: Int
    let testGroups: [Group]

    /// Loads and decodes the fixture `name` from the test bundle.
    static func load(_ name: String) throws -> WycheproofFile<Group> {
        try Fixtures.decode(WycheproofFile<Group>.self, from: name)
    }
}
