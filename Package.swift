// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CaseVault",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casevault", targets: ["casevault"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Up to the next minor only: our localized parse errors classify ArgumentParser's own
        // error values (Arguments/ParseFailure.swift, checked by ParseFailureTests) and help is
        // drawn from `_dumpHelp()`; a new minor version is taken deliberately, with those tests.
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        // The PostgreSQL backend's wire protocol (connection, TLS, SCRAM, bound parameters).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through postgres-nio; named so the backend can silence its logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    ],
    targets: [
        // C layer: the system libcrypto (OpenSSL 3.0). Only VaultCrypto imports it.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "VaultCrypto", dependencies: ["COpenSSL"]),
        // Pure text layer: cross-script transliteration and folding (used by CaseStore and Intake).
        .target(name: "Transliteration"),
        // Build tool that turns data files (SQL migrations, forms, catalogs) into Swift source.
        .executableTarget(name: "embed-files"),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        // Pure intake layer: form definitions, the form engine, locales and translation catalogs.
        .target(
            name: "Intake",
            dependencies: ["Transliteration"],
            plugins: ["EmbedDataPlugin"]
        ),
        .target(
            name: "CaseStore",
            dependencies: [
                "VaultCrypto",
                "Transliteration",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The read-only probe of an existing file (VaultFileProbe) needs URI file names.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["EmbedDataPlugin"]
        ),
        // PostgreSQL backend: the vault's rows in a database server, for organisations with several
        // offices. Only ciphertext and the plaintext columns the vault format allows reach it.
        .target(
            name: "PostgresStorage",
            dependencies: [
                "CaseStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedDataPlugin"]
        ),
        // C layer: the system GLPK (integer programming). Only DisclosureControl imports it.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // Disclosure control of released counts: cell suppression and its integer-programming audit.
        .target(name: "DisclosureControl", dependencies: ["CGLPK"]),
        // Statistics layer: the non-identifying facts of consenting cases and the tables made of them.
        .target(name: "Statistics", dependencies: ["CaseStore", "DisclosureControl", "VaultCrypto"]),
        // Export layer: export profiles, age v1 encryption, the vault's export signatures.
        .target(name: "Export", dependencies: ["CaseStore", "Intake", "VaultCrypto"]),
        // Access layer: the policy, sessions that enforce it, the passphrase rule.
        .target(name: "Access", dependencies: ["CaseStore", "VaultCrypto"]),
        .target(
            name: "CaseVaultCLI",
            dependencies: [
                "Access",
                "CaseStore",
                "Export",
                "Intake",
                "PostgresStorage",
                "Statistics",
                "Transliteration",
                "VaultCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "casevault", dependencies: ["CaseVaultCLI"]),
        .executableTarget(
            name: "casevault-bench",
            dependencies: [
                "CaseStore",
                "Export",
                "PostgresStorage",
                "Statistics",
                "VaultCrypto",
                "Transliteration",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/casevault-bench"
        ),
        // Test helper process: commits cases one by one and reports each acknowledged code,
        // so the crash test can SIGKILL it at random points.
        .executableTarget(
            name: "casevault-crash-writer",
            dependencies: ["CaseStore"],
            path: "Tests/CrashWriter"
        ),
        // Fuzzing (scripts/fuzz, docs in its header): every parser of outside input as a target taking
        // bytes, and `casevault-fuzz`, libFuzzer's entry point (built with -DCASEVAULT_LIBFUZZER) or a
        // replay tool in the plain build. FuzzTargetsTests replays Fuzz/corpus and Fuzz/regressions.
        .target(name: "FuzzTargets", dependencies: ["CaseStore", "CaseVaultCLI", "Export", "Intake", "VaultCrypto"], path: "Fuzz/Targets"),
        .executableTarget(name: "casevault-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver"),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        // Test helper process: flips each byte of a small vault in turn and runs the CLI's
        // operations on it (issue 14); scripts/tamper-sweep and TamperSweepTests run it.
        .executableTarget(
            name: "casevault-tamper-sweep",
            dependencies: ["Access", "CaseStore", "Export", "Statistics", "TestSupport", "VaultCrypto",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TamperSweep"
        ),
        // Test support: child processes without a controlling terminal and with a deadline.
        .target(name: "CChildProcess", path: "Tests/CChildProcess"),
        .target(name: "TestSupport", dependencies: ["CChildProcess", "Transliteration"], path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "VaultCryptoTests",
            dependencies: ["VaultCrypto"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TransliterationTests", dependencies: ["Transliteration"]),
        .testTarget(name: "DisclosureControlTests", dependencies: ["DisclosureControl"]),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "CaseStore", "Intake", "TestSupport", "VaultCrypto"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "CaseStore", "TestSupport"]),
        .testTarget(
            name: "IntakeTests",
            dependencies: ["Intake", "Transliteration"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: [
                "CaseStore",
                "TestSupport",
                "VaultCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PostgresStorageTests", dependencies: ["PostgresStorage", "CaseStore", "TestSupport", "VaultCrypto"]),
        // The storage contract, run against every backend.
        .testTarget(
            name: "StorageContractTests",
            dependencies: ["CaseStore", "PostgresStorage", "TestSupport", "VaultCrypto"]
        ),
        .testTarget(
            name: "AccessTests",
            dependencies: ["Access", "CaseStore", "Statistics", "TestSupport", "VaultCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CaseVaultCLITests",
            dependencies: ["Access", "CaseVaultCLI", "CaseStore", "Export", "PostgresStorage", "TestSupport", "VaultCrypto"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
