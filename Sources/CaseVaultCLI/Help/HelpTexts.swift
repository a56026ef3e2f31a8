/// Which catalog entry says what about a command or an argument. Commands and arguments are
/// found in the tree (`CommandTree`); this table only names their texts. `HelpTextsTests`
/// fails when a command or an argument of the tree has no entry in a catalog.
enum HelpTexts {
    /// The one-line description of the command at `path` (the shell's `help` uses the same).
    static func abstractID(_ path: [String]) -> String {
        "cli.shell.help." + (path.isEmpty ? "casevault" : slug(path.joined(separator: "_")))
    }

    /// The longer explanation some commands have, after their options.
    static func discussionID(_ path: [String]) -> String? {
        let key = path.isEmpty ? "casevault" : slug(path.joined(separator: "_"))
        return discussions.contains(key) ? "cli.help.discussion." + key : nil
    }

    static let discussions: Set<String> = ["casevault", "case_create", "case_find", "shell", "intake", "rekey", "demo", "init",
                                           "user_add", "user_disable", "user_role", "audit_verify", "audit_checkpoint", "vault_copy"]

    /// Arguments whose meaning depends on the command (`--to` is an organisation for `refer`,
    /// a caseworker for `case assign`); every other argument has one text everywhere.
    static let perCommand: [String: String] = [
        "refer --to": "organisation", "case_assign --to": "assignee",
        "case_find name": "name_to_find", "user_add name": "new_user", "user_disable name": "user_to_disable",
        "user_enable name": "user_to_enable", "user_role name": "user_to_change", "user_role --role": "new_role",
        "backup out": "backup_out", "audit_checkpoint --out": "checkpoint_out", "verify_backup file": "backup_file",
        "passwd --new-passphrase-file": "own_new_passphrase_file",
        "init --passphrase-file": "admin_passphrase_file", "demo --vault": "demo_vault",
        "stats_table --by": "stats_by", "stats_table --from": "stats_from", "stats_table --to": "stats_to",
        "stats_table --format": "stats_format", "stats_report --format": "stats_format",
        "export_write --reason": "export_reason", "export_deny --reason": "deny_reason", "export_write --out": "export_out",
        "verify_export path": "export_file", "partner_add name": "partner_name", "partner_remove name": "partner_name",
        "partner_add recipient": "partner_recipient",
        "case_erase --reason": "erase_reason", "case_purge --reason": "purge_reason", "case_erase --confirm": "confirm_code",
        "case_purge --confirm": "confirm_code", "retention_run --confirm": "confirm_count", "case_purge --field": "purge_field",
        "case_correct --from": "correction_from", "retention_rule --none": "no_retention", "vault_copy --to": "copy_destination",
    ]

    /// The help text of `argument` in the command at `path`.
    static func argumentID(_ path: [String], _ argument: CommandTree.Argument) -> String {
        let name = argument.isPositional ? argument.key : argument.flag
        let command = slug(path.joined(separator: "_"))
        if let special = perCommand["\(command) \(name)"] { return "cli.help.arg." + special }
        return "cli.help.arg." + slug(argument.key)
    }

    /// The word shown for a value (`<day>`, `<path>`).
    static func valueID(_ valueName: String) -> String { "cli.help.value." + slug(valueName) }

    static func slug(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "_") }
}
