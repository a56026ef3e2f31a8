import CaseStore
import VaultCrypto

/// The staff of a demo vault, one per role, all sharing one published passphrase: the vault
/// holds only invented people, so nothing is protected by it and a newcomer can log in as anyone.
enum DemoUsers {
    /// The passphrase of every demo user. Printed by `casevault demo`; never use it for a real vault.
    static let passphrase = "demo passphrase - not for real cases"

    static let admin = "demo-admin"
    static let maja = "demo-maja"
    static let vesna = "demo-vesna"
    static let supervisor = "demo-sofija"
    static let auditor = "demo-ivan"

    /// The caseworkers the cases are split between.
    static let caseworkers = [maja, vesna]

    /// The users added after the administrator, in order.
    static let staff: [(name: String, role: Role)] = [
        (maja, .caseworker), (vesna, .caseworker), (supervisor, .supervisor), (auditor, .auditor),
    ]

    /// Everyone, administrator first.
    static let all: [(name: String, role: Role)] = [(admin, .admin)] + staff

    static var secret: SecretBytes { SecretBytes(Array(passphrase.utf8)) }
}
