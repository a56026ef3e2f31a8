import CaseStore
import Foundation
import VaultCrypto

// casevault-crash-writer create|rekey|hardening VAULT USER PASSPHRASE_FILE
// Test helper for the crash tests, which kill it with SIGKILL at random moments.
// `create`: unlocks an existing vault and creates cases one at a time forever, printing each
// code on its own line only after `createCase` returned, i.e. after the commit was acknowledged.
// `rekey`: unlocks as an admin, rotates the keys once, prints "done" and exits.
// `hardening`: prints `before` and `after` lines with PR_GET_DUMPABLE and RLIMIT_CORE (soft and
// hard) around one unlock, from a fresh process that nothing else has hardened yet.
let arguments = CommandLine.arguments
guard arguments.count == 5, ["create", "rekey", "hardening"].contains(arguments[1]),
      let passphrase = FileManager.default.contents(atPath: arguments[4]) else {
    FileHandle.standardError.write(Data("usage: casevault-crash-writer create|rekey|hardening VAULT USER PASSPHRASE_FILE\n".utf8))
    exit(2)
}
#if canImport(Glibc)
let RLIMIT_CORE_VALUE = __rlimit_resource_t(RLIMIT_CORE.rawValue)
#else
let RLIMIT_CORE_VALUE = RLIMIT_CORE
#endif
func hardeningState(_ label: String) -> String {
    var limit = rlimit()
    let known = getrlimit(RLIMIT_CORE_VALUE, &limit) == 0
    let dumpable = ProcessHardening.isDumpable ? 1 : 0
    return known ? "\(label) dumpable=\(dumpable) core=\(limit.rlim_cur)/\(limit.rlim_max)\n" : "\(label) getrlimit failed\n"
}
if arguments[1] == "hardening" {
    // Start from the most a process may dump, so the test sees unlock lower it.
    var limit = rlimit()
    if getrlimit(RLIMIT_CORE_VALUE, &limit) == 0 {
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(RLIMIT_CORE_VALUE, &limit)
    }
    FileHandle.standardOutput.write(Data(hardeningState("before").utf8))
}
do {
    let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
    let vault = try Vault(path: arguments[2], options: options).unlock(user: arguments[3], passphrase: SecretBytes(passphrase))
    if arguments[1] == "hardening" {
        FileHandle.standardOutput.write(Data(hardeningState("after").utf8))
        exit(0)
    }
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
