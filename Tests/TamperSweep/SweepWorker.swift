import Access
import CaseStore
import Foundation

/// One worker process: computes the reference on the untouched vault, then for each position
/// copies the file to `directory`, flips that byte with its mask, runs every operation and
/// prints one line, `POSITION MASK OP=OUTCOME ...`, written at once so that the coordinator
/// knows which position a crash or a hang happened at.
enum SweepWorker {
    static func run(vault path: String, seed: UInt64, directory: String, positions: [Int]) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let copy = (directory as NSString).appendingPathComponent("flipped.casevault")
        try write(original, to: copy)
        let first = SweepOperations.run(path: copy, known: nil)
        var reference: [String: String] = [:]
        for name in SweepOperations.names {
            guard case .value(let value) = first[name] else {
                throw SweepFailure("the untouched vault fails \(name): \(String(describing: first[name]))")
            }
            reference[name] = value
        }
        guard case .value(let exported) = first["export"], exported.hasSuffix("signature true") else {
            throw SweepFailure("the untouched vault's export does not verify")
        }
        let known = try knownFacts(copy: copy, original: original)
        for position in positions {
            let mask = Mask.at(position, seed: seed)
            var bytes = original
            bytes[position] ^= mask
            try write(bytes, to: copy)
            let results = SweepOperations.run(path: copy, known: known)
            var line = "\(position) \(mask)"
            for name in SweepOperations.names {
                let outcome = Outcome.classify(name, results[name]!, reference: reference[name]!)
                if case .wrong = outcome, explain { explainWrong(name, results[name]!, reference: reference[name]!) }
                line += " \(name)=\(outcome.text)"
            }
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        remove(copy)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The untouched vault's case codes and export key, read on a fresh copy.
    private static func knownFacts(copy: String, original: [UInt8]) throws -> SweepOperations.Known {
        try write(original, to: copy)
        let vault = try Vault(path: copy, options: SweepVault.options)
        let session = AccessSession(try vault.unlock(user: SweepVault.caseworker, passphrase: SweepVault.passphrase(SweepVault.caseworker)))
        return .init(codes: try session.listCases().compactMap { CaseCode($0.code) }, exportKey: try session.exportSigningPublicKey())
    }

    /// With CASEVAULT_SWEEP_EXPLAIN set, a WRONG outcome's lines that differ go to stderr (the
    /// sweep's vault holds invented cases only).
    static let explain = ProcessInfo.processInfo.environment["CASEVAULT_SWEEP_EXPLAIN"] != nil

    static func explainWrong(_ name: String, _ result: SweepOperations.Result, reference: String) {
        guard case .value(let value) = result else { return }
        let got = value.split(separator: "\n"), expected = reference.split(separator: "\n")
        var text = "\(name): \(got.count) lines, reference \(expected.count)\n"
        for (index, line) in got.enumerated() where index >= expected.count || expected[index] != line {
            text += "  got      \(line)\n  expected \(index < expected.count ? expected[index] : "-")\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        remove(path)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// The byte each position is XORed with: a non-zero value drawn from the seed and the position
/// (SplitMix64), so a run is repeatable and different bits are flipped at different positions.
enum Mask {
    static func at(_ position: Int, seed: UInt64) -> UInt8 {
        var z = seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return UInt8(1 + z % 255)
    }
}
