/// How staff users want their roles named. A display preference, read by anyone logged in (the
/// user list names every role) and set by each user for herself only, on the record; no decision
/// reads it, so it is neither sealed nor signed (docs/vault-format.md).
extension UnlockedVault {
    /// Every choice made, by user name.
    public func grammaticalGenders() throws -> [String: GrammaticalGender] {
        try storage.grammaticalGenders()
    }

    /// Sets the gender this user's own role is named in.
    public func setGrammaticalGender(_ gender: GrammaticalGender) throws {
        try commit([.setGrammaticalGender(user: user, gender: gender), .appendAudit(auditDraft(.profileChange, details: ["grammatical_gender": gender.rawValue]))])
    }
}
