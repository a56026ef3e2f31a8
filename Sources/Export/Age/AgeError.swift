/// Why an age file could not be read or a key not parsed. The first five cases are the outcomes
/// the C2SP CCTV vectors distinguish; none carries data from the file, a key or a passphrase.
public enum AgeError: Error, Equatable, Sendable {
    /// The header parsed, but no stanza could be unwrapped with the given identities or passphrase.
    case noMatch
    /// A file key was unwrapped but the header MAC does not verify: the header was altered.
    case hmacFailure
    /// The header (or a recognised stanza in it, or the payload nonce) is malformed or refused.
    case headerFailure
    /// The payload did not decrypt and authenticate all the way to its end.
    case payloadFailure
    /// The ASCII armor is not the strict PEM encoding age writes.
    case armorFailure
    /// A recipient, identity or work factor is not a valid value.
    case invalidKey
}
