import VaultCrypto
import XCTest

/// Every vector of Wycheproof `aes_gcm_test.json` through `AEAD` with `.aesGCM`.
final class AESGCMWycheproofTests: XCTestCase {
    func testAllVectors() throws {
        try WycheproofRunner.run("aes_gcm_test.json", groupType: AEADTestGroup.self, requiring: [.valid, .invalid]) { _, test, vector in
            AEADVectorCheck.check(test, algorithm: .aesGCM, &vector)
        }
    }
}
