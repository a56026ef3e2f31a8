import ArgumentParser
import CaseStore

/// A case code typed on the command line (`K7Q4-M2XA`, lower case and look-alike letters read as
/// `CaseCode` reads them). It keeps the words as typed, so a message about a code that is not
/// there can show what the user wrote beside what was looked up.
struct CaseCodeArgument: ExpressibleByArgument, Sendable {
    let code: CaseCode
    let typed: String

    init?(argument: String) {
        guard let code = CaseCode(argument) else { return nil }
        self.code = code
        typed = argument
    }

    /// The code was read differently from how it was typed (`nope-0000` is `N0PE-0000`).
    var wasNormalized: Bool { typed != code.rawValue }
}

extension AuditAction: ExpressibleByArgument {}
