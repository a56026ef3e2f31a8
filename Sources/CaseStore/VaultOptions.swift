import Foundation
import VaultCrypto

/// Injectable settings: the scrypt cost for new key slots, the clock, and how to wait. Tests
/// lower the cost and use a fake clock; production uses `ScryptParameters.interactive`, the
/// system clock and a real sleep.
public struct VaultOptions: Sendable {
    public var kdf: ScryptParameters
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (TimeInterval) -> Void
    /// Where new case codes come from: nil (every real vault) draws each from `SecureRandom`;
    /// only `casevault demo` sets a `CaseCodeSequence`, for its invented cases.
    public var caseCodes: CaseCodeSequence?

    public init(kdf: ScryptParameters = .interactive, now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
                caseCodes: CaseCodeSequence? = nil) {
        self.kdf = kdf
        self.now = now
        self.sleep = sleep
        self.caseCodes = caseCodes
    }

    var today: String { ISODay.format(now()) }

    /// The audit time of now: UTC to the minute.
    var minute: String { ISODay.formatMinute(now()) }
}
