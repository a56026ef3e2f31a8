@testable import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import VaultCrypto
import XCTest

/// SECURITY.md claim: the database server holds no survivor data and no key that opens a case.
/// A working day on a server vault, then `pg_dump` of its database searched for every survivor
/// string in every form and for every key, raw and as the hex `pg_dump` writes bytea in.
final class PostgresLeakTests: XCTestCase {
    static let documents = [
        CaseDocument(survivor: .init(name: "Радмила Стојковић", phone: "+381 37 441 902", sex: .female, municipality: "Брус"),
                     incident: .init(date: "2026-10-02", narrative: "Претио јој је секиром у дворишту.", type: .psychologicalAbuse),
                     consent: .init(statistics: true)),
        CaseDocument(survivor: .init(name: "Elvira Bajrami", phone: "064 555 1234", sex: .female, municipality: "Kruševac"),
                     incident: .init(date: "2026-09-14", narrative: "Zaključao ju je u podrum preko vikenda.", type: .physicalAssault),
                     consent: .init(statistics: true)),
        CaseDocument(survivor: .init(name: "Snežana Obradović", sex: .female),
                     incident: .init(date: "2026-08-01", narrative: "Oduzeo joj je pasoš i novac.", type: .denialOfResources),
                     consent: .init(statistics: false)),
    ]
    static let noteText = "Javila se iz sigurne kuće u Aleksandrovcu."
    static let draftText = "Nedovršeni razgovor: Mirjana Vasiljević, Ćićevac"

    func testADumpAfterAWorkingDayHoldsNoSurvivorStringAndNoKey() throws {
        let vault = try ServerVault(self)
        let (admin, worker, storage, database) = (vault.admin, vault.worker, vault.storage, vault.database)
        let codes = try worker.createCases(Self.documents)
        try worker.amendCase(codes[0], action: .caseNote) { $0.work = CaseWork(notes: [CaseNote(at: "2026-12-06T10:00Z", author: "maja", text: Self.noteText)]) }
        try worker.saveIntakeDraft(Array(Self.draftText.utf8))
        try worker.eraseCase(codes[2], reason: "survivor asked")

        let dump = try database.pgDump()
        XCTAssertNotNil(dump.range(of: Data(codes[0].rawValue.utf8)), "the dump holds the vault (its case codes)")
        var values = [Self.noteText, Self.draftText]
        for document in Self.documents {
            values += [document.survivor.name, document.survivor.phone, document.survivor.municipality, document.incident.narrative].compactMap { $0 }
            if let phone = document.survivor.phone { values.append(phone.filter(\.isNumber)) }
        }
        XCTAssertEqual(SurvivorStringForms.found(SurvivorStringForms.needles(for: values), in: dump), [])

        var keys = try [KeyPurpose.root, .caseWrapping, .nameIndex, .audit, .statistics].map { try admin.keys.key($0).copyBytes() }
        for code in codes.prefix(2) {
            let row = try XCTUnwrap(storage.caseRow(code: code.rawValue))
            keys.append(try worker.sealer.dataKey(for: row, code: code).copyBytes())
        }
        for key in keys {
            XCTAssertNil(dump.range(of: Data(key)), "a raw key in the dump")
            XCTAssertNil(dump.range(of: Data(key.map { String(format: "%02x", $0) }.joined().utf8)), "a key as bytea hex in the dump")
        }
    }
}
