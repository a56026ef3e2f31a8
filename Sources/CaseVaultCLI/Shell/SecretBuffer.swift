import VaultCrypto

/// Bytes of a passphrase being typed, zeroed whenever they leave: on removal, when the
/// storage has to grow (the old storage is zeroed after the copy) and when the buffer is
/// released. `take()` moves them out without leaving a copy behind.
final class SecretBuffer {
    private var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    deinit { removeAll() }

    var isEmpty: Bool { bytes.isEmpty }

    func append<Bytes: Collection>(_ more: Bytes) where Bytes.Element == UInt8 {
        if bytes.count + more.count > bytes.capacity {
            var larger: [UInt8] = []
            larger.reserveCapacity(2 * (bytes.count + more.count))
            larger.append(contentsOf: bytes)
            removeAll()
            bytes = larger
        }
        bytes.append(contentsOf: more)
    }

    /// Removes the last Unicode scalar: its continuation bytes and its lead byte.
    func removeLastScalar() {
        while let last = bytes.last {
            bytes[bytes.count - 1] = 0
            bytes.removeLast()
            if last & 0xC0 != 0x80 { return }
        }
    }

    func removeAll() {
        SecretBytes.cleanse(&bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The bytes, handed over; the buffer is empty afterwards.
    func take() -> [UInt8] {
        let taken = bytes
        bytes = []
        return taken
    }
}
