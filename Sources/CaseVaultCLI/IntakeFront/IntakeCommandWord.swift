import Intake
import Transliteration

/// The words the intake dialogue takes as commands instead of answers: `?` help, `<` back, and
/// `review`/`save` with their words in every language of the catalogs (`pregled`/`sačuvaj`,
/// `преглед`/`сачувај`, `dikhipe`/`garav`), accepted in any session language and compared
/// folded (`sacuvaj` is `sačuvaj`), so a worker's habit from another language still works.
enum IntakeCommandWord: Equatable {
    case help, back, review, save

    /// The command `typed` names, or nil for an answer.
    init?(_ typed: String) {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "?": self = .help
        case "<": self = .back
        default:
            let key = NameFolding.searchKey(trimmed)
            guard !key.isEmpty else { return nil }
            if Self.words.review.contains(key) {
                self = .review
            } else if Self.words.save.contains(key) {
                self = .save
            } else {
                return nil
            }
        }
    }

    /// The folded words of every catalog, read once.
    static let words: (review: Set<String>, save: Set<String>) = {
        let catalogs = (try? IntakeResources.catalogs()) ?? []
        func all(_ id: String, _ english: String) -> Set<String> {
            var words: Set<String> = [english]
            for catalog in catalogs {
                for word in (catalog.text(id) ?? "").split(separator: "|") { words.insert(NameFolding.searchKey(String(word))) }
            }
            return words.subtracting([""])
        }
        return (all(reviewID, "review"), all(saveID, "save"))
    }()

    static let reviewID = "cli.intake.words.review"
    static let saveID = "cli.intake.words.save"

    /// The word to show for `review` or `save` in the session's language (its first word).
    static func shown(_ id: String, _ messages: Messages) -> String {
        messages(id).split(separator: "|").first.map(String.init) ?? id
    }
}
