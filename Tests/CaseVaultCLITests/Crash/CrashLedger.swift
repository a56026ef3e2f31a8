import CaseStore
import Foundation

/// What the crash harness knows the vault must hold: every write a command acknowledged (exit 0)
/// and, for a command that was killed, the two states its target may be in. After each check the
/// state seen becomes the known state, since a write that was seen once must stay.
struct CrashLedger {
    /// Cases that are present, with the texts of their notes in order.
    var notes: [String: [String]] = [:]
    /// Cases whose erasure was acknowledged or seen.
    var erased: Set<String> = []
    /// Closed cases the retention rule makes due (not picked for notes, exports or erasure).
    var due: Set<String> = []
    /// Killed intakes whose case may or may not exist.
    var killedIntakes = 0
    /// A killed note: the case and the text that may or may not be there.
    var killedNote: (code: String, text: String)?
    /// Cases a killed command may have erased.
    var maybeErased: Set<String> = []
    /// The key version the acknowledged rekeys reached, and how many more a killed one may add.
    var keyVersion = 1
    var killedRekeys = 0

    /// Open cases a command may work on.
    var workable: [String] { notes.keys.filter { !due.contains($0) }.sorted() }
}
