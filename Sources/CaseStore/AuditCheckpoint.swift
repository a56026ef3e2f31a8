import Foundation
import VaultCrypto

/// A signed statement `(vault id, sequence number, head hash)` of the audit trail, written to a
/// file kept outside the vault. Given back to `audit verify`, it reveals deleted newest entries.
/// Text format (docs/audit.md): five `key: value` lines after a header line.
public struct AuditCheckpoint: Sendable, Equatable {
    static let header = "casevault audit checkpoint v1"

    public var vaultID: [UInt8]
    public var seq: Int64
    public var head: [UInt8]
    public var signature: [UInt8]

    static func signedBytes(vaultID: [UInt8], seq: Int64, head: [UInt8]) -> [UInt8] {
        Array("\(header)\nvault: \(AssociatedData.hex(vaultID))\nseq: \(seq)\nhead: \(AssociatedData.hex(head))\n".utf8)
    }

    static func sign(vaultID: [UInt8], seq: Int64, head: [UInt8], key: Ed25519PrivateKey) throws -> AuditCheckpoint {
        AuditCheckpoint(vaultID: vaultID, seq: seq, head: head,
                        signature: try key.signature(for: signedBytes(vaultID: vaultID, seq: seq, head: head)))
    }

    /// True when the checkpoint names this vault and its signature verifies under `publicKey`.
    func isValid(vaultID: [UInt8], publicKey: [UInt8]?) -> Bool {
        guard let publicKey, ConstantTime.equal(vaultID, self.vaultID) else { return false }
        return Ed25519.isValidSignature(signature, for: Self.signedBytes(vaultID: vaultID, seq: seq, head: head), publicKey: publicKey)
    }

    /// The same head in the short form to keep on paper.
    public var paper: AuditPaperCheckpoint { AuditPaperCheckpoint(seq: seq, head: head) }

    /// The file's text.
    public var text: String {
        String(decoding: Self.signedBytes(vaultID: vaultID, seq: seq, head: head), as: UTF8.self)
            + "signature: \(AssociatedData.hex(signature))\n"
    }

    /// Parses a checkpoint file; nil when it is not one.
    public init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5, lines[0] == Self.header else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.range(of: ": ") else { return nil }
            fields[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
        }
        guard let vault = fields["vault"].flatMap(Self.bytes(hex:)), let seqText = fields["seq"], let seq = Int64(seqText),
              let head = fields["head"].flatMap(Self.bytes(hex:)), let signature = fields["signature"].flatMap(Self.bytes(hex:))
        else { return nil }
        self.init(vaultID: vault, seq: seq, head: head, signature: signature)
    }

    init(vaultID: [UInt8], seq: Int64, head: [UInt8], signature: [UInt8]) {
        self.vaultID = vaultID
        self.seq = seq
        self.head = head
        self.signature = signature
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
