/// Which count a value is: the category of each dimension it is broken down by, in dimension
/// order. A total leaves a dimension out: the key of "rape, all age groups" has only the
/// incident type. Two tables that break the same counts down the same way share keys, so one
/// count published in two tables is one variable to an attacker and to the audit.
public struct CellKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// (dimension id, category id) pairs, sorted by dimension id.
    public let coordinates: [Coordinate]

    /// One dimension fixed to one of its categories (`type=rape`).
    public struct Coordinate: Hashable, Comparable, Sendable {
        public let dimension: String
        public let category: String

        public init(_ dimension: String, _ category: String) {
            self.dimension = dimension
            self.category = category
        }

        public static func < (a: Coordinate, b: Coordinate) -> Bool {
            (a.dimension, a.category) < (b.dimension, b.category)
        }
    }

    public init(_ coordinates: [Coordinate]) {
        self.coordinates = coordinates.sorted()
    }

    /// The grand total.
    public static let total = CellKey([])

    /// This key with one more dimension fixed.
    public func adding(_ coordinate: Coordinate) -> CellKey { CellKey(coordinates + [coordinate]) }

    /// The category of `dimension`, nil when this count adds that dimension up.
    public func category(of dimension: String) -> String? {
        coordinates.first { $0.dimension == dimension }?.category
    }

    public static func < (a: CellKey, b: CellKey) -> Bool {
        a.coordinates.lexicographicallyPrecedes(b.coordinates)
    }

    public var description: String {
        coordinates.isEmpty ? "total" : coordinates.map { "\($0.dimension)=\($0.category)" }.joined(separator: ",")
    }
}
