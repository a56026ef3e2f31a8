import Access
import Export
import Foundation

/// A file (binary or armored) a partner encrypted with `age` to this user's own key (`casevault pubkey --age`, her
/// certified exchange key): opened in memory, never written out in plaintext. Anything that is
/// not an age file is returned as it is.
enum IncomingAgeFile {
    /// The first line of every binary age v1 file.
    private static let magic = Array("age-encryption.org/v1\n".utf8)
    /// The first line of an armored one (`age -a`).
    private static let armorBegin = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)

    static func plaintext(of data: Data, session: AccessSession) throws -> Data {
        let file: [UInt8]
        if data.starts(with: magic) {
            file = Array(data)
        } else if data.starts(with: armorBegin) {
            file = try AgeArmor.decode(Array(data))
        } else {
            return data
        }
        let identity = try AgeIdentity(privateKey: session.ageIdentity().privateKey)
        return Data(try AgeDecryptor.decrypt(file, with: .identities([identity])))
    }
}
