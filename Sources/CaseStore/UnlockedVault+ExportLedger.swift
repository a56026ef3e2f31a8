import VaultCrypto

/// The export ledger: requests, a supervisor's decisions, and the record of each file written.
extension UnlockedVault {
    /// Every request in the ledger, oldest first, each verified (a row whose signature does not
    /// hold is a tamper error naming it) with its status; reasons opened when this user holds
    /// the audit key.
    public func exportRequests() throws -> [ExportRequest] {
        let rows = try storage.exportRequests()
        guard !rows.isEmpty else { return [] }
        let directory = try currentDirectory()
        let keys = try auditReadingKeys()
        let used = try usedExportRequests(keys: keys)
        return try rows.map { try verifiedRequest($0, directory: directory, keys: keys, used: used) }
    }

    private func verifiedRequest(_ row: ExportRequestRow, directory: UserDirectory, keys: [SecretBytes], used: Set<String>) throws -> ExportRequest {
        let tampered = CaseStoreError.untrustedSignature(.exportRequest(row.id))
        guard let requester = directory.entry(row.requester), let requesterKey = requester.signingPublicKey,
              Ed25519.isValidSignature(row.signature, for: row.body, publicKey: requesterKey),
              let body = ExportLedgerBody.parseRequest(row.body, vaultID: vaultID, id: row.id),
              body.caseCode == row.caseCode, body.requester == row.requester, body.day == row.createdDay
        else { throw tampered }
        let reason = openReason(body.sealedReason, id: row.id, keys: keys)
        var request = ExportRequest(id: row.id, caseCode: body.caseCode, profile: body.profile, service: body.service,
                                    requester: body.requester, day: body.day, reason: reason, status: .pending)
        guard let decisionBody = row.decision else {
            guard row.decider == nil, row.decisionSignature == nil else { throw tampered }
            return request
        }
        guard let deciderName = row.decider, deciderName != row.requester, let decider = directory.entry(deciderName),
              decider.role == .supervisor, let deciderKey = decider.signingPublicKey, let signature = row.decisionSignature,
              Ed25519.isValidSignature(signature, for: decisionBody, publicKey: deciderKey),
              let decision = ExportLedgerBody.parseDecision(decisionBody, vaultID: vaultID, id: row.id, requestBody: row.body),
              decision.decider == deciderName
        else { throw tampered }
        if decision.approved {
            request.status = used.contains(row.id) ? .used(by: deciderName) : .approved(by: deciderName)
        } else {
            request.status = .denied(by: deciderName, reason: decision.sealedReason.flatMap { openReason($0, id: row.id, keys: keys) })
        }
        return request
    }

    private func openReason(_ sealed: [UInt8], id: String, keys: [SecretBytes]) -> String? {
        let associatedData = ExportLedgerBody.reasonAssociatedData(vaultID: vaultID, id: id)
        for key in keys {
            if let plain = try? SealedValue.open(sealed, key: key, associatedData: associatedData) {
                return String(validating: plain, as: UTF8.self)
            }
        }
        return nil
    }

    private func sealReason(_ reason: String, id: String) throws -> [UInt8] {
        try SealedValue.seal(Array(reason.utf8), key: keys.key(.audit), associatedData: ExportLedgerBody.reasonAssociatedData(vaultID: vaultID, id: id))
    }

    /// Ids of requests an export was written under: read from the hash-chained audit trail (checked
    /// first), not from the request rows, so a used approval cannot be made fresh again by editing
    /// the file.
    private func usedExportRequests(keys: [SecretBytes]) throws -> Set<String> {
        try requireIntactAuditTrail()
        let written = try storage.auditEntries(AuditFilter(action: AuditAction.export.rawValue)).filter { $0.outcome == AuditOutcome.ok.rawValue }
        return Set(written.compactMap { AuditPayload.open($0, keys: keys)["request"] })
    }

    /// Records a signed request for `order` and returns it (pending).
    public func requestExport(_ order: ExportOrder) throws -> ExportRequest {
        let id = try ExportLedgerBody.newID()
        let day = vault.options.today
        let body = ExportLedgerBody.request(vaultID: vaultID, id: id, order: order, requester: user, day: day,
                                            sealedReason: try sealReason(order.reason, id: id))
        let row = ExportRequestRow(id: id, caseCode: order.caseCode, requester: user, createdDay: day, body: body,
                                   signature: try signingKey.signature(for: body))
        try commit([.insertExportRequest(row), .appendAudit(try auditDraft(.exportRequest, caseCode: order.caseCode, details: Self.details(order, id: id)))])
        return ExportRequest(id: id, caseCode: order.caseCode, profile: order.profile, service: order.service, requester: user, day: day,
                             reason: order.reason, status: .pending)
    }

    /// Signs this supervisor's decision on a pending request (`reason`: why it was denied).
    public func decideExportRequest(_ typedID: String, approve: Bool, reason: String?) throws -> ExportRequest {
        guard let id = ExportLedgerBody.canonicalID(typedID), var request = try exportRequests().first(where: { $0.id == id }),
              let row = try storage.exportRequests().first(where: { $0.id == id })
        else { throw CaseStoreError.exportRequestNotFound(typedID) }
        guard request.status == .pending else { throw CaseStoreError.exportRequestNotPending(id) }
        guard request.requester != user else { throw CaseStoreError.exportOwnRequest(id) }
        let sealed = try reason.map { try sealReason($0, id: id) }
        let decision = try ExportLedgerBody.decision(vaultID: vaultID, id: id, requestBody: row.body, approved: approve, decider: user,
                                                     day: vault.options.today, sealedReason: sealed)
        var details = ["request": id, "decision": approve ? "approved" : "denied"]
        if let reason { details["reason"] = reason }
        try commit([.decideExportRequest(id: id, decider: user, decision: decision, signature: try signingKey.signature(for: decision)),
                    .appendAudit(try auditDraft(.exportDecision, caseCode: request.caseCode, details: details))])
        request.status = approve ? .approved(by: user) : .denied(by: user, reason: reason)
        return request
    }

    /// Records a written export: profile, service, request, reason, recipients and the SHA-256
    /// of the encrypted file, in the audit trail, before the file is put in place. Under a
    /// request, the request is checked again (approved, for this very order, not used) and
    /// marked used in the same transaction, so two commands cleared by one approval cannot both
    /// write a file.
    public func recordExport(_ order: ExportOrder, requestID: String?, fileSHA256: [UInt8], recipients: String) throws {
        var details = Self.details(order, id: requestID)
        details["sha256"] = fileSHA256.map { String(format: "%02x", $0) }.joined()
        details["recipients"] = recipients
        var mutations = [StorageMutation.appendAudit(try auditDraft(.export, caseCode: order.caseCode, details: details))]
        if let requestID {
            guard let request = try exportRequests().first(where: { $0.id == requestID }), request.matches(order, requester: user),
                  case .approved = request.status else { throw CaseStoreError.exportRequestUsed(requestID) }
            mutations.insert(.markExportRequestUsed(id: requestID), at: 0)
        }
        try commit(mutations)
    }

    /// Records a refused export (`reason`: a stable code) with what was asked.
    public func recordExportRefused(_ order: ExportOrder, reason: String, requestID: String?) throws {
        var details = Self.details(order, id: requestID)
        details["refused"] = reason
        try commit([.appendAudit(try auditDraft(.export, caseCode: order.caseCode, outcome: .denied, details: details))])
    }

    private static func details(_ order: ExportOrder, id: String?) -> [String: String] {
        var details = ["profile": order.profile.rawValue, "reason": order.reason]
        if let id { details["request"] = id }
        if let service = order.service { details["service"] = service.rawValue }
        return details
    }
}
