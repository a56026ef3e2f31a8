/// The grammatical gender in which a staff user's role is named (Serbian and Romani role nouns
/// have both: саветница / саветник). Each account sets its own; it is a display preference that
/// no decision depends on, stored plain in `user_profiles`.
public enum GrammaticalGender: String, Sendable, CaseIterable, Codable {
    case feminine, masculine

    /// For a user who has not chosen: most of the staff these organisations have are women.
    public static let `default` = GrammaticalGender.feminine
}
