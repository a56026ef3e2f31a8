@testable import CaseVaultCLI
import Foundation
import XCTest

/// The handlers that give the terminal back when a signal ends the program: they take only
/// signals that would end it, nest, and put back exactly what was there before.
final class TerminalRestoreOnSignalTests: XCTestCase {
    private func handlerAddress(_ signalNumber: Int32) -> UnsafeRawPointer? {
        var current = sigaction()
        sigaction(signalNumber, nil, &current)
        return current.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
    }

    private func withDisposition(_ signalNumber: Int32, _ handler: sighandler_t?, _ body: () throws -> Void) rethrows {
        let original = signal(signalNumber, handler)
        defer { signal(signalNumber, original) }
        try body()
    }

    func testIgnoredAndHandledSignalsAreLeftAlone() {
        let ignore = unsafeBitCast(SIG_IGN, to: UnsafeRawPointer.self)
        let custom: sighandler_t = { _ in }
        let customAddress = unsafeBitCast(custom, to: UnsafeRawPointer.self)
        withDisposition(SIGHUP, SIG_IGN) {
            withDisposition(SIGINT, custom) {
                withDisposition(SIGTERM, SIG_DFL) {
                    TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
                    XCTAssertEqual(handlerAddress(SIGHUP), ignore, "nohup's SIGHUP must stay ignored")
                    XCTAssertEqual(handlerAddress(SIGINT), customAddress, "the shell's own Ctrl-C handler must stay")
                    XCTAssertNotNil(handlerAddress(SIGTERM), "SIGTERM would end the program: it restores the terminal first")
                    TerminalRestoreOnSignal.disarm()
                    XCTAssertEqual(handlerAddress(SIGHUP), ignore)
                    XCTAssertEqual(handlerAddress(SIGINT), customAddress)
                    XCTAssertNil(handlerAddress(SIGTERM), "the default is back")
                }
            }
        }
    }

    func testNestedCallsKeepTheOutermostHandlersAndPutBackTheOriginal() {
        withDisposition(SIGTERM, SIG_DFL) {
            TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
            let armed = handlerAddress(SIGTERM)
            XCTAssertNotNil(armed)
            TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
            TerminalRestoreOnSignal.disarm()
            XCTAssertEqual(handlerAddress(SIGTERM), armed, "the inner disarm must leave the outer arm in place")
            TerminalRestoreOnSignal.disarm()
            XCTAssertNil(handlerAddress(SIGTERM), "the default is back")
            TerminalRestoreOnSignal.disarm()
            XCTAssertNil(handlerAddress(SIGTERM), "an extra disarm changes nothing")
        }
    }
}
