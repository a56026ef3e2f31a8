/// Rectification: a survivor's right to have wrong data about her corrected.
extension UnlockedVault {
    /// Replaces a case's document with a corrected one, like `updateCase` (the earlier version
    /// stays sealed in the history), but marked as a correction: the new document's
    /// `work.corrections` gains one entry (day, user, changed fields) and the audit entry is
    /// `case_correct` with the changed field names (never their values). A `document` without
    /// `work` keeps the case's notes, follow-ups, referrals, plan and closure as they are. The
    /// corrections the document already had are kept; any in `document` are ignored. A document
    /// that changes nothing writes nothing. Returns the case's version after the call.
    @discardableResult
    public func correctCase(_ code: CaseCode, document: CaseDocument) throws -> Int {
        try CaseDocumentCodec.validate(document, today: vault.options.now())
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let dataKey = try sealer.dataKey(for: row, code: code)
        guard let sealedCurrent = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        let current = try sealer.openDocument(sealedCurrent, code: code, version: row.version, dataKey: dataKey)
        var corrected = document
        corrected.work = document.work ?? current.work
        let fields = try CaseDocumentDiff.changedFields(from: current, to: corrected)
        guard !fields.isEmpty else { return row.version }
        var work = corrected.work ?? CaseWork()
        work.corrections = (current.work?.corrections ?? []) + [Correction(day: vault.options.today, by: user, fields: fields)]
        corrected.work = work
        let version = row.version + 1
        try commit(try newVersion(corrected, of: row, code: code, sealer: sealer, dataKey: dataKey,
                                  audit: auditDraft(.caseCorrect, caseCode: code.rawValue,
                                                    details: ["version": String(version), "fields": fields.joined(separator: ",")])))
        return version
    }
}
