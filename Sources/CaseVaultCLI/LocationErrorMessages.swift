import PostgresStorage

/// The user's words for a refused server location or database password. Payloads are parameter
/// names, the `sslmode` value and file paths the user typed; never a password.
enum LocationErrorMessages {
    static func text(for error: PostgresLocationError, messages: Messages) -> String {
        switch error {
        case .unsupportedScheme: messages("cli.error.location.unsupported_scheme")
        case .passwordInURL: messages("cli.error.location.password_in_url")
        case .missingUser: messages("cli.error.location.missing_user")
        case .missingHost: messages("cli.error.location.missing_host")
        case .missingDatabase: messages("cli.error.location.missing_database")
        case .invalidPort: messages("cli.error.location.invalid_port")
        case .malformed: messages("cli.error.location.malformed")
        case .unknownParameter(let name): messages("cli.error.location.unknown_parameter", ["name": TerminalSafeText.escaped(name)])
        case .duplicateParameter(let name): messages("cli.error.location.duplicate_parameter", ["name": TerminalSafeText.escaped(name)])
        case .invalidSSLMode(let value): messages("cli.error.location.invalid_sslmode", ["value": TerminalSafeText.escaped(value)])
        case .rootCertificateWithoutVerification: messages("cli.error.location.root_certificate_without_verification")
        case .conflictingPasswordSources: messages("cli.error.location.conflicting_password_sources")
        case .passwordFileUnreadable(let path): messages("cli.error.location.password_file_unreadable", ["path": TerminalSafeText.escaped(path)])
        case .passwordFileExposed(let path): messages("cli.error.location.password_file_exposed", ["path": TerminalSafeText.escaped(path)])
        }
    }
}
