import Foundation

/// Where `casevault demo` writes: `--vault`, else `CASEVAULT_VAULT`, else a demo file next to
/// the default vault (`$XDG_DATA_HOME/casevault/demo.casevault`), never the default vault itself.
enum DemoVaultPath {
    static let fileName = "demo.casevault"

    static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment["CASEVAULT_VAULT"], !fromEnvironment.isEmpty { return fromEnvironment }
        return VaultLocation.defaultDirectory(environment).appendingPathComponent(fileName).path
    }

    /// `path` as one shell word, quoted only when it needs to be.
    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+:,@%".unicodeScalars.contains($0) }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
