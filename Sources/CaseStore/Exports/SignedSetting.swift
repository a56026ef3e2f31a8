import VaultCrypto

/// A vault setting that only an administrator may change (which exports need approval, the
/// partner organisations' keys), kept as one body she signs. The body names the vault, its
/// revision and its signer, and the revision must equal the number of changes the audit trail
/// records, so someone who writes to the file can neither forge a setting nor put back an older
/// one: either is a tamper error. Mirrors `StatisticsPolicy`, which predates this table.
protocol SignedSetting: Sendable {
    /// The row's name in `signed_settings`.
    static var settingName: String { get }
    /// The audit action that records each change.
    static var auditAction: AuditAction { get }
    /// The setting before any administrator changed it.
    static var defaults: Self { get }
    /// What the setting says, appended to the signed body.
    func encode(into bytes: inout CanonicalBytes)
    /// Reads what `encode` wrote; nil when it is not a valid setting.
    static func decode(_ reader: inout CanonicalReader) -> Self?
}

extension SignedSetting {
    static var label: String { "casevault/v1/setting/" + settingName }

    func body(vaultID: [UInt8], revision: Int, signer: String) -> [UInt8] {
        var bytes = CanonicalBytes(label: Self.label)
        bytes.field(vaultID)
        bytes.number(revision)
        bytes.field(signer)
        encode(into: &bytes)
        return bytes.bytes
    }

    static func parse(_ body: [UInt8], vaultID: [UInt8], revision: Int, signer: String) -> Self? {
        guard var reader = CanonicalReader(body, label: label), case let id?? = reader.field(), ConstantTime.equal(id, vaultID),
              reader.number() == Int64(revision), reader.text() == signer, let value = decode(&reader), reader.atEnd
        else { return nil }
        return value
    }
}

extension UnlockedVault {
    /// The setting in force, verified: signed by an administrator the directory certifies, for
    /// this vault, at the revision the audit trail counts (the trail checked first, so a change
    /// entry flipped or deleted cannot make an older setting current); the defaults when none
    /// was ever set.
    func signedSetting<Setting: SignedSetting>(_ type: Setting.Type, record: SignedRecord) throws -> (Setting, revision: Int) {
        try requireIntactAuditTrail()
        let changes = try storage.auditEntries(AuditFilter(action: Setting.auditAction.rawValue))
            .filter { $0.outcome == AuditOutcome.ok.rawValue }.count
        guard let row = try storage.signedSetting(Setting.settingName) else {
            guard changes == 0 else { throw CaseStoreError.untrustedSignature(record) }
            return (Setting.defaults, 0)
        }
        guard let signer = try currentDirectory().entry(row.signer), signer.role == .admin, let key = signer.signingPublicKey,
              Ed25519.isValidSignature(row.signature, for: row.body, publicKey: key), row.revision == changes,
              let setting = Setting.parse(row.body, vaultID: vaultID, revision: row.revision, signer: row.signer)
        else { throw CaseStoreError.untrustedSignature(record) }
        return (setting, row.revision)
    }

    /// Signs `setting` as the next revision and stores it with its audit entry (`details`:
    /// what changed, never survivor data).
    func setSignedSetting<Setting: SignedSetting>(_ setting: Setting, record: SignedRecord, details: [String: String]) throws {
        let revision = try signedSetting(Setting.self, record: record).revision + 1
        let body = setting.body(vaultID: vaultID, revision: revision, signer: user)
        let row = SignedSettingRow(revision: revision, signer: user, body: body, signature: try signingKey.signature(for: body))
        try commit([.putSignedSetting(name: Setting.settingName, row), .appendAudit(try auditDraft(Setting.auditAction, details: details))])
    }
}
