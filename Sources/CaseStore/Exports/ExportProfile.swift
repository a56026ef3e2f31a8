/// What an export carries and for whom (docs/export.md): the survivor's own file, a referral to
/// one partner service, or de-identified Incident Recorder rows for a coordinating body.
public enum ExportProfile: String, CaseIterable, Sendable, Codable {
    case survivor
    case referral
    case incidentRecorder = "incident-recorder"
}
