import CaseStore
import Foundation
import TestSupport
import Transliteration
import XCTest

/// SECURITY.md claim: nothing that identifies a survivor is written to the vault file, its WAL,
/// its shared-memory file or journals, nor to a backup, in any script or letter case.
final class PlaintextLeakTests: XCTestCase {
    func testNoSurvivorStringInAnyFileOfTheVaultDirectory() throws {
        var vault: TemporaryVault? = try TemporaryVault()
        let directory = try XCTUnwrap(vault?.directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        var worker: UnlockedVault? = try vault?.user("vesna", .caseworker)
        let documents = try Fixtures.distinctiveCases()
        let codes = try XCTUnwrap(worker?.createCases(documents))
        var changed = documents[1]
        changed.incident.narrative = "Drugi put: Ruždija je videla modrice na podlaktici."
        try worker?.updateCase(codes[1], document: changed)
        _ = try worker?.readCase(codes[0])
        XCTAssertEqual(try worker?.findCases(name: "zivana djurdjevic").map(\.code), [codes[0].rawValue])
        try vault?.admin.backup(to: directory.appendingPathComponent("backup.casevault").path)

        let needles = Self.needles(for: documents + [changed])
        XCTAssertGreaterThan(needles.count, 40)
        let walExists = FileManager.default.fileExists(atPath: try XCTUnwrap(vault?.path) + "-wal")
        XCTAssertTrue(walExists, "the scan should also cover a live WAL file")
        try Self.assertNoNeedle(needles, in: directory)

        worker = nil
        vault = nil
    }

    /// Every string of the documents in the forms a search for them could take.
    static func needles(for documents: [CaseDocument]) -> Set<String> {
        var values: [String] = []
        for document in documents {
            let survivor = document.survivor
            values += [survivor.name, survivor.phone, survivor.municipality, document.incident.narrative].compactMap { $0 }
            if let phone = survivor.phone { values.append(phone.filter(\.isNumber)) }
        }
        return SurvivorStringForms.needles(for: values)
    }

    static func assertNoNeedle(_ needles: Set<String>, in directory: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        XCTAssertGreaterThanOrEqual(files.count, 2, file: file, line: line)
        for url in files {
            let contents = try Data(contentsOf: url)
            for needle in needles {
                XCTAssertNil(contents.range(of: Data(needle.utf8)), "\(url.lastPathComponent) contains a survivor string",
                             file: file, line: line)
                if let utf16 = needle.data(using: .utf16LittleEndian), utf16.count >= 8 {
                    XCTAssertNil(contents.range(of: utf16), "\(url.lastPathComponent) contains a survivor string (UTF-16)",
                                 file: file, line: line)
                }
            }
        }
    }

    func testErasedCaseLeavesNoCiphertextBehind() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Erased Person", narrative: String(repeating: "erase me ", count: 50)))
        let kept = try worker.createCase(sampleDocument("Kept Person"))
        try worker.updateCase(code, document: sampleDocument("Erased Person", narrative: "second version"))
        let sealed = try RawVault(vault.path).blobs(code: code)
        XCTAssertEqual(sealed.count, 3, "wrapped key, current and earlier document")
        try worker.eraseCase(code, reason: "survivor asked")
        for blob in sealed {
            for url in try FileManager.default.contentsOfDirectory(at: vault.directory, includingPropertiesForKeys: nil) {
                XCTAssertNil(try Data(contentsOf: url).range(of: blob.prefix(24)), "\(url.lastPathComponent) still holds erased ciphertext")
            }
        }

        XCTAssertThrows(.caseErased(code.rawValue)) { _ = try worker.readCase(code) }
        XCTAssertThrows(.caseErased(code.rawValue)) { _ = try worker.history(code) }
        XCTAssertEqual(try worker.findCases(name: "Erased Person"), [])
        XCTAssertEqual(try worker.listCases().map(\.code), [kept.rawValue])
        XCTAssertEqual(try worker.status().erasedCases, 1)
        XCTAssertEqual(try worker.readCase(kept).document.survivor.name, "Kept Person")
    }
}
