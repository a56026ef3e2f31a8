import CaseStore
import PostgresNIO

/// The vault's identity, its users and their settings, as stored.
extension PostgresVaultStorage {
    public func meta() throws -> VaultMetaRow? {
        try session.query("SELECT vault_id, format_version, key_version, created_day, signing_public_key FROM vault_meta")
            .firstRow.map(Self.metaRow)
    }

    static func metaRow(_ row: PostgresRandomAccessRow) throws -> VaultMetaRow {
        VaultMetaRow(vaultID: try row.bytes(0), formatVersion: try row.value(1), keyVersion: try row.value(2),
                     createdDay: try row.value(3), signingPublicKey: try row.optionalBytes(4))
    }

    static let slotColumns =
        "user_name, role, kdf_log_n, kdf_r, kdf_p, salt, key_version, sealed_keys, created_day, disabled, exchange_public_key"

    static func slotRow(_ row: PostgresRandomAccessRow) throws -> KeySlotRow {
        KeySlotRow(user: try row.value(0), role: try row.raw(1, as: Role.self), kdfLogN: try row.value(2), kdfR: try row.value(3),
                   kdfP: try row.value(4), salt: try row.bytes(5), keyVersion: try row.value(6), sealedKeys: try row.bytes(7),
                   createdDay: try row.value(8), disabled: try row.value(9), exchangePublicKey: try row.bytes(10))
    }

    public func keySlot(user: String) throws -> KeySlotRow? {
        try session.query("SELECT \(unescaped: Self.slotColumns) FROM key_slots WHERE user_name = \(user)").firstRow.map(Self.slotRow)
    }

    public func keySlots() throws -> [KeySlotRow] {
        try session.query("SELECT \(unescaped: Self.slotColumns) FROM key_slots ORDER BY user_name").allRows.map(Self.slotRow)
    }

    static let grantColumns = "user_name, role, key_version, ephemeral_key, sealed_keys, granted_by, signature"

    static func grantRow(_ row: PostgresRandomAccessRow) throws -> KeyGrantRow {
        KeyGrantRow(user: try row.value(0), role: try row.raw(1, as: Role.self), keyVersion: try row.value(2),
                    ephemeralKey: try row.bytes(3), sealedKeys: try row.bytes(4), grantedBy: try row.value(5),
                    signature: try row.optionalBytes(6))
    }

    public func keyGrant(user: String) throws -> KeyGrantRow? {
        try session.query("SELECT \(unescaped: Self.grantColumns) FROM key_grants WHERE user_name = \(user)").firstRow.map(Self.grantRow)
    }

    public func directory() throws -> DirectoryRow? {
        try session.query("SELECT revision, public_key, body, signature FROM user_directory").firstRow.map {
            DirectoryRow(revision: try $0.value(0), publicKey: try $0.bytes(1), body: try $0.bytes(2), signature: try $0.bytes(3))
        }
    }

    public func retiredAuditKeys() throws -> [RetiredAuditKeyRow] {
        try session.query("SELECT version, sealed FROM retired_audit_keys ORDER BY version DESC").allRows.map(Self.retiredKeyRow)
    }

    static func retiredKeyRow(_ row: PostgresRandomAccessRow) throws -> RetiredAuditKeyRow {
        RetiredAuditKeyRow(version: try row.value(0), sealed: try row.bytes(1))
    }

    public func intakeDraft(user: String) throws -> [UInt8]? {
        try session.query("SELECT sealed FROM intake_drafts WHERE user_name = \(user)").firstRow.map { try $0.bytes(0) }
    }

    /// Unknown values are skipped, as in the SQLite backend: a display preference decides nothing.
    public func grammaticalGenders() throws -> [String: GrammaticalGender] {
        var genders: [String: GrammaticalGender] = [:]
        for row in try session.query("SELECT user_name, grammatical_gender FROM user_profiles").allRows {
            if let gender = GrammaticalGender(rawValue: try row.value(1)) { genders[try row.value(0)] = gender }
        }
        return genders
    }

    public func loginFailures(user: String) throws -> LoginFailureRow? {
        try session.query("SELECT failures, last_failure_at FROM login_failures WHERE user_name = \(user)").firstRow.map {
            LoginFailureRow(failures: try $0.value(0), lastFailureAt: try $0.value(1))
        }
    }

    public func statisticsPolicy() throws -> StatisticsPolicyRow? {
        try session.query("SELECT revision, signer, body, signature FROM statistics_policy").firstRow.map {
            StatisticsPolicyRow(revision: try $0.value(0), signer: try $0.value(1), body: try $0.bytes(2), signature: try $0.bytes(3))
        }
    }

    public func signedSetting(_ name: String) throws -> SignedSettingRow? {
        try session.query("SELECT revision, signer, body, signature FROM signed_settings WHERE name = \(name)").firstRow.map {
            SignedSettingRow(revision: try $0.value(0), signer: try $0.value(1), body: try $0.bytes(2), signature: try $0.bytes(3))
        }
    }

    static let exportRequestColumns =
        "id, case_code, requester, created_day, body, signature, decider, decision, decision_signature, used"

    static func exportRequestRow(_ row: PostgresRandomAccessRow) throws -> ExportRequestRow {
        ExportRequestRow(id: try row.value(0), caseCode: try row.value(1), requester: try row.value(2), createdDay: try row.value(3),
                         body: try row.bytes(4), signature: try row.bytes(5), decider: try row.value(6),
                         decision: try row.optionalBytes(7), decisionSignature: try row.optionalBytes(8))
    }

    public func exportRequests() throws -> [ExportRequestRow] {
        try session.query("SELECT \(unescaped: Self.exportRequestColumns) FROM export_requests ORDER BY ordinal")
            .allRows.map(Self.exportRequestRow)
    }
}
