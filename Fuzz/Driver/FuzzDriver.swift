// Written by hand: the libFuzzer entry point and its replay fallback. Built with
// `-DCASEVAULT_LIBFUZZER` (scripts/fuzz), `main` hands libFuzzer's driver (linked from
// libclang_rt.fuzzer_no_main) the target named by CASEVAULT_FUZZ_TARGET; the plain build (CI,
// `swift build`) instead replays files through a target, so it links without libFuzzer.
import Foundation
import FuzzTargets

/// The target this process fuzzes, from `CASEVAULT_FUZZ_TARGET`.
nonisolated(unsafe) private var selected: FuzzTarget?

/// Called by libFuzzer for each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let target = selected else { fatalError("no fuzz target selected") }
    target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

private func selectTarget(_ name: String?) -> FuzzTarget {
    guard let name, let target = FuzzTarget.named(name) else {
        FileHandle.standardError.write(Data("casevault-fuzz: set CASEVAULT_FUZZ_TARGET to one of: \(FuzzTarget.all.map(\.name).joined(separator: " "))\n".utf8))
        exit(2)
    }
    return target
}

#if CASEVAULT_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// `casevault-fuzz [libFuzzer flags] [corpus dirs]`, with CASEVAULT_FUZZ_TARGET set.
@main
enum FuzzDriver {
    static func main() {
        selected = selectTarget(ProcessInfo.processInfo.environment["CASEVAULT_FUZZ_TARGET"])
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { fuzzTestOneInput($0, $1) })
    }
}
#else
/// `casevault-fuzz TARGET FILE|DIR...`: runs every file (directories: their files) through TARGET
/// once, as libFuzzer would, and prints how many ran. A violated property traps.
@main
enum FuzzDriver {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        selected = selectTarget(arguments.first ?? ProcessInfo.processInfo.environment["CASEVAULT_FUZZ_TARGET"])
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                _ = data.withUnsafeBytes { fuzzTestOneInput($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
                count += 1
            }
        }
        print("casevault-fuzz: \(count) inputs ran clean")
    }
}
#endif
