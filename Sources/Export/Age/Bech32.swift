// Bech32 (BIP-173) as age uses it for recipients and identities. Written here because no package
// in the offline mirror provides it, and it is small: the checksum polymod, the 5-bit regrouping,
// and the case rule (all lower or all upper case, never mixed). age lifts BIP-173's 90-character
// limit (post-quantum keys are longer), so neither does this. Identities pass through here, so
// the working copies are cleansed.

import VaultCrypto

/// Encoding and decoding of Bech32 strings with the BIP-173 checksum.
enum Bech32 {
    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> UInt32(bit)) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum
    }

    private static func expand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    /// Regroups bits; when not padding, leftover bits must be fewer than `from` and all zero.
    private static func convert(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator = 0, bits = 0
        var result: [UInt8] = []
        let mask = (1 << to) - 1
        for value in data {
            accumulator = (accumulator << from) | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> bits) & mask))
            }
            accumulator &= (1 << bits) - 1
        }
        if pad {
            if bits > 0 { result.append(UInt8((accumulator << (to - bits)) & mask)) }
        } else if bits >= from || accumulator != 0 {
            return nil
        }
        return result
    }

    /// The lowercase encoding of `data` under the lowercase human-readable part `hrp`.
    static func encode(hrp: String, data: [UInt8]) -> [UInt8] {
        let hrpBytes = Array(hrp.utf8)
        var values = convert(data, from: 8, to: 5, pad: true) ?? []
        defer { SecretBytes.cleanse(&values) }
        let residue = polymod(expand(hrpBytes) + values + [0, 0, 0, 0, 0, 0]) ^ 1
        let checksum = (0..<6).map { UInt8((residue >> (5 * (5 - UInt32($0)))) & 31) }
        return hrpBytes + [UInt8(ascii: "1")] + (values + checksum).map { charset[Int($0)] }
    }

    /// The human-readable part (as written, in its case) and the data of `text`; nil for a
    /// mixed-case string, a bad character, a bad checksum or bad padding.
    static func decode(_ text: [UInt8]) -> (hrp: [UInt8], data: [UInt8])? {
        guard text.allSatisfy({ $0 >= 33 && $0 <= 126 }) else { return nil }
        let hasLower = text.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        let hasUpper = text.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        guard !(hasLower && hasUpper) else { return nil }
        var lowered = text.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        var values: [UInt8] = []
        defer {
            SecretBytes.cleanse(&lowered)
            SecretBytes.cleanse(&values)
        }
        guard let separator = lowered.lastIndex(of: UInt8(ascii: "1")), separator >= 1, lowered.count - separator - 1 >= 6
        else { return nil }
        for character in lowered[(separator + 1)...] {
            guard let index = charset.firstIndex(of: character) else { return nil }
            values.append(UInt8(index))
        }
        guard polymod(expand(Array(lowered[..<separator])) + values) == 1,
              let data = convert(Array(values.dropLast(6)), from: 5, to: 8, pad: false)
        else { return nil }
        return (Array(text[..<separator]), data)
    }
}
