@testable import Transliteration
import XCTest

/// The fast path must fold exactly as the general pipeline does, on every input it accepts.
final class NameFoldingFastPathTests: XCTestCase {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-.'^`"
        + "čćžšđČĆŽŠĐ" + "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ" + "djDJдјДЈđĐ")

    func testRandomNamesFoldAsTheGeneralPipelineDoes() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            let fast = try XCTUnwrap(NameFoldingFastPath.words(text), text)
            XCTAssertEqual(fast, NameFolding.generalWords(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testEdgeCasesOfTheDjMerge() throws {
        for text in ["djj", "ddj", "dJ", "Đj", "ђј", "d^j", "d`j", "d j", "dj-dj", "Ана-Марија ĐORĐEVIĆ, ana", "", "  -- ", "Dž Џ dz"] {
            XCTAssertEqual(try XCTUnwrap(NameFoldingFastPath.words(text)), NameFolding.generalWords(text), text)
        }
    }

    func testOtherInputTakesTheGeneralPipeline() {
        for text in ["Jovanovic\u{0301}", "\u{01C5}ukić", "Zoë", "İnci", "Ana_Marija", "Ана\u{00A0}Ана", "مريم"] {
            XCTAssertNil(NameFoldingFastPath.words(text), text)
            XCTAssertEqual(NameFolding.words(text), NameFolding.generalWords(text), text)
        }
    }
}
