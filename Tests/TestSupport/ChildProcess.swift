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
        case exited(Int32)
        case signalled(Int32)
        /// Still running at its deadline; it was killed.
        case timedOut
    }

    /// Where the child's stdin comes from.
    public enum Input: Sendable {
        /// A pipe the test writes with `write(_:)` and ends with `closeInput()`.
        case pipe
        /// `/dev/null`: the child reads end of input at once.
        case nullDevice
    }

    public let pid: pid_t
    private let lock = NSLock()
    private var collectedOutput = Data()
    private var collectedErrors = Data()
    private var ending: Termination?
    private var inputDescriptor: Int32
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `executable` (a path; use `/usr/bin/env` to search `PATH`). The child is killed if
    /// it still runs `timeout` seconds later.
    public init(executable: String, arguments: [String], environment: [String: String], directory: String? = nil,
                input: Input = .nullDevice, timeout: TimeInterval = 300) throws {
        TestProcessIsolation.apply()
        let output = try Self.makePipe()
        let errors = try Self.makePipe()
        let childInput: Int32
        switch input {
        case .pipe:
            let pipe = try Self.makePipe()
            childInput = pipe.read
            inputDescriptor = pipe.write
        case .nullDevice:
            childInput = open("/dev/null", O_RDONLY | O_CLOEXEC)
            inputDescriptor = -1
        }
        let started = Self.spawn(executable, [executable] + arguments, environment.map { "\($0.key)=\($0.value)" },
                                 directory, childInput, output.write, errors.write)
        close(childInput)
        close(output.write)
        close(errors.write)
        guard started > 0 else {
            close(output.read)
            close(errors.read)
            if inputDescriptor >= 0 { close(inputDescriptor) }
            throw ChildProcessError.couldNotStart(executable: executable, errno: -started)
        }
        pid = started
        let deadline = Date().addingTimeInterval(timeout)
        Thread.detachNewThread { [self] in
            collect(output: output.read, errors: errors.read, deadline: deadline)
        }
    }

    deinit {
        if inputDescriptor >= 0 { close(inputDescriptor) }
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

    /// Writes to the child's stdin (an `Input.pipe` child only).
    public func write(_ data: Data) throws {
        let descriptor = lock.withLock { inputDescriptor }
        guard descriptor >= 0 else { throw ChildProcessError.inputClosed }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ChildProcessError.inputClosed
                }
                offset += written
            }
        }
    }

    /// Ends the child's stdin.
    public func closeInput() {
        lock.withLock {
            if inputDescriptor >= 0 { close(inputDescriptor) }
            inputDescriptor = -1
        }
    }

    /// Sends a signal to the child.
    public func send(signal: Int32) {
        if lock.withLock({ ending == nil }) { kill(pid, signal) }
    }

    /// Waits until the child has ended (at the latest its deadline) and returns how.
    @discardableResult
    public func wait() -> Termination {
        finished.wait()
        finished.signal()
        return lock.withLock { ending ?? .timedOut }
    }

    /// The exit status, or -1 when the child was killed by a signal or its deadline.
    public var status: Int32 {
        if case .exited(let status) = wait() { return status }
        return -1
    }

    /// Everything the child wrote to stdout, once it has ended.
    public var output: Data {
        wait()
        return lock.withLock { collectedOutput }
    }

    /// Everything the child wrote to stderr, once it has ended.
    public var errors: Data {
        wait()
        return lock.withLock { collectedErrors }
    }

    public var outputText: String { String(decoding: output, as: UTF8.self) }
    public var errorText: String { String(decoding: errors, as: UTF8.self) }

    /// Reads both pipes until the child has ended and they are drained, reaps the child, and
    /// kills it at the deadline. After the child's end a grandchild that kept a pipe open is
    /// not waited for longer than a second.
    private func collect(output: Int32, errors: Int32, deadline: Date) {
        var open = [output: true, errors: true]
        var ended: Termination?
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
                        if entry.fd == output { collectedOutput.append(contentsOf: buffer[0..<count]) }
                        else { collectedErrors.append(contentsOf: buffer[0..<count]) }
                    }
                } else if count == 0 || errno != EINTR {
                    open[entry.fd] = false
                }
            }
            if ended == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    let signalNumber = status & 0x7f
                    ended = killedAtDeadline ? .timedOut : signalNumber == 0 ? .exited((status >> 8) & 0xff) : .signalled(signalNumber)
                    drainUntil = Date().addingTimeInterval(1)
                } else if !killedAtDeadline, Date() > deadline {
                    kill(pid, SIGKILL)
                    killedAtDeadline = true
                }
            } else if let drainUntil, Date() > drainUntil {
                break
            }
        }
        close(output)
        close(errors)
        lock.withLock { ending = ended }
        finished.signal()
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        let result = casevault_test_pipe(&descriptors)
        guard result == 0 else { throw ChildProcessError.couldNotStart(executable: "pipe", errno: -result) }
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
