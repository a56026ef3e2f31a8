import CaseStore

/// Which key slot an encrypted unlock opens: the production-cost caseworker slot, or the
/// test-cost admin slot (which shows the unlock work that is not scrypt).
enum UnlockCost {
    case production
    case test
}

/// One store under test. The encrypted vault and the plaintext baseline implement the same
/// operations, so `main` can time them side by side in the same run.
protocol BenchSubject: AnyObject {
    /// "encrypted" or "baseline".
    var label: String { get }
    /// The SQLite file.
    var path: String { get }
    /// Cases created so far (bulk and single), in creation order, addressable by index.
    var caseCount: Int { get }
    /// One transaction for the whole batch.
    func createBatch(_ documents: [CaseDocument]) throws
    /// One case, durably committed on return.
    func createOne(_ document: CaseDocument) throws
    /// Reads the case created `index`-th and returns its (unsealed / decoded) document; with
    /// `recordAccess` the read is first made durable in the audit trail, as the vault does by default.
    func openCase(at index: Int, recordAccess: Bool) throws -> CaseDocument
    /// Finds cases by a typed name; returns how many matched.
    func find(name: String) throws -> Int
    /// Opens the file afresh and gets ready to work (encrypted: open the user's key slot).
    func reopenAndUnlock(_ cost: UnlockCost) throws
}
