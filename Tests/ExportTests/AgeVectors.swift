import Export
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// One C2SP CCTV age vector (Fixtures/age, format in README-upstream.md): its header lines and
/// the age file after the blank line, inflated when the vector says `compressed: zlib`.
struct AgeVector {
    let name: String
    let expect: String
    let payloadHash: String?
    let identities: [String]
    let passphrases: [String]
    let armored: Bool
    let file: [UInt8]

    var isHybrid: Bool { name.contains("hybrid") }

    /// Every vector file of the folder (not the license or the notes).
    static func all() throws -> [AgeVector] {
        let directory = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/age", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0 != "LICENSE" && !$0.hasSuffix(".md") }.sorted()
        return try names.map { try AgeVector(name: $0, contents: Array(Data(contentsOf: directory.appendingPathComponent($0)))) }
    }

    init(name: String, contents: [UInt8]) throws {
        self.name = name
        var fields: [(String, String)] = []
        var position = 0
        while true {
            let end = try XCTUnwrap(contents[position...].firstIndex(of: 0x0a), "\(name): header not ended")
            defer { position = end + 1 }
            if end == position { break }
            let line = String(decoding: contents[position..<end], as: UTF8.self)
            let parts = line.split(separator: ":", maxSplits: 1)
            XCTAssertEqual(parts.count, 2, "\(name): \(line)")
            fields.append((String(parts[0]), String(parts[1].dropFirst())))
        }
        func values(_ key: String) -> [String] { fields.filter { $0.0 == key }.map(\.1) }
        expect = try XCTUnwrap(values("expect").first, name)
        payloadHash = values("payload").first
        identities = values("identity")
        passphrases = values("passphrase")
        armored = values("armored").first == "yes"
        let body = Array(contents[position...])
        switch values("compressed").first {
        case nil: file = body
        case "zlib": file = try Self.inflate(body)
        case let other?: throw UnknownCompression(vector: name, compression: other)
        }
    }

    /// zlib inflation through Python's zlib module (Foundation on Linux has none).
    private static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        let python = try ExternalTool.run(
            "python3", ["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"],
            input: Data(data))
        XCTAssertEqual(python.status, 0, python.errorText)
        return Array(python.output)
    }
}

/// What decrypting a vector gave: the outcome named as in the vectors, and the SHA-256 (hex) of
/// all plaintext released before it.
struct AgeVectorResult: Equatable {
    let outcome: String
    let releasedHash: String

    static func outcome(of error: Error) -> String {
        switch error as? AgeError {
        case .noMatch: "no match"
        case .hmacFailure: "HMAC failure"
        case .headerFailure: "header failure"
        case .payloadFailure: "payload failure"
        case .armorFailure: "armor failure"
        default: "unexpected \(error)"
        }
    }

    /// Decrypts `vector` as an application would: armor first if it says so, then every identity,
    /// then each passphrase in turn; the first outcome other than "no match" wins.
    static func run(_ vector: AgeVector) throws -> AgeVectorResult {
        var released: [UInt8] = []
        let file: [UInt8]
        do {
            file = vector.armored ? try AgeArmor.decode(vector.file) : vector.file
        } catch {
            return AgeVectorResult(outcome: outcome(of: error), releasedHash: try hex(SHA256.hash([])))
        }
        var credentials: [AgeDecryptor.Credential] = [.identities(try vector.identities.map {
            try AgeIdentity(parsing: SecretBytes(Array($0.utf8)))
        })]
        credentials += vector.passphrases.map { .passphrase(SecretBytes(Array($0.utf8))) }
        var result = "no match"
        for credential in credentials {
            do {
                try AgeDecryptor.decrypt(file, with: credential) { released += $0 }
                result = "success"
            } catch AgeError.noMatch {
                continue
            } catch {
                result = outcome(of: error)
            }
            break
        }
        return AgeVectorResult(outcome: result, releasedHash: try hex(SHA256.hash(released)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}

/// A vector compressed in a way this loader cannot read: the vector test fails (never skips).
struct UnknownCompression: Error {
    let vector: String
    let compression: String
}
