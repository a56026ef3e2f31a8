import CaseStore
import VaultCrypto

/// The real thing: a CaseVault vault driven through its public API. Cases are loaded by an admin
/// whose slot uses a cheap scrypt cost (logN 10); a caseworker slot at the production cost
/// (`ScryptParameters.interactive`) exists only to time unlock.
final class EncryptedSubject: BenchSubject {
    static let loaderUser = "bench.admin"
    static let unlockUser = "bench.caseworker"
    static let testCost = ScryptParameters(logN: 10, r: 8, p: 1)

    let label = "encrypted"
    let path: String
    private let vault: UnlockedVault
    private let loaderPassphrase = SecretBytes(Array("correct horse battery staple".utf8))
    private let unlockPassphrase = SecretBytes(Array("sedam sedmica u Kruševcu".utf8))
    private var codes: [CaseCode] = []

    init(directory: String) throws {
        path = directory + "/encrypted.casevault"
        vault = try Vault.create(path: path, admin: Self.loaderUser, passphrase: loaderPassphrase,
                                 options: VaultOptions(kdf: Self.testCost))
        // New slots take the cost of the handle's options, so add the caseworker through a
        // second handle that carries the production cost.
        let production = try Vault(path: path, options: VaultOptions(kdf: .interactive))
            .unlock(user: Self.loaderUser, passphrase: loaderPassphrase)
        try production.addUser(Self.unlockUser, role: .caseworker, passphrase: unlockPassphrase)
    }

    var caseCount: Int { codes.count }

    func createBatch(_ documents: [CaseDocument]) throws {
        codes += try vault.createCases(documents)
    }

    func createOne(_ document: CaseDocument) throws {
        codes.append(try vault.createCase(document))
    }

    func openCase(at index: Int, recordAccess: Bool) throws -> CaseDocument {
        try vault.readCase(codes[index], recordAccess: recordAccess).document
    }

    func find(name: String) throws -> Int {
        try vault.findCases(name: name).count
    }

    func reopenAndUnlock(_ cost: UnlockCost) throws {
        let closed = try Vault(path: path)
        switch cost {
        case .production: _ = try closed.unlock(user: Self.unlockUser, passphrase: unlockPassphrase)
        case .test: _ = try closed.unlock(user: Self.loaderUser, passphrase: loaderPassphrase)
        }
    }
}
