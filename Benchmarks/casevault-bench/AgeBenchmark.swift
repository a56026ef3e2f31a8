import Export
import Foundation
import VaultCrypto

/// `--age-mb N`: age encryption throughput of CaseVault's AgeEncryptor against the reference
/// binary (`/usr/bin/age -r RECIPIENT -o /dev/null FILE`) on the same N MiB of random bytes to one
/// X25519 recipient, three alternated rounds each, median reported; then the same for decryption
/// (`age -d -i KEYFILE -o /dev/null`). The binary's times include its process start. The
/// plaintext, the encrypted file and the key file are written 0600 in the private work directory
/// and removed afterwards.
struct AgeBenchmark {
    let megabytes: Int
    let directory: String
    private let rounds = 3
    private let agePath = "/usr/bin/age"

    func run() throws -> String {
        let plaintext = try SecureRandom.bytes(count: megabytes << 20)
        let identity = try AgeIdentity.generate()
        let plainPath = directory + "/age-plaintext"
        let encryptedPath = directory + "/age-encrypted.age"
        let keyPath = directory + "/age-key.txt"
        defer { for path in [plainPath, encryptedPath, keyPath] { try? FileManager.default.removeItem(atPath: path) } }
        try write(plaintext, to: plainPath)
        var key = identity.encoded().copyBytes() + [0x0a]
        try write(key, to: keyPath)
        SecretBytes.cleanse(&key)

        var encrypted: [UInt8] = []
        var ours: [Double] = [], theirs: [Double] = []
        for _ in 0..<rounds {
            ours.append(try Measure.time { encrypted = try AgeEncryptor.encrypt(plaintext, to: [identity.recipient]) })
            theirs.append(try Measure.time { try runAge(["-r", identity.recipient.description, "-o", "/dev/null", plainPath]) })
        }
        try write(encrypted, to: encryptedPath)
        var oursOpen: [Double] = [], theirsOpen: [Double] = []
        for _ in 0..<rounds {
            var opened: [UInt8] = []
            oursOpen.append(try Measure.time { opened = try AgeDecryptor.decrypt(encrypted, with: .identities([identity])) })
            guard opened == plaintext else { throw BenchError("age round trip changed the plaintext") }
            theirsOpen.append(try Measure.time { try runAge(["-d", "-i", keyPath, "-o", "/dev/null", encryptedPath]) })
        }
        return """
            CaseVault age benchmark — \(megabytes) MiB of random bytes, one X25519 recipient, median of \(rounds) alternated rounds
            encrypt  AgeEncryptor \(rate(ours))  age 1.1.1 \(rate(theirs))  ratio ours/age \(ratio(ours, theirs))
            decrypt  AgeDecryptor \(rate(oursOpen))  age 1.1.1 \(rate(theirsOpen))  ratio ours/age \(ratio(oursOpen, theirsOpen))
            """
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("could not write \(path)")
        }
    }

    private func runAge(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: agePath)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(agePath) failed (status \(process.terminationStatus))") }
    }

    private func median(_ samples: [Double]) -> Double { Stats(samples).median }

    private func rate(_ samples: [Double]) -> String {
        String(format: "%7.1f MiB/s (%.3f s)", Double(megabytes) / median(samples), median(samples))
    }

    private func ratio(_ ours: [Double], _ theirs: [Double]) -> String {
        String(format: "%.2f", median(theirs) / median(ours))
    }
}
