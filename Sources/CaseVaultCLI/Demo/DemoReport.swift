import CaseStore

/// What `casevault demo` prints when the vault is ready: where it is, the warning that it must
/// never hold real cases, the users and their shared passphrase, and commands to try.
struct DemoReport {
    let path: String
    let cases: [DemoCase]
    let codes: [CaseCode]

    func show(on console: Console) {
        let messages = console.messages
        console.say(messages("cli.demo.created", ["path": path]))
        console.say(messages("cli.demo.case_count", ["cases": messages.number(cases.count)]))
        Self.showLogin(on: console)
        console.say("")
        console.say(messages("cli.demo.try"))
        for command in exampleCommands() { console.output("  " + command) }
        console.say("")
        console.say(messages("cli.demo.remove", ["path": path]))
    }

    /// The warning that a demo vault is never for real cases, its users and their passphrase.
    static func showLogin(on console: Console) {
        let messages = console.messages
        console.say("")
        console.say(messages("cli.demo.warning"))
        console.say("")
        console.say(messages("cli.demo.users"))
        for user in DemoUsers.all {
            console.say("  " + messages("cli.demo.user", ["user": user.name, "role": messages.label(user.role)]))
        }
        console.say(messages("cli.demo.passphrase", ["passphrase": DemoUsers.passphrase]))
        console.say(messages("cli.demo.passphrase_note"))
    }

    /// Commands that show each role at work on this vault.
    func exampleCommands() -> [String] {
        let vault = "--vault " + DemoVaultPath.shellWord(path)
        let (code, caseworker) = exampleCase()
        return [
            "casevault cases \(vault) --user \(caseworker)",
            "casevault case show \(code) \(vault) --user \(caseworker)",
            "casevault case list \(vault) --user \(DemoUsers.supervisor)",
            "casevault audit log \(vault) --user \(DemoUsers.auditor)",
        ]
    }

    /// An open case (Maja's if she has one) and its caseworker.
    func exampleCase() -> (code: String, caseworker: String) {
        let open = zip(cases, codes).filter { $0.0.closure == nil }
        let chosen = open.first { $0.0.assignee == DemoUsers.maja } ?? open.first ?? zip(cases, codes).first { _ in true }
        guard let (demo, code) = chosen else { return ("K7Q4-M2XA", DemoUsers.maja) }
        return (code.rawValue, demo.assignee)
    }
}
