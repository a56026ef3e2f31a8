import VaultCrypto

/// The signature over a case's plaintext metadata, stored with the case row.
public struct CaseStateSignature: Sendable, Equatable {
    /// How many state changes the audit trail records for the case (create, each amendment,
    /// each assignment): a case put back to an earlier state has fewer than the trail.
    public var revision: Int
    public var signer: String
    /// SHA-256 of the sealed current document.
    public var documentHash: [UInt8]
    public var signature: [UInt8]

    public init(revision: Int, signer: String, documentHash: [UInt8], signature: [UInt8]) {
        self.revision = revision
        self.signer = signer
        self.documentHash = documentHash
        self.signature = signature
    }
}

extension AuditAction {
    /// The actions that change a case's state (`CaseState.changingActions`): a storage backend
    /// outside CaseStore counts a case's changes in the trail with exactly this list, the list its
    /// partial index names.
    public static var caseStateChanges: [AuditAction] { CaseState.changingActions }
}

/// Signed case states (docs/vault-format.md, "Authenticity"). Assignee, status and version are
/// plaintext so that supervisors can work without case keys; each change is signed by the user
/// who made it with her certified signing key, over those values, the document's hash and the
/// state's revision. Reading a case checks the signature against the directory, that the signer
/// could have made that state (a caseworker only signs cases assigned to herself), and that the
/// revision is the number of state changes the audit trail has committed to for the case.
enum CaseState {
    static let label = "casevault/v1/case-state"

    /// The audit actions that change a case's state (each adds one to its revision).
    static let changingActions: [AuditAction] = [.caseCreate, .caseUpdate, .caseNote, .caseFollowUp, .caseRefer, .casePlan,
                                                 .caseClose, .caseReopen, .caseAssign, .caseErase,
                                                 .caseCorrect, .casePurge]

    static func signedBytes(code: String, status: CaseStatus, assignee: String?, version: Int, revision: Int,
                            documentHash: [UInt8], vaultID: [UInt8]) -> [UInt8] {
        var bytes = CanonicalBytes(label: label)
        bytes.field(vaultID)
        bytes.field(code)
        bytes.field(status.rawValue)
        bytes.field(assignee)
        bytes.number(version)
        bytes.number(revision)
        bytes.field(documentHash)
        return bytes.bytes
    }

    static func sign(code: String, status: CaseStatus, assignee: String?, version: Int, revision: Int, document: [UInt8],
                     signer: String, key: Ed25519PrivateKey, vaultID: [UInt8]) throws -> CaseStateSignature {
        let hash = try SHA256.hash(document)
        let message = signedBytes(code: code, status: status, assignee: assignee, version: version, revision: revision,
                                  documentHash: hash, vaultID: vaultID)
        return CaseStateSignature(revision: revision, signer: signer, documentHash: hash, signature: try key.signature(for: message))
    }

    /// Checks a live case's plaintext metadata: its signature, who signed it, and (when
    /// `committed` is given) that the trail has not recorded more changes than the state knows.
    static func verify(code: String, status: CaseStatus, assignee: String?, version: Int, state: CaseStateSignature?,
                       committed: Int?, directory: UserDirectory, vaultID: [UInt8], verified: VerifiedSignatures? = nil) throws {
        guard let state, let signer = directory.entry(state.signer) else { throw CaseStoreError.untrustedSignature(.caseState(code)) }
        let message = signedBytes(code: code, status: status, assignee: assignee, version: version, revision: state.revision,
                                  documentHash: state.documentHash, vaultID: vaultID)
        let allowed = switch signer.role {
        case .caseworker: assignee == signer.name
        case .supervisor, .admin: true
        case .auditor: false
        }
        guard allowed, let key = signer.signingPublicKey,
              verified?.isValid(state.signature, for: message, publicKey: key) ?? Ed25519.isValidSignature(state.signature, for: message, publicKey: key)
        else {
            throw CaseStoreError.untrustedSignature(.caseState(code))
        }
        if let committed, committed > state.revision { throw CaseStoreError.caseRolledBack(code) }
    }

    /// Checks that `document` is the one the state signed.
    static func verifyDocument(_ document: [UInt8], state: CaseStateSignature?, code: String) throws {
        guard let state, ConstantTime.equal(try SHA256.hash(document), state.documentHash) else {
            throw CaseStoreError.tamperedRecord(.caseFile(code))
        }
    }
}
