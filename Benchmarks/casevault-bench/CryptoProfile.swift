import CaseStore
import Foundation
import Transliteration
import VaultCrypto

/// A rough split of the per-case CPU work, outside any database: what only the encrypted side does
/// (replicating `CaseSealer` with the public VaultCrypto API: fresh data key, wrapping it,
/// associated data, sealing the document, HMAC name tokens; and unwrap + open on read) next to
/// the work both sides do (canonical JSON encode/decode, name folding). Mean microseconds per case.
struct CryptoProfile: Codable {
    var cases: Int
    var sealMicros: Double
    var openMicros: Double
    var nameTokensMicros: Double
    var jsonEncodeMicros: Double
    var jsonDecodeMicros: Double
    var nameFoldingMicros: Double
    var sealedDocumentBytes: Double

    static func run(documents: [CaseDocument]) throws -> CryptoProfile {
        let wrappingKey = try SecretBytes.random(count: 32)
        let indexKey = try SecretBytes.random(count: 32)
        let vaultID = try SecureRandom.bytes(count: 16)
        let code = "K7Q4-M2XA"
        let n = Double(documents.count)
        let micros = { (seconds: Double) in seconds / n * 1e6 }

        var jsons: [[UInt8]] = []
        let encode = try Measure.time {
            for document in documents {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                jsons.append(Array(try encoder.encode(document)))
            }
        }
        var sealed: [(wrapped: [UInt8], document: [UInt8])] = []
        let seal = try Measure.time {
            for json in jsons {
                let dataKey = try SecretBytes.random(count: 32)
                var raw = dataKey.copyBytes()
                let wrapped = try SealedValue.seal(raw, key: wrappingKey, associatedData: associatedData(
                    "cases.wrapped_key", hex(vaultID), code, "k1"))
                SecretBytes.cleanse(&raw)
                var plaintext = json
                let document = try SealedValue.seal(plaintext, key: dataKey, associatedData: associatedData("cases.document", code, "v1"))
                SecretBytes.cleanse(&plaintext)
                sealed.append((wrapped, document))
            }
        }
        var words: [[String]] = []
        let fold = Measure.time { for document in documents { words.append(NameFolding.words(document.survivor.name)) } }
        let tokens = try Measure.time {
            for list in words {
                for word in list { _ = try HMACSHA256.authenticationCode(for: Array(word.utf8), key: indexKey).prefix(8) }
            }
        }
        var opened: [[UInt8]] = []
        let open = try Measure.time {
            for item in sealed {
                var raw = try SealedValue.open(item.wrapped, key: wrappingKey, associatedData: associatedData(
                    "cases.wrapped_key", hex(vaultID), code, "k1"))
                let dataKey = SecretBytes(raw)
                SecretBytes.cleanse(&raw)
                opened.append(try SealedValue.open(item.document, key: dataKey, associatedData: associatedData("cases.document", code, "v1")))
            }
        }
        let decode = try Measure.time {
            for bytes in opened { _ = try JSONDecoder().decode(CaseDocument.self, from: Data(bytes)) }
        }
        return CryptoProfile(cases: documents.count, sealMicros: micros(seal), openMicros: micros(open), nameTokensMicros: micros(tokens),
                             jsonEncodeMicros: micros(encode), jsonDecodeMicros: micros(decode), nameFoldingMicros: micros(fold),
                             sealedDocumentBytes: Double(sealed.reduce(0) { $0 + $1.document.count }) / n)
    }

    /// As `AssociatedData.hex`.
    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { let digits = String($0, radix: 16); return digits.count == 1 ? "0" + digits : digits }.joined()
    }

    /// The shape of `AssociatedData.make`.
    private static func associatedData(_ field: String, _ parts: String...) -> [UInt8] {
        var bytes = Array("casevault/v1".utf8)
        for part in [field] + parts {
            bytes.append(0)
            bytes += Array(part.utf8)
        }
        return bytes
    }
}
