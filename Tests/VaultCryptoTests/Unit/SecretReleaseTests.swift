@_spi(Testing) import VaultCrypto
import XCTest

/// A released `SecretBytes` leaves only zeroes in its memory: the region is read after the last
/// reference went away, before it is handed back to the allocator.
final class SecretReleaseTests: XCTestCase {
    /// What the release hook saw: the region's bytes at the moment it was freed.
    private final class ReleasedRegion: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [UInt8]?
        var bytes: [UInt8]? { lock.withLock { seen } }
        func record(_ region: UnsafeMutableRawBufferPointer) {
            lock.withLock { seen = Array(region) }
            region.deallocate()
        }
    }

    func testAReleasedSecretLeavesOnlyZeroes() throws {
        let region = ReleasedRegion()
        let key = (0..<64).map { UInt8(0xA0 &+ $0) }
        do {
            let secret = SecretBytes(key, releasingWith: { region.record($0) })
            XCTAssertEqual(secret.copyBytes(), key)
            XCTAssertNil(region.bytes, "released while still referenced")
        }
        let released = try XCTUnwrap(region.bytes, "the secret was never released")
        XCTAssertEqual(released.count, key.count)
        XCTAssertEqual(released, [UInt8](repeating: 0, count: key.count), "key bytes survived the release")
    }

    func testAnEmptySecretReleasesItsPlaceholderByte() {
        let region = ReleasedRegion()
        do { _ = SecretBytes([UInt8](), releasingWith: { region.record($0) }) }
        XCTAssertEqual(region.bytes, [0])
    }
}
