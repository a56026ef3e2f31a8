import CaseStore

/// Why a referral export was refused. Names the service only, never survivor data.
public enum ReferralProfileError: Error, Equatable, Sendable {
    /// The survivor has not agreed (or no longer agrees) that her information goes to this service.
    case noConsent(ReferralService)
}
