import VaultCrypto
import XCTest

/// Every vector of Wycheproof `chacha20_poly1305_test.json` through `AEAD` with `.chaCha20Poly1305`.
final class ChaCha20Poly1305WycheproofTests: XCTestCase {
    func testAllVectors() throws {
        try WycheproofRunner.run("chacha20_poly1305_test.json", groupType: AEADTestGroup.self, requiring: [.valid, .invalid]) { _, test, vector in
            AEADVectorCheck.check(test, algorithm: .chaCha20Poly1305, &vector)
        }
    }
}
