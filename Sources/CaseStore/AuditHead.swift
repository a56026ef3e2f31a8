import VaultCrypto

/// A user's signature over the audit chain's head, stored with each write she makes
/// (`audit_heads`). The chain links every entry to the ones before it, so a valid head signature
/// vouches for the whole trail up to it: someone who rewrites entries without a certified user's
/// signing key leaves every later head invalid (or must delete them, which leaves the entries
/// after the change unsigned). Failed logins, written without any key, are covered by the next
/// signed head. The head also names the directory revision its signer saw, so putting back an
/// older directory is seen at the next login.
public struct AuditHeadRow: Sendable, Equatable {
    public var seq: Int64
    public var signer: String
    public var directoryRevision: Int
    public var signature: [UInt8]

    public init(seq: Int64, signer: String, directoryRevision: Int, signature: [UInt8]) {
        self.seq = seq
        self.signer = signer
        self.directoryRevision = directoryRevision
        self.signature = signature
    }
}

enum AuditHead {
    static let label = "casevault/audit/v1/head"

    /// Audit actions that may be written by someone holding no key, and so may stand after the
    /// newest signed head.
    static let keylessActions: Set<String> = [AuditAction.loginFailed.rawValue]

    static func signedBytes(seq: Int64, hash: [UInt8], signer: String, directoryRevision: Int, vaultID: [UInt8]) -> [UInt8] {
        var bytes = CanonicalBytes(label: label)
        bytes.field(vaultID)
        bytes.number(seq)
        bytes.field(hash)
        bytes.field(signer)
        bytes.number(directoryRevision)
        return bytes.bytes
    }

    /// The mutation that signs whatever head the batch it ends leaves.
    static func mutation(signer: String, key: Ed25519PrivateKey, directoryRevision: Int, vaultID: [UInt8]) -> StorageMutation {
        .signAuditHead(signer: signer, directoryRevision: directoryRevision) { seq, hash in
            try key.signature(for: signedBytes(seq: seq, hash: hash, signer: signer, directoryRevision: directoryRevision, vaultID: vaultID))
        }
    }

    /// Whether `head` is a valid signature by a certified user over `hash` (the entry at its seq).
    static func isValid(_ head: AuditHeadRow, hash: [UInt8], directory: UserDirectory, vaultID: [UInt8]) -> Bool {
        guard let key = directory.entry(head.signer)?.signingPublicKey else { return false }
        let message = signedBytes(seq: head.seq, hash: hash, signer: head.signer, directoryRevision: head.directoryRevision, vaultID: vaultID)
        return Ed25519.isValidSignature(head.signature, for: message, publicKey: key)
    }
}
