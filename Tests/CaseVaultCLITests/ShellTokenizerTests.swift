@testable import CaseVaultCLI
import XCTest

/// `ShellTokenizer` against a table of lines and the words a POSIX shell makes of them.
final class ShellTokenizerTests: XCTestCase {
    func testWords() throws {
        let table: [(line: String, words: [String])] = [
            ("", []),
            ("   \t ", []),
            ("cases", ["cases"]),
            ("case show  AB12-CD34", ["case", "show", "AB12-CD34"]),
            ("\tfind\t\tMaja \r\n", ["find", "Maja"]),
            ("find 'Ana Marija'", ["find", "Ana Marija"]),
            ("find \"Ana Marija\"", ["find", "Ana Marija"]),
            ("'it''s'", ["its"]),
            (#"'a\b "c"'"#, [#"a\b "c""#]),
            (#""say \"hi\"""#, [#"say "hi""#]),
            (#""a\\b""#, [#"a\b"#]),
            (#""a\nb \$x""#, [#"a\nb \$x"#]),
            (#""it's""#, ["it's"]),
            (#"a\ b"#, ["a b"]),
            (#"\'x \"y"#, ["'x", "\"y"]),
            (#"\\"#, [#"\"#]),
            ("\\#x", ["#x"]),
            ("# a comment", []),
            ("cases   # my open ones", ["cases"]),
            ("cases#not-a-comment", ["cases#not-a-comment"]),
            ("'#' \"#\"", ["#", "#"]),
            ("''#x", ["#x"]),
            ("a '' \"\" b", ["a", "", "", "b"]),
            ("a'b'\"c\"d\\e", ["abcde"]),
            ("find Јелена Петровић", ["find", "Јелена", "Петровић"]),
            ("find 'Šukrija Ćerimović' ǩamlipe", ["find", "Šukrija Ćerimović", "ǩamlipe"]),
            ("note \"Дијана — ćhavo\"", ["note", "Дијана — ćhavo"]),
            ("'e\u{301}' \"\u{301}\" \\\u{301}x", ["e\u{301}", "\u{301}", "\u{301}x"]),
            ("a\u{A0}b", ["a\u{A0}b"]),
            ("*.json $HOME a|b", ["*.json", "$HOME", "a|b"]),
        ]
        for (line, expected) in table {
            XCTAssertEqual(try ShellTokenizer.words(in: line), expected, "line: \(line)")
        }
    }

    func testUnicodeIsUntouched() throws {
        let name = "Аца Ђорђевић Šaban Ǧuli e\u{301}"
        let words = try ShellTokenizer.words(in: "find '\(name)'")
        XCTAssertEqual(words.last.map { Array($0.unicodeScalars) }, Array(name.unicodeScalars))
    }

    func testErrors() {
        let table: [(line: String, error: ShellTokenizerError)] = [
            ("find 'Ana", .unterminatedSingleQuote),
            ("'", .unterminatedSingleQuote),
            ("find \"Ana", .unterminatedDoubleQuote),
            (#"find "Ana\""#, .unterminatedDoubleQuote),
            (#"find "Ana\"#, .unterminatedDoubleQuote),
            (#"find Ana\"#, .trailingBackslash),
            (#"\"#, .trailingBackslash),
        ]
        for (line, expected) in table {
            XCTAssertThrowsError(try ShellTokenizer.words(in: line), "line: \(line)") { error in
                XCTAssertEqual(error as? ShellTokenizerError, expected, "line: \(line)")
                XCTAssertFalse(String(describing: error).contains("Ana"))
            }
        }
    }

    func testErrorCodesAreStable() {
        XCTAssertEqual(ShellTokenizerError.unterminatedSingleQuote.rawValue, "unterminated_single_quote")
        XCTAssertEqual(ShellTokenizerError.unterminatedDoubleQuote.rawValue, "unterminated_double_quote")
        XCTAssertEqual(ShellTokenizerError.trailingBackslash.rawValue, "trailing_backslash")
    }
}
