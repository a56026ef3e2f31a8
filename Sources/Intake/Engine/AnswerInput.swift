/// An answer as a front gives it: a typed line, raw bytes from a terminal (checked for valid
/// UTF-8), or an already typed value (from an `--answers` file or a test).
public enum AnswerInput: Equatable, Sendable {
    case typed(String)
    case bytes([UInt8])
    case value(AnswerValue)
}
