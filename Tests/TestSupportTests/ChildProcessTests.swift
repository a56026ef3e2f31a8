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

    func testTheChildLeadsItsOwnSessionWithoutATerminal() throws {
        // Field 6 of /proc/PID/stat is the session id: the shell's own pid when it leads one.
        let child = try ChildProcess.run(
            executable: shell, arguments: ["-c", "if (exec 3</dev/tty) 2>/dev/null; then echo terminal; else echo none; fi; cut -d' ' -f6 /proc/$$/stat; echo $$"],
            environment: environment, timeout: 30)
        let lines = child.outputText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, child.errorText)
        XCTAssertEqual(lines.first, "none")
        XCTAssertEqual(lines[1], lines[2], "the child is not a session leader")
    }

    func testTheChildGetsNoDescriptorOfTheTestProcess() throws {
        let leaked = open("/dev/null", O_RDONLY)
        XCTAssertGreaterThan(leaked, 2)
        defer { close(leaked) }
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "ls /proc/self/fd"], environment: environment, timeout: 30)
        // 0, 1, 2 and the descriptor `ls` opens to list the directory.
        XCTAssertEqual(child.outputText.split(separator: "\n").count, 4, child.outputText)
    }

    func testTheDeadlineKillsTheWholeProcessGroup() throws {
        let child = try ChildProcess.run(executable: shell, arguments: ["-c", "sleep 60 & echo $!; wait"], environment: environment, timeout: 1)
        XCTAssertEqual(child.wait(), .timedOut)
        let grandchild = try XCTUnwrap(Int32(child.outputText.trimmingCharacters(in: .whitespacesAndNewlines)))
        usleep(100_000)
        XCTAssertFalse(Self.isRunning(grandchild), "the grandchild outlived the deadline")
    }

    func testAChildNoLongerReferencedIsKilled() throws {
        var child: ChildProcess? = try ChildProcess(executable: shell, arguments: ["-c", "sleep 60"], environment: environment,
                                                    input: .pipe, timeout: 120)
        let pid = try XCTUnwrap(child?.pid)
        child = nil
        let deadline = Date().addingTimeInterval(5)
        while Self.isRunning(pid), Date() < deadline { usleep(20_000) }
        XCTAssertFalse(Self.isRunning(pid))
    }

    /// True while `pid` exists and is not a zombie.
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z"
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
