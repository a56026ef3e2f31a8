import CaseStore

/// The baseline's copy of CaseStore's `CaseFactsCodec` (internal there): the same byte layout —
/// `1 ‖ kind`, report and incident months (4 bytes LE each), a byte per `FactField`, two per
/// `FactSet`, the perpetrators and referrals, zero-padded to 128-byte blocks — and the same
/// checks on decode, so the plaintext baseline stores and reads exactly the bytes the vault seals.
/// Keep it in step with `Sources/CaseStore/Facts/CaseFactsCodec.swift`; the statistics benchmark
/// refuses to report when the two sides' facts or released tables differ.
enum PlainFactsCodec {
    static let version: UInt8 = 1
    static let block = 128
    static let noConsent: UInt8 = 0
    static let consented: UInt8 = 1

    static func encode(_ facts: CaseFacts?) -> [UInt8] {
        var bytes: [UInt8] = [version, facts == nil ? noConsent : consented]
        if let facts {
            append32(&bytes, facts.reportMonth.index)
            append32(&bytes, facts.incidentMonth?.index ?? 0)
            bytes += facts.fields
            for set in facts.sets { append16(&bytes, Int(set)) }
            bytes.append(UInt8(min(facts.perpetrators.count, 255)))
            for perpetrator in facts.perpetrators.prefix(255) { bytes += perpetrator.values }
            append16(&bytes, min(facts.referrals.count, 0xFFFF))
            for referral in facts.referrals.prefix(0xFFFF) {
                bytes += referral.values
                append16(&bytes, referral.daysFromReport.map { min($0, 0xFFFE) } ?? 0xFFFF)
            }
        }
        let padded = (bytes.count + block - 1) / block * block
        return bytes + [UInt8](repeating: 0, count: padded - bytes.count)
    }

    /// `.some(nil)` for a case without consent, nil for bytes that are not a facts record.
    static func decode(_ bytes: [UInt8]) -> CaseFacts?? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version, let kind = reader.byte() else { return nil }
        if kind == noConsent { return .some(nil) }
        guard kind == consented, let report = reader.int32(), let incident = reader.int32(), report > 0 else { return nil }
        var fields: [UInt8] = []
        for field in FactField.allCases {
            guard let value = reader.byte(), Int(value) < field.categories.count else { return nil }
            fields.append(value)
        }
        var sets: [UInt16] = []
        for set in FactSet.allCases {
            guard let value = reader.int16(), value >> set.categories.count == 0 else { return nil }
            sets.append(UInt16(value))
        }
        guard let perpetratorCount = reader.byte() else { return nil }
        var perpetrators: [CaseFacts.Perpetrator] = []
        for _ in 0..<Int(perpetratorCount) {
            guard let values = reader.values(PerpetratorField.allCases.map(\.categories.count)) else { return nil }
            perpetrators.append(.init(values: values))
        }
        guard let referralCount = reader.int16() else { return nil }
        var referrals: [CaseFacts.ReferralFact] = []
        for _ in 0..<referralCount {
            guard let values = reader.values(ReferralField.allCases.map(\.categories.count)), let days = reader.int16() else { return nil }
            referrals.append(.init(values: values, daysFromReport: days == 0xFFFF ? nil : days))
        }
        guard reader.restIsZero else { return nil }
        return .some(CaseFacts(reportMonth: FactMonth(index: report), incidentMonth: incident == 0 ? nil : FactMonth(index: incident),
                               fields: fields, sets: sets, perpetrators: perpetrators, referrals: referrals))
    }

    private static func append32(_ bytes: inout [UInt8], _ value: Int) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    private static func append16(_ bytes: inout [UInt8], _ value: Int) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func int16() -> Int? {
            guard let low = byte(), let high = byte() else { return nil }
            return Int(low) | Int(high) << 8
        }

        mutating func int32() -> Int? {
            guard let low = int16(), let high = int16() else { return nil }
            return low | high << 16
        }

        mutating func values(_ limits: [Int]) -> [UInt8]? {
            var values: [UInt8] = []
            for limit in limits {
                guard let value = byte(), Int(value) < limit else { return nil }
                values.append(value)
            }
            return values
        }

        var restIsZero: Bool { bytes[min(offset, bytes.count)...].allSatisfy { $0 == 0 } && bytes.count % PlainFactsCodec.block == 0 }
    }
}
