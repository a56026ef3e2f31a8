import VaultCrypto

/// Turns the bytes a terminal sends into `Key`s, one byte at a time, so a key split across
/// reads still decodes. Multi-byte UTF-8 becomes one `.character`; invalid UTF-8, control
/// characters and unknown escape sequences are dropped. A CR followed directly by LF is one
/// Enter. Bytes of a character being assembled are zeroed once it is decoded, because
/// passphrases pass through here too.
///
/// Between ESC [200~ and ESC [201~ (bracketed paste) the bytes are pasted text: a line break
/// is `.lineBreak`, never `.enter`; a tab is kept; editing keys, other escape sequences and
/// control characters are dropped, except Ctrl-C, so a paste can still be cancelled.
struct KeyDecoder {
    private enum State {
        case ground
        case escape
        case controlSequence
        case singleShift
        case utf8(length: Int)
    }

    private static let maximumParameterBytes = 16

    private var state = State.ground
    private var pending: [UInt8] = []
    private var lastWasCarriageReturn = false
    /// Whether the bytes are inside a bracketed paste.
    private(set) var isInPaste = false

    /// Ends a paste whose closing ESC [201~ never came (the editor calls it when the input
    /// has gone quiet in the middle of a paste), so Enter is Enter again.
    mutating func abandonPaste() {
        isInPaste = false
    }

    /// The key completed by `byte`, or nil while a sequence is incomplete or was dropped.
    mutating func feed(_ byte: UInt8) -> Key? {
        let afterCarriageReturn = lastWasCarriageReturn
        lastWasCarriageReturn = false
        switch state {
        case .ground:
            if afterCarriageReturn && byte == 0x0A { return nil }
            return plain(byte)
        case .escape:
            switch byte {
            case UInt8(ascii: "["):
                state = .controlSequence
                return nil
            case UInt8(ascii: "O"):
                state = .singleShift
                return nil
            default:
                state = .ground
                return plain(byte)
            }
        case .singleShift:
            state = .ground
            return isInPaste ? nil : Self.finalKey(byte)
        case .controlSequence:
            return controlSequence(byte)
        case .utf8(let length):
            guard byte & 0xC0 == 0x80 else {
                clearPending()
                state = .ground
                return plain(byte)
            }
            pending.append(byte)
            guard pending.count == length else { return nil }
            state = .ground
            defer { clearPending() }
            return decodedCharacter()
        }
    }

    /// A byte outside an escape sequence, typed or pasted.
    private mutating func plain(_ byte: UInt8) -> Key? {
        isInPaste ? pasted(byte) : ground(byte)
    }

    /// A byte of pasted text outside an escape sequence.
    private mutating func pasted(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x0D:
            lastWasCarriageReturn = true
            return .lineBreak
        case 0x0A: return .lineBreak
        case 0x09: return .character("\t")
        case 0x03, 0x1B, 0x20...0x7E, 0xC2...0xF4: return ground(byte)
        default: return nil
        }
    }

    private mutating func ground(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x01: return .home
        case 0x03: return .interrupt
        case 0x04: return .endOfFile
        case 0x05: return .end
        case 0x08, 0x7F: return .backspace
        case 0x0A: return .enter
        case 0x0B: return .killToEnd
        case 0x0C: return .clearScreen
        case 0x0D:
            lastWasCarriageReturn = true
            return .enter
        case 0x15: return .killToStart
        case 0x17: return .deleteWordBack
        case 0x1B:
            state = .escape
            return nil
        case 0x20...0x7E:
            return .character(Character(Unicode.Scalar(byte)))
        case 0xC2...0xDF:
            startCharacter(byte, length: 2)
        case 0xE0...0xEF:
            startCharacter(byte, length: 3)
        case 0xF0...0xF4:
            startCharacter(byte, length: 4)
        default:
            break
        }
        return nil
    }

    private mutating func startCharacter(_ lead: UInt8, length: Int) {
        pending.append(lead)
        state = .utf8(length: length)
    }

    private mutating func controlSequence(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x20...0x3F:
            if pending.count < Self.maximumParameterBytes { pending.append(byte) }
            return nil
        case 0x40...0x7E:
            state = .ground
            defer { clearPending() }
            guard byte == UInt8(ascii: "~") else { return isInPaste ? nil : Self.finalKey(byte) }
            let parameter = String(decoding: pending.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self)
            switch parameter {
            case "200":
                isInPaste = true
                return .pasteStart
            case "201":
                guard isInPaste else { return nil }
                isInPaste = false
                return .pasteEnd
            case _ where isInPaste: return nil
            case "3": return .delete
            case "1", "7": return .home
            case "4", "8": return .end
            default: return nil
            }
        default:
            state = .ground
            clearPending()
            return plain(byte)
        }
    }

    /// The key named by the final byte of `ESC [ ... X` or `ESC O X`.
    private static func finalKey(_ byte: UInt8) -> Key? {
        switch byte {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }

    /// The character in `pending` (a lead byte and its continuation bytes), or nil when the
    /// encoding is overlong, a surrogate, out of range or a control character.
    private func decodedCharacter() -> Key? {
        guard let lead = pending.first else { return nil }
        let leadBits: [UInt32] = [0, 0, 0x1F, 0x0F, 0x07]
        let minimum: [UInt32] = [0, 0, 0x80, 0x800, 0x10000]
        var value = UInt32(lead) & leadBits[pending.count]
        for byte in pending.dropFirst() {
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum[pending.count], let scalar = Unicode.Scalar(value),
              scalar.properties.generalCategory != .control else { return nil }
        return .character(Character(scalar))
    }

    private mutating func clearPending() {
        SecretBytes.cleanse(&pending)
        pending.removeAll(keepingCapacity: true)
    }
}
