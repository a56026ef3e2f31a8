import Foundation
import TestSupport
import XCTest

/// A private tmux server (its socket in a test's directory) whose pane is the terminal a
/// command reads its prompts' answers from: age reads passphrases from /dev/tty only.
struct AgeTerminal {
    private let socket: String
    private let directory: URL

    init(directory: URL) throws {
        self.directory = directory
        socket = directory.appendingPathComponent("tmux.sock").path
    }

    private func tmux(_ arguments: [String]) throws -> ChildProcess {
        try ExternalTool.run("tmux", ["-S", socket] + arguments)
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `command` in a new window, types each answer once its prompt shows, and returns the
    /// command's exit status (nil if it did not end within 60 seconds).
    func run(_ command: [String], answers: [(prompt: String, text: String)]) throws -> Int32? {
        let status = directory.appendingPathComponent("status-\(UUID().uuidString)").path
        let line = command.map(Self.quoted).joined(separator: " ") + "; echo $? > " + Self.quoted(status)
        let name = "age-\(UUID().uuidString.prefix(8))"
        let start = try tmux(["new-session", "-d", "-s", name, "-x", "200", "-y", "50", line])
        XCTAssertEqual(start.status, 0, start.errorText)
        let deadline = Date().addingTimeInterval(60)
        var pending = answers[...]
        while Date() < deadline {
            if let text = try? String(contentsOfFile: status, encoding: .utf8) {
                XCTAssertTrue(pending.isEmpty, "prompts not seen: \(pending.map(\.prompt))")
                return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let answer = pending.first, try tmux(["capture-pane", "-p", "-t", name]).outputText.contains(answer.prompt) {
                XCTAssertEqual(try tmux(["send-keys", "-t", name, "-l", answer.text]).status, 0)
                XCTAssertEqual(try tmux(["send-keys", "-t", name, "Enter"]).status, 0)
                pending = pending.dropFirst()
                // The next prompt may reuse the screen line; let the program read this answer first.
                Thread.sleep(forTimeInterval: 0.5)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// Ends this test's tmux server (only the one on this socket).
    func stop() {
        _ = try? tmux(["kill-server"])
    }
}
