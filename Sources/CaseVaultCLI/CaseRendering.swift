import CaseStore

/// How cases look on screen and in JSON.
enum CaseRendering {
    /// The JSON form of `case show`: metadata plus the document in its import format, except
    /// that the intake answers are JSON values (`AnswerJSON`), not JSON held in strings.
    struct JSONCase: Encodable {
        let code: String
        let status: CaseStatus
        let assignee: String?
        let createdDay: String
        let updatedDay: String
        let version: Int
        let document: JSONDocument

        init(_ record: CaseRecord) {
            code = record.code.rawValue
            status = record.status
            assignee = record.assignee
            createdDay = record.createdDay
            updatedDay = record.updatedDay
            version = record.version
            document = JSONDocument(record.document)
        }
    }

    /// `CaseDocument`'s keys, with `intake` as question id → JSON value.
    struct JSONDocument: Encodable {
        let survivor: CaseDocument.Survivor
        let incident: CaseDocument.Incident
        let consent: CaseDocument.Consent
        let intake: [String: AnswerJSON]?
        let work: CaseWork?

        init(_ document: CaseDocument) {
            survivor = document.survivor
            incident = document.incident
            consent = document.consent
            work = document.work
            intake = document.intake.map { stored in
                let answers = CaseAnswers(stored)
                var values = answers.answers.mapValues { AnswerJSON.answer($0) }
                if let form = answers.form { values["form"] = .answer(.raw(form)) }
                return values
            }
        }
    }

    /// `case show` as text, in the user's language, wrapped to `width` columns when given (a
    /// terminal): the title, the danger alert when the intake recorded immediate danger, the
    /// safety panel, then every intake answer by section (`IntakeAnswerLines`) or, for an
    /// imported case, its document fields, then the work on the case. Survivor data is shown as
    /// entered, each stored text escaped (`TerminalSafeText`); narratives, plans and notes keep
    /// their lines.
    static func text(_ record: CaseRecord, _ messages: Messages, width: Int? = nil) -> String {
        let safe = TerminalSafeText.escaped
        let document = record.document
        var lines = [
            messages("cli.case.title", ["code": safe(record.code.rawValue), "status": messages.label(record.status),
                                        "version": String(record.version)]),
            messages("cli.case.dates", ["created": safe(messages.day(record.createdDay)), "updated": safe(messages.day(record.updatedDay)),
                                        "assignee": record.assignee.map(safe) ?? messages("cli.case.nobody")]),
        ]
        let answers = CaseAnswers(document.intake)
        if answers.immediateDanger { lines += [""] + DangerAlert.lines(messages) }
        let form = answers.answers.isEmpty ? nil : IntakeAnswerLines.standardForm()
        lines += SafetyPanel.lines(document, answers, form: form, messages)
        if let form, let localizer = messages.localizer {
            let rendering = IntakeAnswerLines(form: form, localizer: localizer, messages: messages, answers: answers)
            lines += rendering.sections(excluding: Set(SafetyPanel.questions), incidentType: document.incident.type)
        } else {
            lines += documentLines(document, messages)
        }
        if let work = document.work { lines += workLines(work, messages) }
        return TextWrapping.wrap(lines, width: width).joined(separator: "\n")
    }

    /// The document's own fields, for a case imported without intake answers.
    static func documentLines(_ document: CaseDocument, _ messages: Messages) -> [String] {
        let safe = TerminalSafeText.escaped
        let survivor = document.survivor
        let labels = [
            "name": messages("cli.case.label.name"), "phone": messages("cli.case.label.phone"),
            "born": messages("cli.case.label.born"), "sex": messages("cli.case.label.sex"),
            "municipality": messages("cli.case.label.municipality"), "language": messages("cli.case.label.language"),
            "date": messages("cli.case.label.date"), "type": messages("cli.case.label.type"),
            "statistics": messages("cli.case.label.statistics"), "sharing": messages("cli.case.label.sharing"),
        ]
        let width = TextLayout.labelWidth(Array(labels.values))
        func fields(_ fields: [(String, String?)]) -> [String] {
            TextLayout.fields(fields.compactMap { label, value in value.map { (labels[label] ?? label, safe($0)) } }, indent: "  ", width: width)
        }
        var lines = ["", messages("cli.case.section.survivor")]
        lines += fields([
            ("name", survivor.name), ("born", survivor.birthDate.map(messages.day)),
            ("sex", survivor.sex.map(messages.label)), ("municipality", survivor.municipality.map(messages.municipality)),
            ("language", survivor.language.map(messages.languageName)),
        ])
        lines += ["", messages("cli.case.section.incident")]
        lines += fields([("date", document.incident.date.map(messages.day)), ("type", document.incident.type.map(messages.label))])
        if let narrative = document.incident.narrative {
            lines.append("  " + messages("cli.case.label.account") + ":")
            lines += TerminalSafeText.escapedLines(narrative).map { "    " + $0 }
        }
        lines += ["", messages("cli.case.section.consent")]
        lines += fields([("statistics", messages.yesNo(document.consent.statistics))])
        if let sharing = document.consent.sharing {
            let services = sharing.isEmpty ? messages("cli.case.sharing_none") : sharing.map(messages.label).joined(separator: ", ")
            lines += fields([("sharing", services)])
        }
        return lines
    }

    /// Referrals, notes, follow-ups, the plan and the closure, in the order a worker reads them.
    static func workLines(_ work: CaseWork, _ messages: Messages) -> [String] {
        let safe = TerminalSafeText.escaped
        var lines: [String] = []
        if !work.referrals.isEmpty {
            lines += ["", messages("cli.case.section.referrals")] + work.referrals.map {
                "  " + messages("cli.case.referral", ["day": safe(messages.day($0.day)), "service": messages.label($0.service),
                                                      "organisation": safe($0.organisation), "by": safe($0.by)])
            }
        }
        if !work.notes.isEmpty {
            lines += ["", messages("cli.case.section.notes")]
            for note in work.notes {
                lines.append("  " + messages("cli.case.note", ["at": safe(messages.minute(note.at)), "author": safe(note.author)]))
                lines += TerminalSafeText.escapedLines(note.text).map { "    " + $0 }
            }
        }
        if !work.followUps.isEmpty {
            lines += ["", messages("cli.case.section.follow_ups")]
            for followUp in work.followUps {
                lines.append("  " + messages("cli.case.follow_up", ["day": safe(messages.day(followUp.due)), "by": safe(followUp.createdBy)]))
                lines += followUp.note.map { TerminalSafeText.escapedLines($0).map { "    " + $0 } } ?? []
            }
        }
        if let plan = work.plan {
            lines += ["", messages("cli.case.section.plan")] + TerminalSafeText.escapedLines(plan).map { "  " + $0 }
        }
        if let closure = work.closure {
            lines += ["", messages("cli.case.closed", ["day": safe(messages.day(closure.day)), "by": safe(closure.by),
                                                       "reason": messages.label(closure.reason)])]
        }
        return lines
    }

    static func summaries(_ summaries: [CaseSummary], format: OutputFormat, console: Console) throws {
        let messages = console.messages
        switch format {
        case .json:
            console.output(try JSONRendering.string(summaries))
        case .text:
            guard !summaries.isEmpty else {
                console.output(messages("cli.case.none"))
                return
            }
            let header = [messages("cli.case.column.code"), messages("cli.case.column.status"), messages("cli.case.column.assignee"),
                          messages("cli.case.column.created"), messages("cli.case.column.updated"), messages("cli.case.column.version")]
            let rows = summaries.map { summary in
                [summary.code, messages.label(summary.status), summary.assignee ?? "-",
                 messages.day(summary.createdDay), messages.day(summary.updatedDay), String(summary.version)].map(TerminalSafeText.escaped)
            }
            for line in TextLayout.table(header: header, rows: rows) { console.output(line) }
        }
    }
}
