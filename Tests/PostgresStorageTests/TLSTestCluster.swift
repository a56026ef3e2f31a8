import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster that speaks TLS, with certificates `openssl` makes for it, for
/// `PostgresTLSTests`: the shared test server (`scripts/postgres-test-cluster`) speaks no TLS and
/// takes no server options. It listens on a random port of 127.0.0.1 and accepts only `hostssl`
/// connections, with trust authentication: the tests are about the certificate check, not about
/// passwords, and a connection that got in has necessarily used TLS. Run as root, the server runs
/// as `nobody`; the script's watchdog stops it should the test process die before `remove()`.
final class TLSTestCluster {
    /// The certificates in `certificates/`, each `NAME.pem` with its key `NAME.key`.
    enum Certificate: String {
        /// The test's CA, which signs `localhost` and `otherhost`.
        case ca
        /// A CA that signed nothing the server shows.
        case otherCA = "other-ca"
        /// The server's certificate for `localhost` and 127.0.0.1.
        case localhost
        /// A server certificate of the right CA for `otherhost.example` only.
        case otherhost
    }

    let directory: String
    private(set) var port = 0
    private let binDirectory: String
    private let openssl: String
    private let serverUser: String?
    private var watchdog: ChildProcess?

    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]

    /// Makes the certificates and the cluster (not yet started); nil when PostgreSQL or openssl
    /// is not installed.
    static func make() throws -> TLSTestCluster? {
        let script = root.appendingPathComponent("scripts/postgres-test-cluster").path
        let bindir = try ChildProcess.run(executable: script, arguments: ["bindir"], environment: environment, timeout: 60)
        guard bindir.status == 0, let openssl = ExternalTool.path("openssl") else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-tls-\(UUID().uuidString)").path
        let cluster = TLSTestCluster(directory: directory, binDirectory: bindir.outputText.trimmingCharacters(in: .whitespacesAndNewlines),
                                     openssl: openssl, serverUser: getuid() == 0 ? "nobody" : nil)
        do {
            try cluster.create(script: script)
        } catch {
            cluster.remove()
            throw error
        }
        return cluster
    }

    private init(directory: String, binDirectory: String, openssl: String, serverUser: String?) {
        self.directory = directory
        self.binDirectory = binDirectory
        self.openssl = openssl
        self.serverUser = serverUser
    }

    /// The path of a certificate's PEM file.
    func path(_ certificate: Certificate) -> String {
        "\(directory)/certificates/\(certificate.rawValue).pem"
    }

    /// Starts the server showing `certificate` (on a new random port).
    func start(showing certificate: Certificate) throws {
        let certificates = "\(directory)/certificates"
        for _ in 1...5 {
            port = Int.random(in: 20000..<32000)
            let options = "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory)/socket -c fsync=off -c ssl=on"
                + " -c ssl_cert_file=\(certificates)/\(certificate.rawValue).pem -c ssl_key_file=\(certificates)/\(certificate.rawValue).key"
            let started = try asServer("pg_ctl", ["start", "--pgdata=\(directory)/data", "--log=\(directory)/server.log",
                                                  "--options=\(options)", "--wait", "--timeout=60", "--silent"])
            if started.status == 0 { return }
            let log = (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8)) ?? ""
            guard log.contains("could not bind") else { throw Failure(step: "pg_ctl start", output: started.errorText + log) }
        }
        throw Failure(step: "pg_ctl start", output: "no free port found")
    }

    /// Stops the server (fast shutdown); nothing to do when it is not running.
    func stop() throws {
        let status = try asServer("pg_ctl", ["status", "--pgdata=\(directory)/data"])
        guard status.status == 0 else { return }
        let stopped = try asServer("pg_ctl", ["stop", "--pgdata=\(directory)/data", "--mode=fast", "--wait", "--timeout=60", "--silent"])
        guard stopped.status == 0 else { throw Failure(step: "pg_ctl stop", output: stopped.errorText) }
    }

    /// Stops the server and removes the directory with everything in it.
    func remove() {
        if FileManager.default.fileExists(atPath: "\(directory)/data/PG_VERSION") { try? stop() }
        try? FileManager.default.removeItem(atPath: directory)
        watchdog = nil
    }

    private func create(script: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: serverUser == nil ? 0o700 : 0o711])
        for name in ["data", "socket", "certificates"] {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(name)", withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        }
        FileManager.default.createFile(atPath: "\(directory)/server.log", contents: nil, attributes: [.posixPermissions: 0o600])
        try makeCertificates()
        try own(["data", "socket", "certificates", "server.log"] + Certificate.allFiles.map { "certificates/\($0)" })
        watchdog = try ChildProcess(executable: script, arguments: ["watch", directory, String(getpid())],
                                    environment: Self.environment, timeout: 24 * 3600)
        let initdb = try asServer("initdb", ["--pgdata=\(directory)/data", "--username=postgres", "--auth=trust",
                                             "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
        guard initdb.status == 0 else { throw Failure(step: "initdb", output: initdb.errorText) }
        // TLS connections from 127.0.0.1 only: a plain-text one is refused at login.
        try "local all all trust\nhostssl all all 127.0.0.1/32 trust\n"
            .write(toFile: "\(directory)/data/pg_hba.conf", atomically: false, encoding: .utf8)
        try own(["data/pg_hba.conf"])
    }

    private func makeCertificates() throws {
        let config = "\(directory)/certificates/openssl.cnf"
        try """
        [req]
        distinguished_name = dn
        prompt = no
        [dn]
        CN = unused
        [ca]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        [localhost]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:localhost,IP:127.0.0.1
        [otherhost]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:otherhost.example

        """.write(toFile: config, atomically: false, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for (ca, name) in [(Certificate.ca, "CaseVault TLS test CA"), (.otherCA, "CaseVault unrelated test CA")] {
            try openssl(["req", "-config", config, "-x509", "-extensions", "ca", "-days", "2", "-subj", "/CN=\(name)"] + key
                + ["-keyout", file(ca, "key"), "-out", file(ca, "pem")])
        }
        for (server, name) in [(Certificate.localhost, "localhost"), (.otherhost, "otherhost.example")] {
            try openssl(["req", "-config", config, "-new", "-subj", "/CN=\(name)"] + key
                + ["-keyout", file(server, "key"), "-out", file(server, "csr")])
            try openssl(["x509", "-req", "-in", file(server, "csr"), "-CA", file(.ca, "pem"), "-CAkey", file(.ca, "key"),
                         "-set_serial", String(UInt32.random(in: 1 ... .max)), "-days", "2",
                         "-extfile", config, "-extensions", server.rawValue, "-out", file(server, "pem")])
        }
        for file in Certificate.allFiles { chmod("\(directory)/certificates/\(file)", 0o600) }
    }

    private func file(_ certificate: Certificate, _ suffix: String) -> String {
        "\(directory)/certificates/\(certificate.rawValue).\(suffix)"
    }

    private func openssl(_ arguments: [String]) throws {
        let run = try ChildProcess.run(executable: openssl, arguments: arguments, environment: Self.environment, timeout: 60)
        guard run.status == 0 else { throw Failure(step: "openssl \(arguments[0])", output: run.errorText) }
    }

    /// Gives files under `directory` to the server user (PostgreSQL refuses to run as root and
    /// wants its key file to be its own, mode 0600).
    private func own(_ names: [String]) throws {
        guard let serverUser, let account = getpwnam(serverUser) else { return }
        for name in names where chown("\(directory)/\(name)", account.pointee.pw_uid, account.pointee.pw_gid) != 0 {
            throw Failure(step: "chown \(name)", output: String(cString: strerror(errno)))
        }
    }

    private func asServer(_ program: String, _ arguments: [String]) throws -> ChildProcess {
        let path = "\(binDirectory)/\(program)"
        if let serverUser {
            return try ChildProcess.run(executable: "/usr/sbin/runuser", arguments: ["-u", serverUser, "--", path] + arguments,
                                        environment: Self.environment, directory: "/", timeout: 120)
        }
        return try ChildProcess.run(executable: path, arguments: arguments, environment: Self.environment, directory: "/", timeout: 120)
    }

    /// A step of making or running the cluster failed; `output` is what the program said.
    struct Failure: Error, CustomStringConvertible {
        let step: String
        let output: String
        var description: String { "\(step) failed: \(output)" }
    }
}

private extension TLSTestCluster.Certificate {
    static var allFiles: [String] {
        [Self.ca, .otherCA, .localhost, .otherhost].flatMap { ["\($0.rawValue).pem", "\($0.rawValue).key"] }
    }
}
