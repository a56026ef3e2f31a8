import CaseStore

/// One synthetic case and what the demo does with it after intake: who gets it, and the notes,
/// plan, follow-up, referrals and closure it receives through the normal session API.
struct DemoCase {
    /// What the intake records.
    var document: CaseDocument
    /// The caseworker who takes the case in (and creates it).
    var intakeBy: String
    /// The caseworker the supervisor hands the case over to afterwards, if any.
    var handedOverTo: String?
    var note: String?
    var plan: String?
    var followUp: (due: String, note: String)?
    /// Services (all of them consented to) and the invented organisation for each.
    var referrals: [(service: ReferralService, organisation: String)] = []
    var closure: ClosureReason?

    /// Who works on the case once it is assigned.
    var assignee: String { handedOverTo ?? intakeBy }

    /// Whether anything happens to the case after it is created.
    var hasWork: Bool {
        note != nil || plan != nil || followUp != nil || !referrals.isEmpty || closure != nil
    }
}
