import VaultCrypto

/// The payload: a 16-byte nonce, then STREAM chunks of 64 KiB of plaintext, each sealed with
/// ChaCha20-Poly1305 under HKDF(file key, nonce, "payload") and the chunk nonce
/// 11-byte big-endian counter ‖ last-chunk flag.
enum AgePayload {
    private static let sealedChunkLength = AgeFormat.chunkLength + AgeFormat.tagLength

    private static func key(fileKey: SecretBytes, nonce: ArraySlice<UInt8>) throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: fileKey, salt: Array(nonce), info: Array("payload".utf8), length: 32)
    }

    private static func chunkNonce(_ counter: UInt64, last: Bool) -> [UInt8] {
        [0, 0, 0] + (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) } + [last ? 1 : 0]
    }

    private static func chunkCount(_ plaintextLength: Int) -> Int {
        max(1, (plaintextLength + AgeFormat.chunkLength - 1) / AgeFormat.chunkLength)
    }

    /// Bytes of the payload of a `plaintextLength`-byte plaintext: nonce, plaintext, one tag per chunk.
    static func sealedLength(_ plaintextLength: Int) -> Int {
        AgeFormat.nonceLength + plaintextLength + chunkCount(plaintextLength) * AgeFormat.tagLength
    }

    /// Writes the nonce and the sealed chunks of `plaintext` into `output` (exactly
    /// `sealedLength` bytes). An empty plaintext is one empty last chunk; a multiple of 64 KiB
    /// ends with a full last chunk.
    static func seal(_ plaintext: [UInt8], fileKey: SecretBytes, into output: UnsafeMutableRawBufferPointer) throws {
        precondition(output.count == sealedLength(plaintext.count))
        let nonce = try SecureRandom.bytes(count: AgeFormat.nonceLength)
        let key = try key(fileKey: fileKey, nonce: nonce[...])
        output.copyBytes(from: nonce)
        let chunks = chunkCount(plaintext.count)
        try plaintext.withUnsafeBytes { input in
            for index in 0..<chunks {
                let start = index * AgeFormat.chunkLength
                let end = min(start + AgeFormat.chunkLength, plaintext.count)
                let sealedStart = AgeFormat.nonceLength + index * sealedChunkLength
                let sealed = UnsafeMutableRawBufferPointer(rebasing: output[sealedStart..<(sealedStart + end - start + AgeFormat.tagLength)])
                try ChaChaPolyBuffers.seal(UnsafeRawBufferPointer(rebasing: input[start..<end]), into: sealed, key: key,
                                           nonce: chunkNonce(UInt64(index), last: index == chunks - 1))
            }
        }
    }

    /// Opens the payload starting at `start`, handing each authenticated chunk to `release` in
    /// order; throws `payloadFailure` at the first chunk that does not authenticate, a missing
    /// last chunk, an empty last chunk after others, or bytes after the last chunk (that last
    /// chunk is released first, as age does).
    static func open(_ file: [UInt8], from start: Int, fileKey: SecretBytes, release: ([UInt8]) throws -> Void) throws {
        guard file.count - start >= AgeFormat.nonceLength else { throw AgeError.headerFailure }
        let key = try key(fileKey: fileKey, nonce: file[start..<(start + AgeFormat.nonceLength)])
        try file.withUnsafeBytes { bytes in
            var position = start + AgeFormat.nonceLength
            var counter: UInt64 = 0
            while true {
                let length = min(sealedChunkLength, file.count - position)
                let full = length == sealedChunkLength
                guard length >= AgeFormat.tagLength, full || counter == 0 || length > AgeFormat.tagLength else {
                    throw AgeError.payloadFailure
                }
                let sealed = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
                var plaintext = [UInt8](repeating: 0, count: length - AgeFormat.tagLength)
                func open(last: Bool) throws -> Bool {
                    do {
                        try plaintext.withUnsafeMutableBytes {
                            try ChaChaPolyBuffers.open(sealed, into: $0, key: key, nonce: chunkNonce(counter, last: last))
                        }
                        return true
                    } catch VaultCryptoError.authenticationFailed {
                        return false
                    }
                }
                // A full chunk is a middle chunk unless it only opens as the last one.
                var last = !full
                var opened = full ? try open(last: false) : false
                if !opened {
                    last = true
                    opened = try open(last: true)
                }
                guard opened else { throw AgeError.payloadFailure }
                try release(plaintext)
                // Our copy of the chunk is wiped; one `release` kept is its own (copy on write).
                SecretBytes.cleanse(&plaintext)
                position += length
                if last {
                    guard position == file.count else { throw AgeError.payloadFailure }
                    return
                }
                counter += 1
            }
        }
    }
}
