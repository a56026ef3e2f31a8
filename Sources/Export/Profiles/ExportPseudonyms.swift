import CaseStore
import VaultCrypto

/// Codes that stand for a survivor or a caseworker in one export only: drawn at random from
/// `SecureRandom` (never derived from a case code, a user name or anything else the vault keeps),
/// distinct within the export, and forgotten with it, so two exports cannot be joined on them.
/// Their shape (`S-` or `CM-` and Crockford base32) can never be read as a case code.
struct ExportPseudonyms: Sendable {
    private var issued: Set<String> = []
    private var caseManagers: [String: String] = [:]

    /// A fresh survivor code: `S-` and 10 symbols (50 random bits).
    mutating func survivorCode() throws -> String { try fresh(prefix: "S-", symbols: 10) }

    /// The code of `user` in this export: the same user gets the same code every time.
    mutating func caseManagerCode(for user: String) throws -> String {
        if let code = caseManagers[user] { return code }
        let code = try fresh(prefix: "CM-", symbols: 6)
        caseManagers[user] = code
        return code
    }

    private mutating func fresh(prefix: String, symbols: Int) throws -> String {
        while true {
            let bytes = try SecureRandom.bytes(count: symbols)
            let code = prefix + String(bytes.map { CaseCode.alphabet[Int($0 & 31)] })
            if issued.insert(code).inserted { return code }
        }
    }
}
