/// The growing delay after failed logins: after n failures in a row the next attempt waits
/// min(n, 10) seconds from the last failure. Twenty wrong passphrases in a row cost at least
/// 145 seconds; the count lives in the vault, so restarting the program does not reset it.
public enum LoginThrottle {
    /// Longest single wait, in seconds.
    public static let maximumDelay = 10.0

    /// Seconds to wait after `failures` failures in a row.
    public static func delay(afterFailures failures: Int) -> Double {
        min(Double(max(failures, 0)), maximumDelay)
    }

    /// The earliest time (seconds since 1970) of the next attempt.
    static func earliestRetry(after row: LoginFailureRow) -> Double {
        row.lastFailureAt + delay(afterFailures: row.failures)
    }
}
