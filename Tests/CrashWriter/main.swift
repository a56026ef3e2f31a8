import CaseStore
import Foundation
import VaultCrypto

// casevault-crash-writer VAULT USER PASSPHRASE_FILE
// Test helper for CaseStoreTests.CrashRecoveryTests: unlocks an existing vault (made with a
// cheap KDF by the test) and creates cases one at a time forever, printing each code on its
// own line only after `createCase` returned, i.e. after the commit was acknowledged. The test
// kills it with SIGKILL at random moments and checks that every printed code survived.
let arguments = CommandLine.arguments
guard arguments.count == 4, let passphrase = FileManager.default.contents(atPath: arguments[3]) else {
    FileHandle.standardError.write(Data("usage: casevault-crash-writer VAULT USER PASSPHRASE_FILE\n".utf8))
    exit(2)
}
do {
    let vault = try Vault(path: arguments[1]).unlock(user: arguments[2], passphrase: SecretBytes(passphrase))
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
