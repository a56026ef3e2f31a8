import Foundation
import VaultCrypto

/// The case-state signatures this session has already checked: an Ed25519 verification costs
/// about 130 µs with libcrypto, and a support worker's session lists, searches and opens the same
/// cases again and again. Each entry is the SHA-256 of the public key, the signature and the
/// signed bytes together, added only after the signature verified, so a hit stands for exactly
/// that key, signature and message; anything changed in a row (a byte of its state, its signer's
/// key) misses and is verified afresh. Kept in memory only, for one session; bounded.
final class VerifiedSignatures: @unchecked Sendable {
    /// Entries kept before the memory is emptied and filled again (about 10 MB).
    static let capacity = 200_000

    private let lock = NSLock()
    private var seen = Set<[UInt8]>()

    /// Whether `signature` is a valid signature of `message` under `publicKey`, verified now or
    /// earlier in this session.
    func isValid(_ signature: [UInt8], for message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard publicKey.count == 32, signature.count == 64, let digest = try? SHA256.hash(publicKey + signature + message) else {
            return Ed25519.isValidSignature(signature, for: message, publicKey: publicKey)
        }
        if lock.withLock({ seen.contains(digest) }) { return true }
        guard Ed25519.isValidSignature(signature, for: message, publicKey: publicKey) else { return false }
        lock.withLock {
            if seen.count >= Self.capacity { seen.removeAll(keepingCapacity: true) }
            seen.insert(digest)
        }
        return true
    }
}
