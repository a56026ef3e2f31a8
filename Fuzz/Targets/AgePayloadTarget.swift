@_spi(Fuzzing) import Export
import Foundation

/// The age payload (STREAM chunks of ChaCha20-Poly1305) under a fixed file key. An even byte 0:
/// the rest is opened as a payload. An odd one: the rest is a plaintext, sealed and opened again
/// (property: it comes back equal), then one byte of the sealed payload is flipped and the payload
/// truncated (property: both are refused).
enum AgePayloadTarget {
    static let target = FuzzTarget(name: "age-payload") { data in
        guard let first = data.first else { return }
        let rest = Array(data.dropFirst())
        guard first & 1 == 1 else {
            _ = try? AgeFuzzing.openPayload(rest, fileKey: FuzzFixtures.fileKey)
            return
        }
        guard let sealed = try? AgeFuzzing.sealPayload(rest, fileKey: FuzzFixtures.fileKey) else {
            FuzzCheck.require(false, "a plaintext seals")
            return
        }
        FuzzCheck.require((try? AgeFuzzing.openPayload(sealed, fileKey: FuzzFixtures.fileKey)) == rest, "a sealed payload opens to its plaintext")
        let position = Int(first >> 1) * 7 % sealed.count
        var flipped = sealed
        flipped[position] ^= 0x01
        FuzzCheck.require((try? AgeFuzzing.openPayload(flipped, fileKey: FuzzFixtures.fileKey)) == nil, "a changed payload is refused")
        FuzzCheck.require((try? AgeFuzzing.openPayload(Array(sealed[..<position]), fileKey: FuzzFixtures.fileKey)) == nil,
                          "a truncated payload is refused")
    }
}
