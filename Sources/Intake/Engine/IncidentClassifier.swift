/// The GBVIMS decision of domain.md: the questions are asked in `GBVType.decisionOrder` and the
/// first "yes" decides the type; no "yes" means not GBV. The type never changes which services
/// are offered; context flags are recorded separately.
public enum IncidentClassifier {
    /// The type for the given answers (unanswered types count as "no").
    public static func classify(_ answers: [GBVType: Bool]) -> GBVType {
        GBVType.decisionOrder.first { answers[$0] == true } ?? .nonGBV
    }
}
