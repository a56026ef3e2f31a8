/// The shell's prompt, `user (role) [lang]> `, shortened on a narrow terminal so at least two
/// thirds of the row are left to type in: first to `user> `, then to `> `.
enum ShellPrompt {
    static func text(user: String, role: String, language: String, width: Int?) -> String {
        let candidates = ["\(user) (\(role)) [\(language)]> ", "\(user)> ", "> "]
        guard let width else { return candidates[0] }
        return candidates.first { LineRenderer.columns(of: $0) * 3 <= width } ?? candidates[candidates.count - 1]
    }
}
