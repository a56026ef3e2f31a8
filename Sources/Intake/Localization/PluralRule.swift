/// CLDR plural categories used by our languages.
public enum PluralCategory: String, Sendable {
    case one, few, other
}

/// CLDR plural rules for whole numbers, and how they map to gettext's `msgstr[n]` indexes.
public enum PluralRule: Sendable {
    /// sr: one (n%10=1, n%100≠11), few (n%10 in 2..4, n%100 not in 12..14), other.
    case serbian
    /// en, rom: one (n=1), other.
    case oneOther

    /// The categories in `msgstr[n]` order.
    public var categories: [PluralCategory] {
        switch self {
        case .serbian: [.one, .few, .other]
        case .oneOther: [.one, .other]
        }
    }

    /// The category of `count` (negative counts as their absolute value).
    public func category(for count: Int) -> PluralCategory {
        let n = count.magnitude
        switch self {
        case .oneOther:
            return n == 1 ? .one : .other
        case .serbian:
            if n % 10 == 1, n % 100 != 11 { return .one }
            if (2...4).contains(n % 10), !(12...14).contains(n % 100) { return .few }
            return .other
        }
    }

    /// The `msgstr[n]` index for `count`.
    public func index(for count: Int) -> Int {
        categories.firstIndex(of: category(for: count)) ?? categories.count - 1
    }

    /// The `Plural-Forms` header value that expresses this rule to gettext tools (Poedit, Weblate).
    public var gettextHeader: String {
        switch self {
        case .serbian:
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        case .oneOther:
            "nplurals=2; plural=(n != 1);"
        }
    }
}
