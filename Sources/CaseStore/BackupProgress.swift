/// How far a backup has got, for a progress bar: the copy counts storage pages, the check that
/// follows counts cases. A large vault takes seconds for each, and the person waiting should
/// see that it moves.
public enum BackupProgress: Sendable, Equatable {
    /// `done` of `total` storage pages copied.
    case copying(done: Int, total: Int)
    /// `done` of `total` cases of the copy checked.
    case checking(done: Int, total: Int)
}
