/// Errors of the case store. Their payloads are user names, case codes, paths and version
/// numbers only: never survivor data, never key material, never a raw SQLite message.
public enum CaseStoreError: Error, Equatable, Sendable {
    /// The passphrase does not open the user's key slot.
    case wrongPassphrase
    /// No key slot exists for this user name.
    case unknownUser(String)
    /// The user's account is disabled.
    case userDisabled(String)
    /// A staff user name breaks the rule of `UserName` (1–64 letters, digits, `.`, `_`, `-`).
    case invalidUserName(String)
    /// A user with this name already has a key slot.
    case userExists(String)
    /// A sealed value failed authentication; names the record, never its content.
    case tamperedRecord(SealedRecord)
    /// Another process holds the vault's write lock (or kept winning the race to the audit trail).
    case vaultLocked
    /// Another writer appended to the audit trail after this batch was chained; CaseStore chains
    /// the batch again after the new head. Reaches a user only as `vaultLocked`.
    case auditHeadMoved
    /// Someone else changed the case (a new version or state) after this user opened it; nothing
    /// was written. Names the case code.
    case caseChanged(String)
    /// A vault copy read back from its destination is not the vault that was copied (a row
    /// differs or is missing); the destination should be discarded.
    case copyIncomplete
    /// An administrator changed the vault's keys (rekey) after this user logged in; nothing was
    /// written, and she logs in again to receive the new keys.
    case keysRotated
    /// The vault was written by a newer CaseVault (or an unknown schema).
    case unsupportedVaultVersion(found: Int, supported: Int)
    /// The file is damaged, truncated or not a CaseVault vault.
    case corruptVault
    /// No vault file at this path.
    case vaultNotFound(String)
    /// A file already exists where a new vault or backup would be written.
    case fileExists(String)
    /// No case with this code (or it was erased).
    case caseNotFound(String)
    /// The case was erased; its content is gone for good.
    case caseErased(String)
    /// The user's key slot does not hold the key this operation needs.
    case keyNotInSlot(KeyPurpose)
    /// A case document breaks a rule; `field` is a JSON path, `rule` a rule code.
    case invalidDocument(position: Int?, field: String, rule: DocumentRule)
    /// The underlying storage failed for another reason (disk full, permissions).
    case storageFailure(StorageFailure)
    /// A case's sealed document or signed state is older than what the audit trail has
    /// committed to for it: someone put an earlier version back. Names the case code.
    case caseRolledBack(String)
    /// A signed value (directory, grant, case state) does not verify against the directory key
    /// pinned in the user's slot, or was signed by someone not allowed to sign it.
    case untrustedSignature(SignedRecord)
    /// The vault was upgraded to the signed directory, but no administrator has logged in since to
    /// build it; until then only administrators may log in.
    case directoryNotEstablished
    /// Cases have no statistics facts yet (a vault from before statistics): a caseworker or an
    /// administrator computes them at login. Carries how many cases are waiting.
    case statisticsNotPrepared(Int)
    /// A disclosure-control threshold below the smallest allowed (3), or a negative budget.
    case statisticsThresholdTooLow(Int)
    /// No export request with this id (as typed).
    case exportRequestNotFound(String)
    /// The export request was already approved or denied.
    case exportRequestNotPending(String)
    /// The export request was already used for a file (or is no longer approved for this export).
    case exportRequestUsed(String)
    /// A supervisor may not decide her own export request.
    case exportOwnRequest(String)
    /// A partner name breaks the rule of `PartnerDirectory.isValidName`, or its key is not 32 bytes.
    case invalidPartnerName(String)
    /// No partner organisation by this name.
    case unknownPartner(String)
    /// A retention rule with a number of years outside 1...100.
    case invalidRetentionRule(Int)
    /// `eraseForRetention` was given a case that the retention rule does not make due today
    /// (open, reopened, closed too recently, or no rule). Names the case code; nothing was erased.
    case notDueForRetention(String)
}

/// Why storage failed, without the engine's own (English) message.
public enum StorageFailure: String, Sendable, Equatable {
    case diskFull = "disk_full"
    case cannotOpenOrWrite = "cannot_open_or_write"
    case inputOutput = "input_output"
    case cannotCreateFile = "cannot_create_file"
    /// Any other engine error; the code is kept out of user text.
    case engine = "engine"
    /// A write the store acknowledged did not produce its row (a bug, never survivor data).
    case nothingWritten = "nothing_written"
    /// The database server cannot be reached (address, port, network).
    case serverUnreachable = "server_unreachable"
    /// The connection to the database server broke during a command. Each write is one
    /// transaction, so the vault holds all of it or none of it; the user checks which before
    /// doing it again.
    case connectionLost = "connection_lost"
    /// The database server refused the user name or password.
    case serverAuthentication = "server_authentication"
    /// The database server's TLS certificate does not verify, or TLS could not be set up.
    case serverCertificate = "server_certificate"
    /// The database role may not do what was asked (a missing grant).
    case serverPermission = "server_permission"
}

/// Which signed record failed verification, so fronts can name it in the user's language.
public enum SignedRecord: Sendable, Equatable {
    /// The signed user directory as a whole.
    case directory
    /// One user's entry in the directory (or a key that is not the one certified for them).
    case directoryEntry(user: String)
    /// A key grant to `user`.
    case keyGrant(user: String)
    /// The signed state (assignee, status, version) of a case.
    case caseState(String)
    /// The audit trail: entries that need a user's keys stand after the newest signed head, or
    /// that head does not verify.
    case auditTrail
    /// The statistics policy (threshold and privacy budgets).
    case statisticsPolicy
    /// Which exports need approval.
    case exportRules
    /// The partner organisations' keys.
    case partners
    /// One request (or its decision) in the export ledger, by id.
    case exportRequest(String)
    /// The retention rule (years after closing before a case is erased).
    case retentionRule
}

/// Which sealed record failed authentication, so fronts can name it in the user's language.
public enum SealedRecord: Sendable, Equatable {
    /// A case (its wrapped key or a document version), by case code.
    case caseFile(String)
    /// A user's key slot.
    case keySlot(user: String)
    /// Keys granted to a user after a rekey or a role change.
    case keyGrant(user: String)
    /// A user's intake draft.
    case intakeDraft(user: String)
    /// A case's statistics facts (missing, from another version, or altered), by case code.
    case caseFacts(String)
}

/// Why a case document was refused; stable codes that the CLI translates.
public enum DocumentRule: String, Sendable, Equatable, CaseIterable {
    case notJSON = "not_json"
    case notAnObject = "not_an_object"
    case unknownField = "unknown_field"
    case missing = "missing"
    case wrongType = "wrong_type"
    case empty = "empty"
    case tooLong = "too_long"
    case controlCharacters = "control_characters"
    case invalidDate = "invalid_date"
    case dateInFuture = "date_in_future"
    case unknownValue = "unknown_value"
    /// A section only the program writes (`work`: notes, follow-ups, referrals, plan, closure).
    case notImportable = "not_importable"
    /// A key that must be a form question id (letters, digits, `_`, `.`, at most 64) is not one.
    case invalidKey = "invalid_key"
}
