import Foundation
import TestSupport
import XCTest

/// The test harness's own child processes: they must end, report how, and never reach the
/// terminal of whoever runs the tests, or a CI run can hang until its time limit.
final class ChildProcessTests: XCTestCase {
    private let shell = "/bin/sh"
    private let environment = ["PATH": "/usr/bin:/bin"]

    func testOutputErrorsAndExitStatusAreCollected() throws {
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "cat; echo problem >&2; exit 3"],
                                         environment: environment, input: Data("typed\n".utf8))
        XCTAssertEqual(child.wait(), .exited(3))
        XCTAssertEqual(child.outputText, "typed\n")
        XCTAssertEqual(child.errorText, "problem\n")
    }

    func testLargeInputAndOutputDoNotDeadlock() throws {
        let megabyte = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "cat; cat /dev/null >&2"],
                                         environment: environment, input: megabyte, timeout: 60)
        XCTAssertEqual(child.wait(), .exited(0))
        XCTAssertEqual(child.output, megabyte)
    }

    func testAChildStillRunningAtItsDeadlineIsKilled() throws {
        let start = Date()
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "sleep 60"], environment: environment, timeout: 0.5)
        XCTAssertEqual(child.wait(), .timedOut)
        XCTAssertEqual(child.status, -1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the deadline did not stop the child")
        XCTAssertEqual(kill(child.pid, 0), -1, "the child was not reaped")
    }

    func testASignalIsReportedAsSuch() throws {
        let child = try ChildProcess(executable: shell, arguments: ["-c", "echo ready; sleep 60"], environment: environment)
        child.send(signal: SIGKILL)
        XCTAssertEqual(child.wait(), .signalled(SIGKILL))
    }

    func testStdinIsEmptyUnlessAPipeIsAsked() throws {
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "cat; echo end"], environment: environment, timeout: 30)
        XCTAssertEqual(child.wait(), .exited(0))
        XCTAssertEqual(child.outputText, "end\n")
    }

    func testTheChildHasNoControllingTerminalAndOnlyItsOwnDescriptors() throws {
        let child = try ChildProcess.run(
            executable: shell, arguments: ["-c", "if (exec 3</dev/tty) 2>/dev/null; then echo terminal; else echo none; fi; ls /proc/self/fd | wc -l"],
            environment: environment, timeout: 30)
        let lines = child.outputText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.first, "none", child.errorText)
        // 0, 1, 2 and the descriptor `ls` opens to list the directory.
        XCTAssertEqual(lines.last, "4")
    }

    func testAMissingProgramIsAnErrorNotAChild() {
        XCTAssertThrowsError(try ChildProcess(executable: "/nonexistent/casevault", arguments: [], environment: [:])) { error in
            XCTAssertEqual(error as? ChildProcessError, .couldNotStart(executable: "/nonexistent/casevault", errno: ENOENT))
        }
    }

    func testTheTestProcessHasLeftTheTerminal() {
        TestProcessIsolation.apply()
        XCTAssertEqual(open("/dev/tty", O_RDONLY | O_NOCTTY), -1, "the tests can still reach a terminal")
        var byte: UInt8 = 0
        XCTAssertEqual(read(STDIN_FILENO, &byte, 1), 0, "stdin is not at its end")
    }

    func testWritingToAChildThatEndedIsAnError() throws {
        let child = try ChildProcess(executable: shell, arguments: ["-c", "exit 0"], environment: environment, input: .pipe)
        child.wait()
        XCTAssertThrowsError(try child.write(Data(repeating: 0, count: 1 << 20)))
        child.closeInput()
        XCTAssertThrowsError(try child.write(Data([1])))
    }
}
