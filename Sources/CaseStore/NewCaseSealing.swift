import Foundation
import VaultCrypto

/// Seals a batch of new cases on every processor. Each case's work — its data key, wrapped key,
/// sealed document, name tokens, signed state and sealed facts — depends on nothing but the case
/// itself and keys that are only read, so the cases are sealed side by side; an import of
/// thousands of cases is bound by this work, not by the database. The mutations come back in the
/// documents' order, and `progress` is told on the caller's thread.
struct NewCaseSealing: Sendable {
    /// Cases sealed between two progress reports.
    static let chunk = 256

    let sealer: CaseSealer
    let facts: FactsSealer
    let signingKey: Ed25519PrivateKey
    let signer: String
    let vaultID: [UInt8]
    let assignee: String?
    let day: String
    /// The audit entry of each case, with its code filled in; nil for the unaudited benchmark path.
    let audit: AuditDraft?

    /// The mutations that store `documents` under `codes` (one code each, already distinct).
    func mutations(_ documents: [CaseDocument], codes: [CaseCode], progress: ((Int) -> Void)?) throws -> [StorageMutation] {
        var mutations: [StorageMutation] = []
        mutations.reserveCapacity(documents.count * 3)
        for start in stride(from: 0, to: documents.count, by: Self.chunk) {
            let end = min(start + Self.chunk, documents.count)
            for sealed in try ParallelWork.map(end - start, { try self.mutations(documents[start + $0], code: codes[start + $0]) }) {
                mutations += sealed
            }
            progress?(end)
        }
        return mutations
    }

    private func mutations(_ document: CaseDocument, code: CaseCode) throws -> [StorageMutation] {
        var (row, tokens) = try sealer.newRow(for: document, code: code, assignee: assignee, day: day)
        row.state = try CaseState.sign(code: code.rawValue, status: .open, assignee: assignee, version: 1, revision: audit == nil ? 0 : 1,
                                       document: row.document ?? [], signer: signer, key: signingKey, vaultID: vaultID)
        var mutations: [StorageMutation] = [
            .insertCase(row, nameTokens: tokens),
            try facts.mutation(for: document, code: code.rawValue, version: 1, createdDay: day),
        ]
        if var entry = audit {
            entry.caseCode = code.rawValue
            mutations.append(.appendAudit(entry))
        }
        return mutations
    }
}
