import CaseStore
import Foundation

/// Audit checkpoint files (`AuditCheckpoint(text:)`) and paper checkpoints as a person types them
/// (`AuditPaperCheckpoint(text:)`), both given back to `audit verify`. Property: each that parses
/// writes text that parses to the same checkpoint.
enum AuditCheckpointTarget {
    static let target = FuzzTarget(name: "audit-checkpoint") { data in
        guard let text = String(data: data, encoding: .utf8) else { return }
        if let checkpoint = AuditCheckpoint(text: text) {
            FuzzCheck.require(AuditCheckpoint(text: checkpoint.text) == checkpoint, "a checkpoint file round-trips")
        }
        if let paper = AuditPaperCheckpoint(text: text) {
            FuzzCheck.require(AuditPaperCheckpoint(text: paper.text) == paper, "a paper checkpoint round-trips")
        }
    }
}
