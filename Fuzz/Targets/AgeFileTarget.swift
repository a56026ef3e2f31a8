@_spi(Fuzzing) import Export
import Foundation
import VaultCrypto

/// An age file a partner sends (`IncomingAgeFile`: binary, or armored and decoded first), opened
/// with a fixed X25519 identity; header parsing, stanza unwrapping, the MAC and the payload.
/// Properties: armor that decodes encodes to text that decodes the same, and a header that parses
/// is canonical: written out again it parses to the same stanzas.
enum AgeFileTarget {
    static let identity: AgeIdentity = {
        guard let identity = try? AgeIdentity(privateKey: FuzzFixtures.identityKey) else { fatalError("fixed identity") }
        return identity
    }()
    private static let armorBegin = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)

    static let target = FuzzTarget(name: "age-file") { data in
        var file = Array(data)
        if file.starts(with: armorBegin) {
            guard let decoded = try? AgeArmor.decode(file) else { return }
            FuzzCheck.require((try? AgeArmor.decode(AgeArmor.encode(decoded))) == decoded, "armor round-trips")
            file = decoded
        }
        if let header = try? AgeFuzzing.header(file), let written = try? AgeFuzzing.encodeHeader(header.stanzas, fileKey: FuzzFixtures.fileKey) {
            FuzzCheck.require((try? AgeFuzzing.header(written))?.stanzas == header.stanzas, "a parsed header is canonical")
        }
        _ = try? AgeDecryptor.decrypt(file, with: .identities([identity]))
    }
}
