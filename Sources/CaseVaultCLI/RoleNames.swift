import CaseStore

/// A role named in the grammatical gender its holder chose (`casevault profile`): the feminine
/// form is the plain `cli.role.*` message, the masculine one `cli.role.*.masculine`.
extension Messages {
    func label(_ role: Role, _ gender: GrammaticalGender) -> String {
        switch gender {
        case .feminine: label(role)
        case .masculine: self("cli.role.\(role.rawValue).masculine")
        }
    }
}
