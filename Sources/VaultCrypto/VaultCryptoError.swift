/// Errors of the cryptographic layer. They name the operation that failed, never key material
/// or plaintext, and never a raw libcrypto error code.
public enum VaultCryptoError: Error, Equatable, Sendable {
    /// An AEAD tag, a MAC or a signature did not verify: wrong key or altered bytes.
    case authenticationFailed
    /// A key, nonce, tag or parameter has a length or value the primitive does not accept.
    case invalidParameter(String)
    /// libcrypto reported an internal failure (out of memory, missing algorithm).
    case libraryFailure(String)
}
