import Access
import CaseStore
import Foundation

/// Fills a new demo vault the way people would: the administrator adds the staff, each
/// caseworker takes in her own cases, the supervisor hands a few over, and the caseworkers note,
/// plan, refer and close. Everything goes through `AccessSession`, so the audit trail reads like
/// real work.
struct DemoSeeder {
    let path: String
    let console: Console
    /// Progress is shown on stderr only for bigger vaults.
    let showsProgress: Bool
    /// The demo's settings: its case codes come from a fixed `CaseCodeSequence`.
    let options: VaultOptions

    /// Creates the vault file with its administrator; refuses an existing file.
    func createVault() throws -> AccessSession {
        AccessSession(try Vault.create(path: path, admin: DemoUsers.admin, passphrase: DemoUsers.secret, options: options))
    }

    /// Adds the staff and the cases to the vault `createVault` made; returns the code of each
    /// case, in the order of `cases`.
    func fill(_ cases: [DemoCase], admin: AccessSession) throws -> [CaseCode] {
        for user in DemoUsers.staff {
            try admin.addUser(user.name, role: user.role, passphrase: DemoUsers.secret)
        }
        let vault = try Vault(path: path, options: options)
        var sessions: [String: AccessSession] = [:]
        for name in DemoUsers.caseworkers + [DemoUsers.supervisor] {
            sessions[name] = AccessSession(try vault.unlock(user: name, passphrase: DemoUsers.secret))
        }
        let codes = try createCases(cases, sessions: sessions)
        try work(on: cases, codes: codes, sessions: sessions)
        return codes
    }

    /// Each caseworker creates her share in one batch, so the case is assigned to her.
    private func createCases(_ cases: [DemoCase], sessions: [String: AccessSession]) throws -> [CaseCode] {
        let progress = showsProgress ? ProgressReporter(total: cases.count, console: console) : nil
        var codes = [CaseCode?](repeating: nil, count: cases.count)
        var done = 0
        for caseworker in DemoUsers.caseworkers {
            let indices = cases.indices.filter { cases[$0].intakeBy == caseworker }
            guard !indices.isEmpty else { continue }
            let session = try self.session(caseworker, in: sessions)
            let offset = done
            let created = try session.createCases(indices.map { cases[$0].document }) { progress?.update(offset + $0) }
            for (index, code) in zip(indices, created) { codes[index] = code }
            done += created.count
        }
        progress?.finish()
        return try codes.map { code in
            guard let code else { throw CaseStoreError.storageFailure(.nothingWritten) }
            return code
        }
    }

    /// Hand-overs, then each case's notes, plan, follow-up, referrals and closure.
    private func work(on cases: [DemoCase], codes: [CaseCode], sessions: [String: AccessSession]) throws {
        let worked = zip(cases, codes).filter { $0.0.hasWork || $0.0.handedOverTo != nil }
        let label = console.messages("cli.demo.progress.work")
        let progress = showsProgress ? ProgressReporter(total: worked.count, console: console, label: label) : nil
        let supervisor = try session(DemoUsers.supervisor, in: sessions)
        for (number, (demo, code)) in worked.enumerated() {
            if let colleague = demo.handedOverTo { try supervisor.assignCase(code, to: colleague) }
            let caseworker = try session(demo.assignee, in: sessions)
            if let note = demo.note { try caseworker.addNote(code, text: note) }
            if let plan = demo.plan { try caseworker.setPlan(code, text: plan) }
            if let followUp = demo.followUp { try caseworker.addFollowUp(code, due: followUp.due, note: followUp.note) }
            for referral in demo.referrals {
                try caseworker.refer(code, service: referral.service, organisation: referral.organisation)
            }
            if let reason = demo.closure { try caseworker.close(code, reason: reason) }
            progress?.update(number + 1)
        }
        progress?.finish()
    }

    /// Deletes a half-filled demo vault (after a failure), so `casevault demo` can be run again.
    func removeVault() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private func session(_ name: String, in sessions: [String: AccessSession]) throws -> AccessSession {
        guard let session = sessions[name] else { throw CaseStoreError.unknownUser(name) }
        return session
    }
}
