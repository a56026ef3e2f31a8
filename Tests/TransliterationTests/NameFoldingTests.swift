import Transliteration
import XCTest

final class NameFoldingTests: XCTestCase {
    func testSerbianSpellingsOfOneNameFoldToOneKey() {
        let spellings = ["Ђорђевић", "ЂОРЂЕВИЋ", "Đorđević", "ĐORĐEVIĆ", "Djordjevic", "DJORDJEVIC", "Dordevic", "dorđević"]
        let keys = Set(spellings.map(NameFolding.searchKey))
        XCTAssertEqual(keys, ["dordevic"])
    }

    func testLigaturesSplitAndMatchCyrillic() {
        XCTAssertEqual(NameFolding.searchKey("\u{01C5}ukić"), NameFolding.searchKey("Џукић"))
        XCTAssertEqual(NameFolding.searchKey("\u{01C9}ubica \u{01CB}egoš"), NameFolding.searchKey("Љубица Његош"))
        XCTAssertEqual(NameFolding.searchKey("Љубица Његош"), "ljubica njegos")
    }

    func testDecomposedInputEqualsPrecomposed() {
        let decomposed = "Jovanovic\u{0301}"
        XCTAssertEqual(NameFolding.searchKey(decomposed), NameFolding.searchKey("Jovanović"))
    }

    func testWordsAreSplitOnPunctuationAndDeduplicated() {
        XCTAssertEqual(NameFolding.words("  Ana-Marija  PETROVIĆ, ana "), ["ana", "marija", "petrovic"])
        XCTAssertEqual(NameFolding.words("  -- "), [])
    }

    func testDifferentNamesStayDifferent() {
        XCTAssertNotEqual(NameFolding.searchKey("Petrović"), NameFolding.searchKey("Petrovski"))
        XCTAssertNotEqual(NameFolding.searchKey("Šarić"), NameFolding.searchKey("Sava"))
    }
}

final class SerbianTransliterationTests: XCTestCase {
    func testEveryLetterOfTheAlphabet() {
        let cyrillic = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
        let latin = "A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š".split(separator: " ")
        for (letter, expected) in zip(cyrillic, latin) {
            XCTAssertEqual(SerbianTransliteration.cyrillicToLatin(String(letter)), String(expected), "letter \(letter)")
            XCTAssertEqual(SerbianTransliteration.cyrillicToLatin(String(letter).lowercased()), expected.lowercased())
        }
    }

    func testDigraphCapitalsFollowTheWord() {
        XCTAssertEqual(SerbianTransliteration.cyrillicToLatin("Љубица"), "Ljubica")
        XCTAssertEqual(SerbianTransliteration.cyrillicToLatin("ЉУБИЦА"), "LJUBICA")
        XCTAssertEqual(SerbianTransliteration.cyrillicToLatin("ЏЏ"), "DŽDŽ")
        XCTAssertEqual(SerbianTransliteration.cyrillicToLatin("НАЏ"), "NADŽ")
        XCTAssertEqual(SerbianTransliteration.cyrillicToLatin("Њ"), "Nj")
    }

    func testOutputIsNFCAndOtherTextPassesThrough() {
        let output = SerbianTransliteration.cyrillicToLatin("Ћирић, 21.03.2026.")
        XCTAssertEqual(output, "Ćirić, 21.03.2026.")
        XCTAssertEqual(output.unicodeScalars.count, output.precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }
}
