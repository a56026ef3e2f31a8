import CaseStore
import Foundation
import VaultCrypto

// casevault-crash-writer create|rekey VAULT USER PASSPHRASE_FILE
// Test helper for the crash tests, which kill it with SIGKILL at random moments.
// `create`: unlocks an existing vault and creates cases one at a time forever, printing each
// code on its own line only after `createCase` returned, i.e. after the commit was acknowledged.
// `rekey`: unlocks as an admin, rotates the keys once, prints "done" and exits.
let arguments = CommandLine.arguments
guard arguments.count == 5, ["create", "rekey"].contains(arguments[1]),
      let passphrase = FileManager.default.contents(atPath: arguments[4]) else {
    FileHandle.standardError.write(Data("usage: casevault-crash-writer create|rekey VAULT USER PASSPHRASE_FILE\n".utf8))
    exit(2)
}
do {
    let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
    let vault = try Vault(path: arguments[2], options: options).unlock(user: arguments[3], passphrase: SecretBytes(passphrase))
    if arguments[1] == "rekey" {
        _ = try vault.rekey(passphrase: SecretBytes(passphrase))
        FileHandle.standardOutput.write(Data("done\n".utf8))
        exit(0)
    }
    var counter = 0
    while true {
        counter += 1
        let document = CaseDocument(
            survivor: .init(name: "Crash Test \(counter)", phone: "+381 60 \(counter)"),
            incident: .init(narrative: String(repeating: "narrative \(counter) ", count: 40)),
            consent: .init(statistics: counter % 2 == 0)
        )
        let code = try vault.createCase(document)
        FileHandle.standardOutput.write(Data((code.rawValue + "\n").utf8))
    }
} catch {
    FileHandle.standardError.write(Data("casevault-crash-writer: \(error)\n".utf8))
    exit(1)
}
