import Foundation
import VaultCrypto

/// A checkpoint short enough to copy onto paper or into a message: the sequence number of the
/// trail's head and the first 16 bytes of its hash, as `casevault <seq> XXXX-XXXX-…` (8 groups of
/// 4 hex digits). Unlike `AuditCheckpoint` it carries no signature: it is trusted because it was
/// kept outside the vault, which is also the only way to notice that the whole file was rolled
/// back or that the newest entries were deleted.
public struct AuditPaperCheckpoint: Sendable, Equatable {
    static let prefix = "casevault"
    static let headBytes = 16

    public var seq: Int64
    public var headPrefix: [UInt8]

    init(seq: Int64, head: [UInt8]) {
        self.seq = seq
        headPrefix = Array(head.prefix(Self.headBytes))
    }

    /// The text to write down.
    public var text: String {
        let hex = AssociatedData.hex(headPrefix).uppercased()
        let groups = stride(from: 0, to: hex.count, by: 4).map { start -> String in
            let from = hex.index(hex.startIndex, offsetBy: start)
            return String(hex[from..<hex.index(from, offsetBy: 4)])
        }
        return "\(Self.prefix) \(seq) \(groups.joined(separator: "-"))"
    }

    /// Reads the text back as a person may have typed it: any case, with or without the leading
    /// word, groups separated by dashes or spaces. Nil when it is not a paper checkpoint.
    public init?(text: String) {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        if words.first?.lowercased() == Self.prefix { words.removeFirst() }
        guard words.count >= 2, let seq = Int64(words[0]), seq > 0 else { return nil }
        let digits = words.dropFirst().joined().replacingOccurrences(of: "-", with: "").lowercased()
        guard digits.count == Self.headBytes * 2, let head = AuditCheckpoint.bytes(hex: digits) else { return nil }
        self.seq = seq
        headPrefix = head
    }

    /// Whether `hash` (the full hash of entry `seq`) is the one written down.
    func matches(_ hash: [UInt8]) -> Bool {
        ConstantTime.equal(Array(hash.prefix(Self.headBytes)), headPrefix)
    }
}
