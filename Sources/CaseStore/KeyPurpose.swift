/// What a key is for. The root key derives the case-wrapping and name-index keys with
/// HKDF-SHA256(root, salt: vault id, info: label), so a rekey rotates both. The audit key is an
/// independent random key that a rekey replaces, keeping the old one sealed under the new
/// (`AuditKeyChain`), because the append-only payloads it sealed are never rewritten. The
/// statistics, signing and directory keys are independent random keys that outlive a rekey. The exchange
/// key is each user's own X25519 key for receiving new keys.
public enum KeyPurpose: String, CaseIterable, Sendable, Codable {
    /// The 256-bit root key; only admin slots hold it.
    case root
    /// Wraps and unwraps every per-case data key.
    case caseWrapping = "case-wrapping"
    /// Keys the blind index on survivor names.
    case nameIndex = "blind-index.survivor-name"
    /// Seals the de-identified statistics facts.
    case statistics
    /// Seals audit payloads.
    case audit
    /// The Ed25519 seed that signs audit checkpoints.
    case signing
    /// The Ed25519 seed of the directory key, which certifies the user directory (admins only).
    case directory
    /// The user's own X25519 private key, to which grants of new keys are sealed.
    case exchange

    /// Purposes derived from the root key (and so rotated by a rekey).
    static let derivedFromRoot: [KeyPurpose] = [.caseWrapping, .nameIndex]

    /// Independent keys a rekey replaces with new random ones (besides the root).
    static let rotatedByRekey: [KeyPurpose] = [.root, .audit]

    /// The HKDF info label.
    var label: [UInt8] { Array("casevault v1 key \(rawValue)".utf8) }
}
