/// One editing key, decoded from the bytes a terminal sends (see `KeyDecoder`).
enum Key: Equatable, Sendable {
    /// A printable character, possibly several UTF-8 bytes long.
    case character(Character)
    /// CR or LF: the line is complete.
    case enter
    /// 0x7F or 0x08: delete the character before the cursor.
    case backspace
    /// ESC [3~: delete the character under the cursor.
    case delete
    case left
    case right
    /// ESC [H, ESC OH, ESC [1~, ESC [7~ or Ctrl-A.
    case home
    /// ESC [F, ESC OF, ESC [4~, ESC [8~ or Ctrl-E.
    case end
    /// Up arrow: the previous history entry.
    case up
    /// Down arrow: the next history entry.
    case down
    /// Ctrl-U: delete from the cursor to the start of the line.
    case killToStart
    /// Ctrl-K: delete from the cursor to the end of the line.
    case killToEnd
    /// Ctrl-W: delete the word before the cursor.
    case deleteWordBack
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D: end of input on an empty line, else delete under the cursor.
    case endOfFile
    /// Ctrl-L.
    case clearScreen
    /// ESC [200~: the terminal starts a bracketed paste; what follows was pasted, not typed.
    case pasteStart
    /// ESC [201~: the pasted text is over.
    case pasteEnd
    /// CR, LF or CR LF inside a paste: a line break of the pasted text, never Enter.
    case lineBreak
}
