import CaseStore

/// How cases look on screen and in JSON.
enum CaseRendering {
    /// The JSON form of `case show`: metadata plus the document in its import format.
    struct JSONCase: Encodable {
        let code: String
        let status: CaseStatus
        let assignee: String?
        let createdDay: String
        let updatedDay: String
        let version: Int
        let document: CaseDocument

        init(_ record: CaseRecord) {
            code = record.code.rawValue
            status = record.status
            assignee = record.assignee
            createdDay = record.createdDay
            updatedDay = record.updatedDay
            version = record.version
            document = record.document
        }
    }

    static func text(_ record: CaseRecord) -> String {
        let document = record.document
        var lines = [
            "Case \(record.code.rawValue) (\(record.status.rawValue), version \(record.version))",
            "Created \(record.createdDay), updated \(record.updatedDay), assigned to \(record.assignee ?? "nobody")",
            "",
            "Survivor",
            "  Name:         \(document.survivor.name)",
        ]
        let survivor = document.survivor
        lines += optionalLines([
            ("Phone", survivor.phone), ("Born", survivor.birthDate), ("Sex", survivor.sex?.rawValue),
            ("Municipality", survivor.municipality), ("Language", survivor.language),
        ])
        lines += ["", "Incident"]
        lines += optionalLines([("Date", document.incident.date), ("Type", document.incident.type?.rawValue)])
        if let narrative = document.incident.narrative {
            lines.append("  Account:")
            lines += narrative.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        lines += ["", "Consent", "  Statistics:   \(document.consent.statistics ? "yes" : "no")"]
        if let sharing = document.consent.sharing {
            lines.append("  Sharing:      " + (sharing.isEmpty ? "none" : sharing.map(\.rawValue).joined(separator: ", ")))
        }
        if let work = document.work { lines += workLines(work) }
        return lines.joined(separator: "\n")
    }

    static func workLines(_ work: CaseWork) -> [String] {
        var lines: [String] = []
        if let plan = work.plan {
            lines += ["", "Plan"] + plan.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        if !work.notes.isEmpty {
            lines += ["", "Notes"]
            for note in work.notes {
                lines.append("  \(note.at) \(note.author):")
                lines += note.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        if !work.followUps.isEmpty {
            lines += ["", "Follow-ups"] + work.followUps.map { "  due \($0.due) (\($0.createdBy))" }
        }
        if !work.referrals.isEmpty {
            lines += ["", "Referrals"] + work.referrals.map { "  \($0.day) \($0.service.rawValue) → \($0.organisation) (\($0.by))" }
        }
        if let closure = work.closure {
            lines += ["", "Closed \(closure.day) by \(closure.by): \(closure.reason.rawValue)"]
        }
        return lines
    }

    private static func optionalLines(_ fields: [(String, String?)]) -> [String] {
        fields.compactMap { label, value in
            value.map { "  " + (label + ":").padding(toLength: 14, withPad: " ", startingAt: 0) + $0 }
        }
    }

    static func summaries(_ summaries: [CaseSummary], format: OutputFormat, console: Console) throws {
        switch format {
        case .json:
            console.output(try JSONRendering.string(summaries))
        case .text:
            guard !summaries.isEmpty else {
                console.output("No cases.")
                return
            }
            console.output("CODE       STATUS  ASSIGNEE        CREATED     UPDATED     VERSION")
            for summary in summaries {
                let assignee = (summary.assignee ?? "-").padding(toLength: 15, withPad: " ", startingAt: 0)
                console.output("\(summary.code)  \(summary.status.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(assignee) \(summary.createdDay)  \(summary.updatedDay)  \(summary.version)")
            }
        }
    }
}
