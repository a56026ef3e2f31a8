import CaseStore
import Logging
import PostgresNIO

/// One connection to the server, used synchronously: the whole of CaseStore (and the CLI above
/// it) is synchronous, PostgresNIO is not. The connection lives on a private event loop group of
/// one thread; each statement is handed to it and the calling thread waits on the statement's
/// `EventLoopFuture`. The event loop itself never waits, and only this class touches the
/// connection, so its statements never interleave. A transaction is open at most once at a time.
final class PostgresSession {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private var connection: PostgresConnection?
    private var inTransaction = false
    /// Set inside `holding`: every `transaction` joins the one already open.
    private var joining = false
    /// PostgresNIO logs statements at debug level; nothing of them may reach a terminal or a log.
    private let logger = Logger(label: "casevault.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Settings sent with the connection request: how long a writer waits for another's lock
    /// before `vaultLocked`, and when the server ends a transaction its client left open (so a
    /// stopped process cannot hold the writers' lock).
    static let settings = [
        ("application_name", "casevault"),
        ("lock_timeout", "5s"),
        ("idle_in_transaction_session_timeout", "5min"),
    ]

    init(location: PostgresLocation, password: String?) throws {
        self.location = location
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: try PostgresTLS.configuration(for: location))
            configuration.options.additionalStartupParameters = Self.settings
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresFailure.translate(error, location: location, connected: false)
        }
    }

    deinit {
        close()
    }

    /// Runs one statement and returns all its rows. The statement is handed over on the event
    /// loop, after a check there that the connection is still open: PostgresNIO never answers a
    /// statement written to a connection that has already closed, so without the check the caller
    /// would wait forever.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        guard let connection else { throw CaseStoreError.storageFailure(.engine) }
        let logger = logger
        do {
            return try connection.eventLoop.flatSubmit {
                connection.isClosed
                    ? connection.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                    : connection.query(query, logger: logger)
            }.wait()
        } catch {
            throw PostgresFailure.translate(error, location: location, connected: true)
        }
    }

    /// The number of rows a statement changed.
    func execute(_ query: PostgresQuery) throws -> Int {
        try self.query(query).metadata.rows ?? 0
    }

    /// Runs `body` between `begin` and COMMIT; any error rolls the transaction back and is
    /// rethrown. A COMMIT the server answers with ROLLBACK (a transaction it had already failed)
    /// is an error too.
    func transaction<T>(_ begin: PostgresQuery = "BEGIN", _ body: () throws -> T) throws -> T {
        if joining { return try body() }
        guard !inTransaction else { throw CaseStoreError.storageFailure(.engine) }
        try query(begin)
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try body()
            guard try query("COMMIT").metadata.command == "COMMIT" else { throw CaseStoreError.storageFailure(.engine) }
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one transaction that every `transaction` inside it joins, so that all of it
    /// commits when `body` returns or none of it does, also when the process is killed (the
    /// server rolls back a transaction whose connection is gone): a whole `vault copy`.
    func holding<T>(_ body: () throws -> T) throws -> T {
        try transaction {
            joining = true
            defer { joining = false }
            return try body()
        }
    }

    /// Runs `body` in one read-only snapshot, or in the transaction already open.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        if inTransaction { return try body() }
        return try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Serializes writers until the end of the transaction; a writer that waits longer than
    /// `lock_timeout` gets `vaultLocked`.
    func lockWriters() throws {
        try query("SELECT pg_advisory_xact_lock(\(Self.writersLock))")
    }

    /// The advisory lock of a vault's writers ("CaseVaul" in ASCII). Advisory locks belong to one
    /// database, so vaults in other databases of the same server do not wait for each other.
    static let writersLock: Int64 = 0x4361_7365_5661_756C

    /// Ends the connection and stops the event loop; later statements fail.
    func close() {
        guard let connection else { return }
        self.connection = nil
        _ = try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }
}

extension PostgresSession {
    /// Rows per page when streaming: a page of cases is a few megabytes at most.
    static let pageSize = 1_000

    /// Streams a query's rows page by page from one snapshot, so a hundred thousand sealed rows
    /// never sit in memory at once. `page(after)` must return the rows whose key (column
    /// `keyColumn`, a bigint) is greater than `after`, in key order, at most `pageSize` of them.
    func forEachPage(keyColumn: Int, _ page: (Int64) -> PostgresQuery,
                     _ body: ([PostgresRandomAccessRow]) throws -> Void) throws {
        try snapshot {
            var after = Int64.min
            while true {
                let rows = try query(page(after)).allRows
                if !rows.isEmpty { try body(rows) }
                guard rows.count == Self.pageSize, let last = rows.last else { return }
                after = try last.value(keyColumn)
            }
        }
    }

    /// `forEachPage`, one row at a time.
    func forEachRow(keyColumn: Int, _ page: (Int64) -> PostgresQuery,
                    _ body: (PostgresRandomAccessRow) throws -> Void) throws {
        try forEachPage(keyColumn: keyColumn, page) { rows in
            for row in rows { try body(row) }
        }
    }
}
