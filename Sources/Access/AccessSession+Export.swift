import CaseStore
import VaultCrypto

/// Exports through the policy and the ledger: the role must be allowed the profile (a
/// caseworker only on her own cases), a profile that needs approval is written only under an
/// approved, unused request of the same user for the same export (the first attempt records the
/// request), a referral only while the survivor's consent to that service stands. Every refusal
/// is audited; a written export is recorded with the hash of the file before it is put in place.
extension AccessSession {
    /// The action that permits exporting `profile`.
    static func action(for profile: ExportProfile) -> AccessAction {
        switch profile {
        case .survivor: .exportSurvivor
        case .referral: .exportReferral
        case .incidentRecorder: .exportIncidentRecorder
        }
    }

    /// Checks `order` and returns the id of the approved request it runs under (nil when the
    /// profile needs no approval). Throws, after auditing, when it is not allowed or not approved.
    public func clearExport(_ order: ExportOrder) throws -> String? {
        let action = Self.action(for: order.profile)
        if let typed = order.caseCode {
            guard let code = CaseCode(typed) else { throw CaseStoreError.caseNotFound(typed) }
            _ = try requireCase(action, code, auditAction: .export)
        } else {
            try require(action, auditAction: .export)
        }
        guard try vault.exportRules().approvalRequired.contains(order.profile) else { return nil }
        let mine = try vault.exportRequests().filter { $0.matches(order, requester: actor.name) }
        if let approved = mine.first(where: { if case .approved = $0.status { true } else { false } }) { return approved.id }
        if let pending = mine.first(where: { $0.status == .pending }) {
            try vault.recordExportRefused(order, reason: "approval_pending", requestID: pending.id)
            throw AccessError.exportAwaitingApproval(id: pending.id)
        }
        let request = try vault.requestExport(order)
        try vault.recordExportRefused(order, reason: "approval_required", requestID: request.id)
        throw AccessError.exportApprovalRequested(id: request.id)
    }

    /// The case to export under a cleared `order`; for a referral, refused (and audited) unless
    /// the survivor's consent to share with that service stands in the current version.
    public func caseForExport(_ order: ExportOrder, requestID: String?) throws -> CaseRecord {
        guard let typed = order.caseCode, let code = CaseCode(typed) else { throw CaseStoreError.caseNotFound(order.caseCode ?? "") }
        _ = try requireCase(Self.action(for: order.profile), code, auditAction: .export)
        let record = try vault.readCase(code)
        if order.profile == .referral {
            guard let service = order.service else { throw AccessError.referralServiceNeeded }
            guard record.document.consent.sharing?.contains(service) == true else {
                try vault.recordExportRefused(order, reason: "no_consent", requestID: requestID)
                throw AccessError.noConsentToShare(service)
            }
        }
        return record
    }

    /// Streams every consenting case's facts, for the Incident Recorder profile (supervisors);
    /// `body` must not use the session. With `assignees`, each comes with the user the case is
    /// assigned to, taken from its verified signed state (one Ed25519 verification per case, the
    /// slow part of the export); without, with nil.
    public func forEachFactsForExport(assignees: Bool, _ body: (CaseFacts, String?) throws -> Void) throws {
        try require(.exportIncidentRecorder, auditAction: .export)
        let verified = assignees ? Dictionary(try vault.listCases().map { ($0.code, $0.assignee) }, uniquingKeysWith: { first, _ in first }) : [:]
        try vault.forEachCaseFacts { code, facts in try body(facts, verified[code] ?? nil) }
    }

    /// Records a written export (the file's SHA-256 and who can open it) before it is put in place.
    public func recordExport(_ order: ExportOrder, requestID: String?, fileSHA256: [UInt8], recipients: String) throws {
        try require(Self.action(for: order.profile), on: try resource(order), auditAction: .export, caseCode: order.caseCode)
        try vault.recordExport(order, requestID: requestID, fileSHA256: fileSHA256, recipients: recipients)
    }

    private func resource(_ order: ExportOrder) throws -> Resource {
        guard let typed = order.caseCode, let code = CaseCode(typed) else { return .vault }
        let summary = try vault.summary(code)
        return .caseFile(code: summary.code, assignee: summary.assignee)
    }

    /// The ledger (supervisors, who decide; every request with its status).
    public func exportRequests() throws -> [ExportRequest] {
        try require(.exportApprove, auditAction: .exportDecision)
        return try vault.exportRequests()
    }

    /// Approves or denies a pending request (supervisors; never their own).
    public func decideExportRequest(_ id: String, approve: Bool, reason: String?) throws -> ExportRequest {
        try require(.exportApprove, auditAction: .exportDecision)
        return try vault.decideExportRequest(id, approve: approve, reason: reason)
    }

    /// Which exports need approval (anyone may read it; the ledger checks it).
    public func exportRules() throws -> ExportRules { try vault.exportRules() }

    /// Sets which exports need approval (administrators).
    public func setExportRules(_ rules: ExportRules) throws {
        try require(.exportRules, auditAction: .exportRules)
        try vault.setExportRules(rules)
    }

    /// The partner organisations' certified keys.
    public func partnerDirectory() throws -> PartnerDirectory { try vault.partnerDirectory() }

    /// Adds, replaces (`key`) or removes (`key` nil) a partner's key (administrators).
    public func setPartner(_ name: String, key: [UInt8]?) throws {
        try require(.partnerManage, auditAction: .partnerKey)
        try vault.setPartner(name, key: key)
    }

    /// The vault's export-signing public key.
    public func exportSigningPublicKey() throws -> [UInt8] { try vault.exportSigningPublicKey() }

    /// Signs an export file with the vault's export-signing key.
    public func signExport(_ file: [UInt8]) throws -> [UInt8] { try vault.signExport(file) }

    /// This user's own age identity (her X25519 exchange key) and its certified public key.
    public func ageIdentity() throws -> (privateKey: SecretBytes, publicKey: [UInt8]) {
        (try vault.exchangePrivateKey(), try vault.exchangePublicKey())
    }
}
