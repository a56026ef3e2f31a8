import CaseStore

/// The case workflow after intake: notes, follow-ups, referrals, the plan, closing and
/// reopening. Each is one new sealed version of the case, audited, through `amendCase`.
extension AccessSession {
    /// The caller's open cases, newest activity first (for a caseworker, the cases assigned to them).
    public func myOpenCases() throws -> [CaseSummary] {
        try listCases().filter { $0.status == .open && (actor.role != .caseworker || $0.assignee == actor.name) }
    }

    /// Adds a timestamped note.
    public func addNote(_ code: CaseCode, text: String) throws {
        _ = try requireCase(.caseUpdate, code, auditAction: .caseNote)
        let (minute, author) = (vault.currentMinute, actor.name)
        try vault.amendCase(code, action: .caseNote) { document in
            document.work = (document.work ?? CaseWork()).appending(note: CaseNote(at: minute, author: author, text: text))
        }
    }

    /// Adds a follow-up due on `due` (`YYYY-MM-DD`).
    public func addFollowUp(_ code: CaseCode, due: String, note: String?) throws {
        _ = try requireCase(.caseUpdate, code, auditAction: .caseFollowUp)
        let author = actor.name
        try vault.amendCase(code, action: .caseFollowUp, details: ["due": due]) { document in
            var work = document.work ?? CaseWork()
            work.followUps.append(FollowUp(due: due, note: note, createdBy: author))
            document.work = work
        }
    }

    /// Refers the case to `organisation` for `service`; refused (and audited) unless the survivor
    /// consented to sharing with that service.
    public func refer(_ code: CaseCode, service: ReferralService, organisation: String) throws {
        _ = try requireCase(.caseRefer, code, auditAction: .caseRefer)
        let consented = try vault.readCase(code, recordAccess: false).document.consent.sharing ?? []
        guard consented.contains(service) else {
            try vault.recordAudit(.caseRefer, caseCode: code.rawValue, outcome: .denied, details: ["reason": "no_consent", "service": service.rawValue])
            throw AccessError.noConsentToShare(service)
        }
        let (day, author) = (vault.currentDay, actor.name)
        try vault.amendCase(code, action: .caseRefer, details: ["service": service.rawValue]) { document in
            var work = document.work ?? CaseWork()
            work.referrals.append(Referral(service: service, organisation: organisation, day: day, by: author))
            document.work = work
        }
    }

    /// Replaces the case action plan.
    public func setPlan(_ code: CaseCode, text: String) throws {
        _ = try requireCase(.caseUpdate, code, auditAction: .casePlan)
        try vault.amendCase(code, action: .casePlan) { document in
            var work = document.work ?? CaseWork()
            work.plan = text
            document.work = work
        }
    }

    /// Closes the case with a reason; a case already closed keeps its closure (`alreadyClosed`).
    public func close(_ code: CaseCode, reason: ClosureReason) throws {
        let summary = try requireCase(.caseClose, code, auditAction: .caseClose)
        guard summary.status != .closed else { throw AccessError.alreadyClosed(code: summary.code) }
        let (day, author) = (vault.currentDay, actor.name)
        try vault.amendCase(code, action: .caseClose, status: .closed, details: ["reason": reason.rawValue]) { document in
            var work = document.work ?? CaseWork()
            work.closure = Closure(day: day, reason: reason, by: author)
            document.work = work
        }
    }

    /// Reopens a closed case; an open one is left as it is (`notClosed`).
    public func reopen(_ code: CaseCode) throws {
        let summary = try requireCase(.caseClose, code, auditAction: .caseReopen)
        guard summary.status == .closed else { throw AccessError.notClosed(code: summary.code) }
        try vault.amendCase(code, action: .caseReopen, status: .open) { document in
            document.work?.closure = nil
        }
    }
}

extension CaseWork {
    func appending(note: CaseNote) -> CaseWork {
        var copy = self
        copy.notes.append(note)
        return copy
    }
}

/// Intake drafts and finishing an intake; allowed to whoever may create cases.
extension AccessSession {
    public func saveIntakeDraft(_ plaintext: [UInt8]) throws {
        try require(.caseCreate, auditAction: .intakeDraftSave)
        try vault.saveIntakeDraft(plaintext)
    }

    public func keepIntakeDraft(_ plaintext: [UInt8]) throws {
        try require(.caseCreate, auditAction: .intakeDraftSave)
        try vault.keepIntakeDraft(plaintext)
    }

    public func loadIntakeDraft() throws -> [UInt8]? {
        try require(.caseCreate, auditAction: .intakeDraftSave)
        return try vault.loadIntakeDraft()
    }

    public func discardIntakeDraft() throws {
        try require(.caseCreate, auditAction: .intakeDraftDiscard)
        try vault.discardIntakeDraft()
    }

    /// Creates the case of a finished intake and deletes the draft, atomically.
    public func createCaseFromIntake(_ document: CaseDocument) throws -> CaseCode {
        try require(.caseCreate, auditAction: .caseCreate)
        return try vault.createCaseFromIntake(document)
    }
}
