/// One case as an authorised caseworker sees it: the unsealed document and its metadata.
public struct CaseRecord: Sendable, Equatable {
    public var code: CaseCode
    public var status: CaseStatus
    public var assignee: String?
    public var createdDay: String
    public var updatedDay: String
    public var version: Int
    public var document: CaseDocument
}

/// One earlier version of a case document.
public struct CaseVersion: Sendable, Equatable {
    public var version: Int
    public var document: CaseDocument
}

/// What `verifyBackup` checked.
public struct BackupReport: Sendable, Equatable {
    /// The storage engine's integrity check passed.
    public var integrityOK: Bool
    /// The backup belongs to the same vault.
    public var sameVault: Bool
    /// Live cases whose key and every document version authenticated.
    public var casesVerified: Int
    /// Document versions (current and earlier) that authenticated.
    public var versionsVerified: Int
}
