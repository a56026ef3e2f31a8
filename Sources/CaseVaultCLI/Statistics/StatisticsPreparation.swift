import Access

/// After a caseworker's or an administrator's login, computes the statistics facts of cases that
/// have none yet (a vault made before statistics existed), once, with a progress bar.
enum StatisticsPreparation {
    static func run(_ session: AccessSession, console: Console) throws {
        let waiting = try session.statisticsWaiting()
        guard waiting > 0 else { return }
        let progress = ProgressReporter(total: waiting, console: console, label: console.messages("cli.progress.computing_facts"))
        defer { progress.finish() }
        try session.prepareStatistics { done, total in progress.update(done, of: total) }
    }
}
