@testable import CaseVaultCLI
import Foundation
import XCTest

/// The handlers that give the terminal back when a signal ends the program: they leave ignored
/// signals ignored, nest, and put back exactly what was there before.
final class TerminalRestoreOnSignalTests: XCTestCase {
    private func handlerAddress(_ signalNumber: Int32) -> UnsafeRawPointer? {
        var current = sigaction()
        sigaction(signalNumber, nil, &current)
        return current.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
    }

    private func withDisposition(_ signalNumber: Int32, _ handler: sighandler_t, _ body: () throws -> Void) rethrows {
        let original = signal(signalNumber, handler)
        defer { signal(signalNumber, original) }
        try body()
    }

    func testAnIgnoredSignalStaysIgnored() {
        let ignore = unsafeBitCast(SIG_IGN, to: UnsafeRawPointer.self)
        withDisposition(SIGHUP, SIG_IGN) {
            TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
            XCTAssertEqual(handlerAddress(SIGHUP), ignore, "nohup's SIGHUP must stay ignored")
            XCTAssertNotEqual(handlerAddress(SIGTERM), unsafeBitCast(SIG_DFL, to: UnsafeRawPointer.self))
            TerminalRestoreOnSignal.disarm()
            XCTAssertEqual(handlerAddress(SIGHUP), ignore)
        }
    }

    func testNestedCallsKeepTheOutermostHandlersAndPutBackTheOriginal() {
        let custom: sighandler_t = { _ in }
        let customAddress = unsafeBitCast(custom, to: UnsafeRawPointer.self)
        withDisposition(SIGTERM, custom) {
            TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
            let armed = handlerAddress(SIGTERM)
            XCTAssertNotEqual(armed, customAddress)
            TerminalRestoreOnSignal.arm(terminal: -1, mode: termios())
            TerminalRestoreOnSignal.disarm()
            XCTAssertEqual(handlerAddress(SIGTERM), armed, "the inner disarm must leave the outer arm in place")
            TerminalRestoreOnSignal.disarm()
            XCTAssertEqual(handlerAddress(SIGTERM), customAddress, "the handler from before is back")
            TerminalRestoreOnSignal.disarm()
            XCTAssertEqual(handlerAddress(SIGTERM), customAddress, "an extra disarm changes nothing")
        }
    }
}
