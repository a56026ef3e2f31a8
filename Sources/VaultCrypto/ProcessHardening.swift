internal import COpenSSL

/// Keeps unlocked keys out of core dumps: `prctl(PR_SET_DUMPABLE, 0)` and `RLIMIT_CORE = 0`,
/// applied before any key slot is opened (design.md section 2). It lives beside `SecretBytes`
/// because it protects the same memory.
public enum ProcessHardening {
    /// Applies both settings; idempotent. Returns false if the kernel refused either.
    @discardableResult
    public static func apply() -> Bool {
        casevault_disable_core_dumps() == 0
    }

    /// Whether the process may currently dump core.
    public static var isDumpable: Bool {
        casevault_is_dumpable() != 0
    }
}
