/// Why an Incident Recorder export could not be made. Never carries survivor data.
public enum IncidentRecorderError: Error, Equatable, Sendable {
    /// The reporting agency code is empty, too long, or not letters, digits, `-`, `_`, `.`, `/`
    /// and spaces starting with a letter or digit (so no spreadsheet takes it for a formula).
    case invalidAgencyCode
    /// The system's random generator failed; no code was made up without it.
    case randomUnavailable
}
