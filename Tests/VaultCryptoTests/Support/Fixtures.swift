import Foundation

/// Locates the data files that SwiftPM copies from `Tests/VaultCryptoTests/Fixtures` into the
/// test bundle (`resources: [.copy("Fixtures")]`).
enum Fixtures {
    /// Why a fixture could not be read.
    enum Failure: Error, CustomStringConvertible {
        case bundleDirectoryMissing
        case fileMissing(String)

        var description: String {
            switch self {
            case .bundleDirectoryMissing: "the Fixtures directory is not in Bundle.module"
            case .fileMissing(let name): "fixture \(name) is not in the Fixtures directory"
            }
        }
    }

    /// The `Fixtures` directory inside the test resource bundle.
    static func directory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw Failure.bundleDirectoryMissing
        }
        return url
    }

    /// The bytes of the fixture file `name` (for example `aes_gcm_test.json`).
    static func data(named name: String) throws -> Data {
        let url = try directory().appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Failure.fileMissing(name) }
        return try Data(contentsOf: url)
    }

    /// Decodes the JSON fixture `name` as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        try JSONDecoder().decode(type, from: data(named: name))
    }
}
