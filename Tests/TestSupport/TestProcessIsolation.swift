import CChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the test process itself off the terminal of whoever runs the tests: stdin is
/// /dev/null and there is no controlling terminal, so code under test that runs in-process
/// cannot wait on either; stdout is line-buffered, so a CI log killed mid-run still shows the
/// test that was running; a write to a child that ended is an error, not a SIGPIPE.
public enum TestProcessIsolation {
    private static let applied: Void = {
        casevault_test_line_buffer_stdout()
        signal(SIGPIPE, SIG_IGN)
        _ = casevault_test_detach_terminal()
    }()

    public static func apply() {
        _ = applied
    }
}
