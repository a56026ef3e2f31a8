import Foundation
import TestSupport
import XCTest

/// A real terminal for tests: a detached tmux session running one command, driven with
/// `send-keys` and read with `capture-pane`, as a person at a terminal would use it.
final class TmuxSession {
    let name = "casevault-test-\(UUID().uuidString.prefix(8))"

    init(command: String, width: Int = 160, height: Int = 50) throws {
        try Self.tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name]) }

    /// Types `text` literally, then Enter.
    func type(_ text: String) throws {
        if !text.isEmpty { try Self.tmux(["send-keys", "-t", name, "-l", text]) }
        try Self.tmux(["send-keys", "-t", name, "Enter"])
    }

    /// The process id of the program the pane runs (the shell that runs the command).
    func panePID() throws -> Int32 {
        let text = try Self.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw TmuxFailure(arguments: ["pane_pid", text]) }
        return pid
    }

    /// The local modes (`c_lflag`: ECHO, ICANON, ISIG, ...) of the pane's terminal right now.
    func localModes() throws -> tcflag_t {
        let path = try Self.tmux(["display-message", "-p", "-t", name, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let descriptor = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw TmuxFailure(arguments: ["open", path]) }
        defer { close(descriptor) }
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { throw TmuxFailure(arguments: ["tcgetattr", path]) }
        return attributes.c_lflag
    }

    /// Sends a key such as `C-c` or `C-d`.
    func key(_ key: String) throws {
        try Self.tmux(["send-keys", "-t", name, key])
    }

    /// The screen and its scrollback.
    func screen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-J", "-t", name, "-S", "-5000"])
    }

    /// Only what is on the screen now, without the scrollback.
    func visible() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-J", "-t", name])
    }

    /// Waits until the screen contains `text`; returns the screen.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(text); screen:\n\(last.suffix(1500))")
        throw TmuxFailure(arguments: ["wait", text])
    }

    /// Waits until at least `count` lines of the screen start with `prefix` (tmux drops
    /// trailing spaces, so a prompt `> ` shows as `>`).
    func waitForLines(startingWith prefix: String, atLeast count: Int, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.split(separator: "\n").filter({ $0.hasPrefix(prefix) }).count >= count { return }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(count) lines starting with \(prefix.debugDescription); screen:\n\(last.suffix(1500))")
        throw TmuxFailure(arguments: ["wait", prefix])
    }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let child = try ChildProcess.run(
            executable: "/usr/bin/env", arguments: ["tmux", "-L", "casevault-tests"] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()],
            timeout: 30)
        guard child.status == 0 else { throw TmuxFailure(arguments: arguments) }
        return child.outputText
    }

    struct TmuxFailure: Error {
        let arguments: [String]
    }
}
