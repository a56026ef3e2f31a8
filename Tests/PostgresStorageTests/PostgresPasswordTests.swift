import Foundation
import PostgresStorage
import XCTest

/// Where the database password comes from: the environment or an owner-only file, never both.
final class PostgresPasswordTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func file(_ text: String, mode: Int) throws -> String {
        let path = directory.appendingPathComponent("password").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func testNoSourceGivesNoPassword() throws {
        XCTAssertNil(try PostgresPassword.fromEnvironment(["HOME": "/root"]))
    }

    func testTheVariableIsTakenAsItIs() throws {
        XCTAssertEqual(try PostgresPassword.fromEnvironment([PostgresPassword.variable: " s3cret\n"]), " s3cret\n")
    }

    func testAnOwnerOnlyFileLosesOneLineEnd() throws {
        XCTAssertEqual(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: try file("s3cret\n", mode: 0o600)]), "s3cret")
        XCTAssertEqual(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: try file("s3cret\r\n", mode: 0o400)]), "s3cret")
        XCTAssertEqual(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: try file("s3cret\n\n", mode: 0o600)]), "s3cret\n")
        XCTAssertEqual(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: try file("s3cret", mode: 0o600)]), "s3cret")
    }

    func testAFileOthersMayReadIsRefused() throws {
        for mode in [0o640, 0o604, 0o644] {
            let path = try file("s3cret\n", mode: mode)
            XCTAssertThrowsError(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: path])) {
                XCTAssertEqual($0 as? PostgresLocationError, .passwordFileExposed(path))
            }
        }
    }

    func testAMissingFileOrADirectoryIsRefused() throws {
        for path in [directory.appendingPathComponent("absent").path, directory.path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
            XCTAssertThrowsError(try PostgresPassword.fromEnvironment([PostgresPassword.fileVariable: path])) {
                XCTAssertEqual($0 as? PostgresLocationError, .passwordFileUnreadable(path))
            }
        }
    }

    func testTwoSourcesAreRefused() throws {
        let path = try file("s3cret\n", mode: 0o600)
        XCTAssertThrowsError(try PostgresPassword.fromEnvironment([PostgresPassword.variable: "x", PostgresPassword.fileVariable: path])) {
            XCTAssertEqual($0 as? PostgresLocationError, .conflictingPasswordSources)
        }
    }
}
