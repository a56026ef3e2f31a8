import Foundation
import VaultCrypto

/// Injectable settings: the scrypt cost for new key slots and the clock. Tests lower the cost;
/// production uses `ScryptParameters.interactive` and the system clock.
public struct VaultOptions: Sendable {
    public var kdf: ScryptParameters
    public var now: @Sendable () -> Date

    public init(kdf: ScryptParameters = .interactive, now: @escaping @Sendable () -> Date = { Date() }) {
        self.kdf = kdf
        self.now = now
    }

    var today: String { ISODay.format(now()) }
}
