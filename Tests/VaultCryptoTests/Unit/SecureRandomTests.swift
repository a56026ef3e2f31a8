import VaultCrypto
import XCTest

/// `SecureRandom.bytes` lengths and `SecureRandom.uniform` range.
final class SecureRandomTests: XCTestCase {
    func testBytesCount() throws {
        XCTAssertEqual(try SecureRandom.bytes(count: 0), [])
        XCTAssertEqual(try SecureRandom.bytes(count: 1).count, 1)
        XCTAssertEqual(try SecureRandom.bytes(count: 4096).count, 4096)
        XCTAssertNotEqual(try SecureRandom.bytes(count: 32), try SecureRandom.bytes(count: 32))
    }

    func testUniformStaysInRange() throws {
        for bound: UInt32 in [1, 2, 3, 7, 10, 31, 1000, (1 << 31) + 1, UInt32.max] {
            for _ in 0..<2000 {
                let value = try SecureRandom.uniform(below: bound)
                XCTAssertLessThan(value, bound, "bound \(bound)")
            }
        }
        XCTAssertEqual(try SecureRandom.uniform(below: 1), 0)
    }

    func testUniformReachesEveryValueOfSmallRange() throws {
        // 7 values and 5000 draws: the chance of missing one is about 7 × (6/7)^5000, far below 1e-300.
        var seen = Set<UInt32>()
        for _ in 0..<5000 { seen.insert(try SecureRandom.uniform(below: 7)) }
        XCTAssertEqual(seen, Set(0..<7))
    }
}
