/// Runs `body` with a pointer that is never nil, even for empty input: several libcrypto calls
/// treat a nil pointer as an error even when the length is zero.
func withNonNullBytes<Result>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>, Int) throws -> Result) rethrows -> Result {
    if let base = bytes.baseAddress, bytes.count > 0 {
        return try body(base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }
    var placeholder: UInt8 = 0
    return try withUnsafePointer(to: &placeholder) { try body($0, 0) }
}

/// The same for arrays.
func withNonNullBytes<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> Result) rethrows -> Result {
    try bytes.withUnsafeBytes { try withNonNullBytes($0, body) }
}
