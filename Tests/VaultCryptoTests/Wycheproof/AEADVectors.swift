import VaultCrypto

/// A group of `aead_test_schema_v1` (AES-GCM, ChaCha20-Poly1305): sizes are in bits.
struct AEADTestGroup: WycheproofTestGroup {
    let keySize: Int
    let ivSize: Int
    let tagSize: Int
    let tests: [AEADTestCase]
}

/// One `aead_test_schema_v1` case.
struct AEADTestCase: WycheproofTestCase {
    let tcId: Int
    let comment: String
    let flags: [String]
    let result: WycheproofResult
    let key: HexBytes
    let iv: HexBytes
    let aad: HexBytes
    let msg: HexBytes
    let ct: HexBytes
    let tag: HexBytes
}

/// Checks one AEAD vector against `AEAD.seal` / `AEAD.open`.
///
/// - Parameters the API accepts (documented in `AEAD`): valid vectors must seal to exactly
///   `ct` and `tag` (the tag compared as a prefix of the 16-byte tag `seal` produces) and must
///   open to `msg`; invalid vectors must make `open` throw.
/// - Parameters the API refuses (key, nonce or tag length): both `seal` and `open` must throw
///   a refusal (`invalidParameter`, or `authenticationFailed` from `open` for a tag length),
///   whatever the expected result, so a refusal can never turn into a wrong accept and is never
///   misreported as a `libraryFailure`.
enum AEADVectorCheck {
    /// Whether `AEAD` supports these lengths (bytes). AES-GCM nonces stop at 128 bytes, the
    /// libcrypto 3.0 limit; the 257-byte nonces of the "long IV size" vectors are refused.
    static func apiAccepts(_ algorithm: AEAD.Algorithm, keyLength: Int, nonceLength: Int, tagLength: Int) -> Bool {
        switch algorithm {
        case .aesGCM:
            [16, 24, 32].contains(keyLength) && (1...128).contains(nonceLength) && (12...16).contains(tagLength)
        case .chaCha20Poly1305:
            keyLength == 32 && nonceLength == 12 && tagLength == 16
        }
    }

    static func check(_ test: AEADTestCase, algorithm: AEAD.Algorithm, _ vector: inout VectorCheck) {
        let key = SecretBytes(test.key.bytes)
        let accepted = apiAccepts(algorithm, keyLength: test.key.count, nonceLength: test.iv.count, tagLength: test.tag.count)

        if !accepted {
            vector.note("refused by API (both seal and open threw)")
            do {
                _ = try AEAD.seal(test.msg.bytes, key: key, nonce: test.iv.bytes, associatedData: test.aad.bytes, algorithm: algorithm)
                vector.fail("seal accepted parameters the API does not support")
            } catch let error as VaultCryptoError {
                if case .invalidParameter = error {} else { vector.fail("seal refused with \(error), expected invalidParameter") }
            } catch {
                vector.fail("seal threw a foreign error \(error)")
            }
            do {
                _ = try AEAD.open(ciphertext: test.ct.bytes, tag: test.tag.bytes, key: key, nonce: test.iv.bytes,
                                  associatedData: test.aad.bytes, algorithm: algorithm)
                vector.fail("open accepted parameters the API does not support")
            } catch let error as VaultCryptoError {
                if case .libraryFailure = error { vector.fail("open refused with \(error), expected invalidParameter or authenticationFailed") }
            } catch {
                vector.fail("open threw a foreign error \(error)")
            }
            return
        }

        switch test.result {
        case .acceptable:
            // None in the current files. Rejecting is allowed; accepting must give the exact values.
            guard let sealed = try? AEAD.seal(test.msg.bytes, key: key, nonce: test.iv.bytes, associatedData: test.aad.bytes, algorithm: algorithm),
                  let opened = try? AEAD.open(ciphertext: test.ct.bytes, tag: test.tag.bytes, key: key, nonce: test.iv.bytes,
                                              associatedData: test.aad.bytes, algorithm: algorithm)
            else {
                vector.note("acceptable: rejected")
                return
            }
            vector.expect(sealed.ciphertext == test.ct.bytes && Array(sealed.tag.prefix(test.tag.count)) == test.tag.bytes
                          && opened == test.msg.bytes, "acceptable vector accepted with different values")
        case .valid:
            do {
                let sealed = try AEAD.seal(test.msg.bytes, key: key, nonce: test.iv.bytes, associatedData: test.aad.bytes, algorithm: algorithm)
                vector.expect(sealed.ciphertext == test.ct.bytes, "seal ciphertext \(Hex.encode(sealed.ciphertext)) != \(Hex.encode(test.ct.bytes))")
                vector.expect(sealed.tag.count == AEAD.tagLength, "seal tag length \(sealed.tag.count)")
                vector.expect(Array(sealed.tag.prefix(test.tag.count)) == test.tag.bytes,
                              "seal tag \(Hex.encode(sealed.tag)) != \(Hex.encode(test.tag.bytes))")
            } catch {
                vector.fail("seal threw \(error)")
            }
            do {
                let opened = try AEAD.open(ciphertext: test.ct.bytes, tag: test.tag.bytes, key: key, nonce: test.iv.bytes,
                                           associatedData: test.aad.bytes, algorithm: algorithm)
                vector.expect(opened == test.msg.bytes, "open returned \(Hex.encode(opened)) != \(Hex.encode(test.msg.bytes))")
            } catch {
                vector.fail("open threw \(error)")
            }
        case .invalid:
            do {
                let opened = try AEAD.open(ciphertext: test.ct.bytes, tag: test.tag.bytes, key: key, nonce: test.iv.bytes,
                                           associatedData: test.aad.bytes, algorithm: algorithm)
                vector.fail("open accepted an invalid vector, returned \(Hex.encode(opened))")
            } catch {
                vector.note("rejected by open")
            }
        }
    }
}
