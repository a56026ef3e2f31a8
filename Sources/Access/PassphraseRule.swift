import Foundation
import VaultCrypto

/// The passphrase rule: at least 12 characters or at least 4 words, and not one of the common
/// passphrases people reach for first (compared without case, spaces or punctuation).
public enum PassphraseRule {
    static let common: Set<String> = [
        "password", "password1", "password123", "passw0rd", "123456789012", "1234567890123", "qwertyuiopas",
        "qwertyuiop123", "iloveyou1234", "letmein12345", "welcome12345", "administrator", "changeme1234",
        "correcthorsebatterystaple", "trustno1trustno1", "aaaaaaaaaaaa", "abcdefghijkl", "abc123abc123",
        "sifra1234567", "lozinka12345", "lozinka123456", "sifrasifra12", "volimte12345", "beograd12345",
        "krusevac1234", "mitrovica123", "casevault123", "casevaultpassword", "mojalozinka1", "nekasifra123",
        "0000000000000", "111111111111", "121212121212", "123123123123", "987654321098", "zaq12wsxcde3",
        "qazwsxedcrfv", "asdfghjklzxc", "monkeymonkey", "dragondragon", "sunshine1234", "princess1234",
        "football1234", "superman1234", "baseball1234", "mustang12345", "shadow123456", "master123456",
        "ovojemojasifra", "ovojelozinka", "dobrodosli123", "zdravozdravo", "srbija123456", "kosovo123456",
    ]

    /// Throws `weakPassphrase` when `passphrase` breaks the rule.
    public static func check(_ passphrase: SecretBytes) throws {
        let problem: PassphraseProblem? = passphrase.withUnsafeBytes { bytes in
            guard let text = String(bytes: bytes, encoding: .utf8) else { return .notText }
            let words = text.split(whereSeparator: \.isWhitespace)
            guard text.count >= 12 || words.count >= 4 else { return .tooShort }
            let squeezed = text.lowercased().filter { $0.isLetter || $0.isNumber }
            return common.contains(squeezed) ? .common : nil
        }
        if let problem { throw AccessError.weakPassphrase(problem) }
    }
}
