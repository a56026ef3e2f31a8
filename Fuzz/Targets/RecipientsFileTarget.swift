@_spi(Fuzzing) import CaseVaultCLI
import Export
import Foundation
import VaultCrypto

/// `export --recipients-file FILE` (its lines, then `AgeRecipient(parsing:)` for each) and age
/// identity text (`AgeIdentity(parsing:)`, Bech32). Properties: a recipient that parses prints as
/// its entry in lower case (Bech32 allows one case only), and an identity that parses encodes to
/// text that parses to the same recipient.
enum RecipientsFileTarget {
    static let target = FuzzTarget(name: "recipients-file") { data in
        guard let text = String(data: data, encoding: .utf8) else { return }
        for entry in CLIFuzzing.recipientEntries(text) {
            if let recipient = try? AgeRecipient(parsing: entry) {
                FuzzCheck.require(recipient.description == entry.lowercased(), "a recipient prints as it was written")
            }
            if let identity = try? AgeIdentity(parsing: SecretBytes(Array(entry.utf8))) {
                FuzzCheck.require((try? AgeIdentity(parsing: identity.encoded()))?.recipient == identity.recipient,
                                  "an identity round-trips")
            }
        }
    }
}
