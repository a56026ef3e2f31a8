import Foundation
import Intake
import VaultCrypto

/// What the targets share, made once: the embedded catalogs and standard form, and fixed keys and
/// dates so that every run of an input behaves the same.
enum FuzzFixtures {
    static let catalogs: [Catalog] = {
        guard let catalogs = try? IntakeResources.catalogs() else { fatalError("embedded catalogs do not load") }
        return catalogs
    }()

    static let form: FormDefinition = {
        guard let form = try? IntakeResources.form(catalogs: catalogs) else { fatalError("embedded form does not load") }
        return form
    }()

    static let localizers: [Localizer] = Language.allCases.map {
        guard let localizer = try? IntakeResources.localizer(for: $0) else { fatalError("embedded catalog does not load") }
        return localizer
    }

    /// 2026-06-15: dates after it are in the future.
    static let today = CalendarDay(year: 2026, month: 6, day: 15)!
    static let todayDate = Date(timeIntervalSince1970: 1_781_481_600)

    /// A fixed X25519 identity (private key 0x01…0x20), the one `Fuzz/corpus/age-file` is encrypted to.
    static let identityKey = SecretBytes((1...32).map { UInt8($0) })
    /// A fixed 16-byte age file key, the one `Fuzz/corpus/age-payload` is sealed under.
    static let fileKey = SecretBytes((0..<16).map { UInt8(0xA0 + $0) })
}
