import Access
import CaseStore
import Foundation
import GRDB
import VaultCrypto

/// The small vault the tamper sweep flips bytes of, and how every sweep run opens it: a cheap
/// KDF, a fixed clock and no real sleep, so the same operations on the same file always give
/// the same results and the reference can be compared byte for byte.
enum SweepVault {
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)
    static let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1), now: { clock }, sleep: { _ in })
    static let caseworker = "vesna"
    static let supervisor = "sofija"
    static let auditor = "ivan"

    static func passphrase(_ user: String) -> SecretBytes { SecretBytes(Array("\(user) has a long passphrase".utf8)) }

    /// Writes a vault of `cases` cases at `path`: an admin, a caseworker who created (and is
    /// assigned) every case, a supervisor, an auditor; every other case consents to statistics;
    /// the survivor export of the first case approved; the WAL checkpointed into the file, which
    /// is then the whole vault, as the program leaves it (no VACUUM).
    static func make(at path: String, cases: Int) throws {
        var options = options
        options.caseCodes = CaseCodeSequence(seed: 14)
        do {
            let admin = AccessSession(try Vault.create(path: path, admin: "admin", passphrase: passphrase("admin"), options: options))
            for (name, role) in [(caseworker, Role.caseworker), (supervisor, .supervisor), (auditor, .auditor)] {
                try admin.addUser(name, role: role, passphrase: passphrase(name))
            }
            let worker = AccessSession(try Vault(path: path, options: options).unlock(user: caseworker, passphrase: passphrase(caseworker)))
            let codes = try worker.createCases((0..<cases).map(document))
            let order = exportOrder(codes.map(\.rawValue).min()!)
            let requested: String
            do {
                _ = try worker.clearExport(order)
                throw SweepFailure("the survivor export needed no approval")
            } catch AccessError.exportApprovalRequested(let id) {
                requested = id
            }
            let supervising = AccessSession(try Vault(path: path, options: options).unlock(user: supervisor, passphrase: passphrase(supervisor)))
            _ = try supervising.decideExportRequest(requested, approve: true, reason: "sweep")
        }
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The survivor export of `code`; the sweep exports the case with the lowest code, approved.
    static func exportOrder(_ code: String) -> ExportOrder {
        ExportOrder(caseCode: code, profile: .survivor, service: nil, reason: "tamper sweep")
    }

    /// A short document (small rows keep the file, and so the sweep, small), with the facts
    /// statistics count: dated, typed, from one of three municipalities.
    static func document(_ index: Int) -> CaseDocument {
        let types: [IncidentType] = [.rape, .sexualAssault, .physicalAssault]
        return CaseDocument(
            survivor: .init(name: "Sweep \(index)", sex: index % 3 == 0 ? .female : .male),
            incident: .init(date: "2026-0\(1 + index % 5)-1\(index % 9)", narrative: "n\(index)", type: types[index % types.count]),
            consent: .init(statistics: index % 2 == 0)
        )
    }
}

/// A failure of the sweep itself (not of the vault under test).
struct SweepFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
