/// Lines entered in this session, oldest first, in memory only: never written anywhere.
/// Blank lines are not kept, a line equal to the one before is kept once, and beyond
/// `limit` entries the oldest is dropped.
struct History {
    let limit: Int
    private(set) var entries: [String] = []

    init(limit: Int) {
        self.limit = max(limit, 0)
    }

    mutating func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != entries.last, limit > 0 else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    mutating func removeAll() {
        entries.removeAll()
    }
}
