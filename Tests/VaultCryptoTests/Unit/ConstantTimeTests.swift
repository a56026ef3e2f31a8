import VaultCrypto
import XCTest

/// `ConstantTime.equal` on arrays and raw buffers.
final class ConstantTimeTests: XCTestCase {
    func testEqual() {
        XCTAssertTrue(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        XCTAssertTrue(ConstantTime.equal([], []))
        XCTAssertTrue(ConstantTime.equal([UInt8](repeating: 0xAB, count: 64), [UInt8](repeating: 0xAB, count: 64)))
    }

    func testUnequal() {
        XCTAssertFalse(ConstantTime.equal([1, 2, 3], [0, 2, 3]), "first byte differs")
        XCTAssertFalse(ConstantTime.equal([1, 2, 3], [1, 0, 3]), "middle byte differs")
        XCTAssertFalse(ConstantTime.equal([1, 2, 3], [1, 2, 4]), "last byte differs")
        XCTAssertFalse(ConstantTime.equal([0x80], [0x00]), "high bit differs")
    }

    func testDifferentLengths() {
        XCTAssertFalse(ConstantTime.equal([1, 2, 3], [1, 2]))
        XCTAssertFalse(ConstantTime.equal([1, 2], [1, 2, 3]))
        XCTAssertFalse(ConstantTime.equal([], [0]))
        XCTAssertFalse(ConstantTime.equal([0], []))
    }

    func testRawBuffers() {
        let a: [UInt8] = [5, 6, 7, 8]
        let b: [UInt8] = [5, 6, 7, 9]
        a.withUnsafeBytes { left in
            a.withUnsafeBytes { XCTAssertTrue(ConstantTime.equal(left, $0)) }
            b.withUnsafeBytes { XCTAssertFalse(ConstantTime.equal(left, $0)) }
            XCTAssertTrue(ConstantTime.equal(UnsafeRawBufferPointer(rebasing: left[0..<3]), UnsafeRawBufferPointer(rebasing: left[0..<3])))
            XCTAssertFalse(ConstantTime.equal(UnsafeRawBufferPointer(rebasing: left[0..<3]), left))
        }
    }
}
