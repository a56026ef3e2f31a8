import CChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program a test runs as a separate process: in its own session without a controlling
/// terminal, under a hard deadline, its output collected while it runs. Tests use it instead of
/// Foundation's `Process`, whose wait for a short-lived child was seen to hang for ever in CI
/// (the child a zombie nobody reaped), and which lets a child wait on the terminal of whoever
/// runs the tests.
public final class ChildProcess: @unchecked Sendable {
    /// How the process ended.
    public enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// This signal ended it.
        case signalled(Int32)
        /// Still running at its deadline; it and its process group were killed.
        case timedOut
    }

    /// Where the child's stdin comes from.
    public enum Input: Sendable {
        /// A pipe the test writes with `write(_:)` and ends with `closeInput()`.
        case pipe
        /// `/dev/null`: the child reads end of input at once.
        case nullDevice
    }

    /// The child's process id (also its process group and session id).
    public let pid: pid_t
    private let state: State
    private let inputLock = NSLock()
    private var inputDescriptor: Int32

    /// Starts `executable` (a path; use `/usr/bin/env` to search `PATH`). The child and its
    /// process group are killed if it still runs `timeout` seconds later.
    public init(executable: String, arguments: [String], environment: [String: String], directory: String? = nil,
                input: Input = .nullDevice, timeout: TimeInterval = 300) throws {
        TestProcessIsolation.apply()
        var opened: [Int32] = []
        defer { opened.forEach { close($0) } }
        let output = try Self.makePipe(&opened)
        let errors = try Self.makePipe(&opened)
        let childInput: Int32
        switch input {
        case .pipe:
            let pipe = try Self.makePipe(&opened)
            childInput = pipe.read
            inputDescriptor = pipe.write
        case .nullDevice:
            childInput = open("/dev/null", O_RDONLY | O_CLOEXEC)
            guard childInput >= 0 else { throw ChildProcessError.couldNotStart(executable: "/dev/null", errno: errno) }
            opened.append(childInput)
            inputDescriptor = -1
        }
        let started = Self.spawn(executable, [executable] + arguments, environment.map { "\($0.key)=\($0.value)" },
                                 directory, childInput, output.write, errors.write)
        guard started > 0 else { throw ChildProcessError.couldNotStart(executable: executable, errno: -started) }
        // The parent keeps only the read ends of stdout and stderr and the write end of stdin.
        let kept = [output.read, errors.read, inputDescriptor]
        opened.removeAll { kept.contains($0) }
        pid = started
        state = State(pid: started, deadline: Date().addingTimeInterval(timeout))
        Thread.detachNewThread { [state] in
            state.collect(output: output.read, errors: errors.read)
        }
    }

    /// A child no longer referenced is not left waiting: its stdin is closed and, if it still
    /// runs, its process group is killed.
    deinit {
        if inputDescriptor >= 0 { close(inputDescriptor) }
        state.killGroupIfRunning()
    }

    /// Runs a program to its end with `input` on its stdin and returns it, ended.
    public static func run(executable: String, arguments: [String], environment: [String: String], directory: String? = nil,
                           input: Data? = nil, timeout: TimeInterval = 300) throws -> ChildProcess {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment, directory: directory,
                                     input: input == nil ? .nullDevice : .pipe, timeout: timeout)
        if let input {
            try? child.write(input)
            child.closeInput()
        }
        child.wait()
        return child
    }

    /// Writes to the child's stdin (an `Input.pipe` child only). Holds the input lock for the
    /// whole write, so `closeInput()` from another thread cannot let the descriptor be reused
    /// under it.
    public func write(_ data: Data) throws {
        try inputLock.withLock {
            guard inputDescriptor >= 0 else { throw ChildProcessError.inputClosed }
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(inputDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw ChildProcessError.inputClosed
                    }
                    offset += written
                }
            }
        }
    }

    /// Ends the child's stdin.
    public func closeInput() {
        inputLock.withLock {
            if inputDescriptor >= 0 { close(inputDescriptor) }
            inputDescriptor = -1
        }
    }

    /// Sends a signal to the child, unless it has already been reaped (its pid could by then
    /// belong to another process).
    public func send(signal: Int32) {
        state.signalIfRunning(signal)
    }

    /// Waits until the child has ended (at the latest shortly after its deadline) and returns how.
    @discardableResult
    public func wait() -> Termination {
        state.wait()
    }

    /// The exit status, or -1 when the child was killed by a signal or its deadline.
    public var status: Int32 {
        if case .exited(let status) = wait() { return status }
        return -1
    }

    /// Everything the child wrote to stdout, once it has ended.
    public var output: Data {
        wait()
        return state.collected.output
    }

    /// Everything the child wrote to stderr, once it has ended.
    public var errors: Data {
        wait()
        return state.collected.errors
    }

    /// `output` as UTF-8 text.
    public var outputText: String { String(decoding: output, as: UTF8.self) }

    /// `errors` as UTF-8 text.
    public var errorText: String { String(decoding: errors, as: UTF8.self) }

    private static func makePipe(_ opened: inout [Int32]) throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        let result = casevault_test_pipe(&descriptors)
        guard result == 0 else { throw ChildProcessError.couldNotStart(executable: "pipe", errno: -result) }
        opened += descriptors
        return (descriptors[0], descriptors[1])
    }

    private static func spawn(_ path: String, _ arguments: [String], _ environment: [String], _ directory: String?,
                              _ input: Int32, _ output: Int32, _ errors: Int32) -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        return argv.withUnsafeBufferPointer { argvPointer in
            envp.withUnsafeBufferPointer { envpPointer in
                if let directory {
                    return casevault_test_spawn(path, argvPointer.baseAddress, envpPointer.baseAddress, directory, input, output, errors)
                }
                return casevault_test_spawn(path, argvPointer.baseAddress, envpPointer.baseAddress, nil, input, output, errors)
            }
        }
    }
}

/// Why a child process could not be started or fed.
public enum ChildProcessError: Error, Equatable {
    case couldNotStart(executable: String, errno: Int32)
    case inputClosed
}

/// What the collecting thread shares with the `ChildProcess` (and outlives it if need be).
private final class State: @unchecked Sendable {
    let pid: pid_t
    let deadline: Date
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()
    private var reaped = false
    private var ending: ChildProcess.Termination?
    private let finished = DispatchSemaphore(value: 0)

    init(pid: pid_t, deadline: Date) {
        self.pid = pid
        self.deadline = deadline
    }

    var collected: (output: Data, errors: Data) { lock.withLock { (output, errors) } }

    func signalIfRunning(_ signal: Int32) {
        lock.withLock {
            if !reaped { kill(pid, signal) }
        }
    }

    func killGroupIfRunning() {
        lock.withLock {
            if !reaped { kill(-pid, SIGKILL) }
        }
    }

    /// Waits for the end; should the collecting thread itself be stuck, gives up a minute after
    /// the deadline and reports a timeout rather than hang the test run.
    func wait() -> ChildProcess.Termination {
        let limit = max(deadline.timeIntervalSinceNow, 0) + 60
        if finished.wait(timeout: .now() + limit) == .success { finished.signal() }
        return lock.withLock { ending } ?? .timedOut
    }

    /// Reads both pipes until the child has ended and they are drained, reaps the child, and at
    /// the deadline kills its whole process group. After the child's end a grandchild that kept
    /// a pipe open is not waited for longer than a second.
    func collect(output outputDescriptor: Int32, errors errorDescriptor: Int32) {
        var open = [outputDescriptor: true, errorDescriptor: true]
        var ended: ChildProcess.Termination?
        var killedAtDeadline = false
        var drainUntil: Date?
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.values.contains(true) || ended == nil {
            var descriptors = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            _ = poll(&descriptors, nfds_t(descriptors.count), 50)
            for entry in descriptors where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    lock.withLock {
                        if entry.fd == outputDescriptor { output.append(contentsOf: buffer[0..<count]) }
                        else { errors.append(contentsOf: buffer[0..<count]) }
                    }
                } else if count == 0 || errno != EINTR {
                    open[entry.fd] = false
                }
            }
            if ended == nil {
                ended = lock.withLock { reap(killedAtDeadline: killedAtDeadline) }
                if ended != nil {
                    drainUntil = Date().addingTimeInterval(1)
                } else if !killedAtDeadline, Date() > deadline {
                    kill(-pid, SIGKILL)
                    kill(pid, SIGKILL)
                    killedAtDeadline = true
                }
            } else if let drainUntil, Date() > drainUntil {
                break
            }
        }
        close(outputDescriptor)
        close(errorDescriptor)
        lock.withLock { ending = ended }
        finished.signal()
    }

    /// How the child ended, if it has; called with the lock held, so `signalIfRunning` never
    /// signals a reaped pid.
    private func reap(killedAtDeadline: Bool) -> ChildProcess.Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            reaped = true
            if killedAtDeadline { return .timedOut }
            let signalNumber = status & 0x7f
            return signalNumber == 0 ? .exited((status >> 8) & 0xff) : .signalled(signalNumber)
        }
        if result < 0, errno != EINTR {
            // Reaped by someone else (or SIGCHLD ignored): the end is known, its status is not.
            reaped = true
            return .timedOut
        }
        return nil
    }
}
