/// What a key is for. Each subkey is HKDF-SHA256(root, salt: vault id, info: label), so keys for
/// different purposes are independent and a slot can hold some without the others.
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

    /// The HKDF info label.
    var label: [UInt8] { Array("casevault v1 key \(rawValue)".utf8) }
}
