import Access
import CaseStore
import Export
import Foundation
import Statistics
import VaultCrypto

/// The operations the sweep runs on every copy, through the same calls the CLI makes: open and
/// unlock, list, show every case, a statistics table, a survivor export (encrypted to an age
/// recipient, signed, recorded, then decrypted and checked) and audit verify. Each yields a
/// text that is compared with the reference's, or the error it threw.
enum SweepOperations {
    static let names = ["open", "list", "show", "export", "stats", "audit"]

    /// What one operation gave.
    enum Result {
        case value(String)
        case failed(any Error)
    }

    /// The fixed identity exports are encrypted to (its key is no secret: it opens test files only).
    static let identity = try! AgeIdentity(privateKey: SecretBytes([UInt8](repeating: 7, count: 32)))

    /// The facts every run needs from the untouched vault: its case codes and export key.
    struct Known {
        var codes: [CaseCode]
        var exportKey: [UInt8]
    }

    static func run(path: String, known: Known?) -> [String: Result] {
        var results: [String: Result] = [:]
        func record(_ name: String, _ body: () throws -> String) {
            do { results[name] = .value(try body()) } catch { results[name] = .failed(error) }
        }
        let vault: Vault
        do {
            vault = try Vault(path: path, options: SweepVault.options)
        } catch {
            for name in names { results[name] = .failed(error) }
            return results
        }
        func login(_ user: String) throws -> AccessSession {
            AccessSession(try vault.unlock(user: user, passphrase: SweepVault.passphrase(user)))
        }
        let worker: AccessSession?
        do {
            let session = try login(SweepVault.caseworker)
            _ = try session.prepareStatistics()
            worker = session
            results["open"] = .value("\(session.actor.name) \(session.actor.role)")
        } catch {
            worker = nil
            for name in ["open", "list", "show", "export"] { results[name] = .failed(error) }
        }
        if let worker {
            record("list") { try worker.listCases().map { "\($0)" }.joined(separator: "\n") }
            let codes = try? known?.codes ?? worker.listCases().compactMap { CaseCode($0.code) }
            record("show") { try (codes ?? []).map { "\(try worker.readCase($0))" }.joined(separator: "\n") }
            record("export") { try export(worker, code: (codes ?? []).min { $0.rawValue < $1.rawValue }!, key: known?.exportKey) }
        }
        record("stats") { try statistics(login(SweepVault.supervisor)) }
        record("audit") {
            let auditor = try login(SweepVault.auditor)
            let verification = try auditor.verifyAuditTrail(checkpoint: nil)
            guard verification.isIntact else { throw AuditFinding(verification: verification) }
            // Intact, and over every entry the file holds, all signed: the right answer whatever
            // the number of entries (a copy whose facts a caseworker had to compute again, or
            // whose operations were refused, writes other entries than the reference).
            let entries = try auditor.status().auditEntries
            return "intact, all \(verification.entries == entries) entries read, all signed \(verification.signedThrough == entries)"
        }
        return results
    }

    /// `export write CODE --profile survivor --recipient age1…`: the approved request, the case,
    /// an age file, the vault's signature, the ledger; the text is what the recipient decrypts
    /// and whether the signature verifies with the untouched vault's key.
    static func export(_ session: AccessSession, code: CaseCode, key: [UInt8]?) throws -> String {
        let order = SweepVault.exportOrder(code.rawValue)
        let requestID = try session.clearExport(order)
        let record = try session.caseForExport(order, requestID: requestID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plaintext = try Array(encoder.encode(record.document))
        let file = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient])
        let signature = try session.signExport(file)
        try session.recordExport(order, requestID: requestID, fileSHA256: try SHA256.hash(file), recipients: identity.recipient.description)
        let opened = try AgeDecryptor.decrypt(file, with: .identities([identity]))
        let publicKey = try key ?? session.exportSigningPublicKey()
        let signed = ExportSignature.isValid(signature, for: file, publicKey: publicKey)
        return "\(record.code) \(String(decoding: opened, as: UTF8.self)) signature \(signed)"
    }

    /// `stats table --by incident-type,sex` as the supervisor: the policy, the facts, the
    /// protected release, its audit record.
    static func statistics(_ session: AccessSession) throws -> String {
        let query = try StatisticsQuery(by: ["incident-type", "sex"])
        let policy = try session.statisticsPolicy()
        var tabulator = Tabulator([("table", query)])
        try session.forEachFacts { tabulator.add($0) }
        let release = try tabulator.release(threshold: policy.threshold)
        try session.recordStatisticsRelease(details: ["by": "incident-type,sex", "hidden": String(release.hiddenCount)], epsilonUnits: 0)
        return release.tables.map { "\($0.id) \($0.table)" }.joined(separator: "\n")
    }
}

/// Audit verify completed and reported the trail not intact: a refusal that names the entry
/// (its sequence number) or the cases rolled back.
struct AuditFinding: Error {
    let verification: AuditVerification
}
