import PathwayMachinery
import PathwayLaw
/// One person's dated story, for a dispute (`pathway explain LOG PERSON`): each event in order
/// and what it changed (the state, the clocks started, completed or interrupted, the findings it
/// revealed), then what the audit date judges (clocks missed or still running), the rules that
/// were applied with their articles and the parameters in force, and each finding with its why.
///
/// Built by replaying the person's events one at a time through ``PersonState/apply(_:under:)``,
/// the same steps as ``Replay``: its findings are the whole replay's for this person (a test
/// holds them equal).
public struct Explanation: Sendable {
    /// One event and what it changed.
    public struct Step: Sendable {
        public var event: Event
        /// The state before and after, when it changed.
        public var transition: Outcome.Transition?
        /// Clocks this event started.
        public var started: [Deadline]
        /// Clocks this event ended: completed on time or late, or interrupted.
        public var ended: [DeadlineRecord]
        /// Findings this event revealed.
        public var findings: [Finding]
    }

    public var person: String
    public var asOf: CivilDate
    public var steps: [Step]
    /// Events dated after the audit date: listed, not replayed.
    public var after: [Event]
    /// What the audit date judges: clocks whose last day passed without the step, clocks still
    /// running, and the findings only the audit date reveals (an intensity shortfall…).
    public var closing: (records: [DeadlineRecord], findings: [Finding])
    /// The whole replay of the person, as `pathway replay` reports it.
    public var report: PersonReport
    /// Rules the log does not allow to judge (`NotJudged`): their findings are left out.
    public var notJudged: [NotJudged]
    public var parameters: Parameters
    /// The files the log was read from, in order, with their numbers of lines, when there are
    /// several: an event's line is then told as its file's (`pilotage.ndjson, ligne 7`).
    public var files: [(name: String, lines: Int)] = []
    /// The log's rejected lines that name the person (`"person":"…"` in their text): left out of
    /// the story, and told with their line and reason so that nothing of theirs goes unseen.
    public var rejected: [LineError] = []

    /// `ligne 61`, or `pilotage.ndjson, ligne 7`.
    public func place(_ error: LineError) -> String {
        (error.file.map { "\($0), " } ?? "") + "ligne \(error.line)"
    }

    /// Where the event was read: `ligne 12`, or `pilotage.ndjson, ligne 7` in a log of several files.
    public func place(_ event: Event) -> String {
        var first = 1
        if files.count > 1 {
            for file in files {
                if event.line < first + file.lines { return "\(file.name), ligne \(event.line - first + 1)" }
                first += file.lines
            }
        }
        return "ligne \(event.line)"
    }

    /// Explains `person` from its events (any order; sorted by date, then line).
    public static func person(_ person: String, events: some Sequence<Event>, asOf: CivilDate, parameters: Parameters = .law,
                              notJudged: [NotJudged] = []) -> Explanation {
        let unjudged = Set(notJudged.map(\.rule))
        let ordered = events.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        var state = PersonState(person: person)
        var steps: [Step] = []
        var after: [Event] = []
        var revealed: [Finding] = []
        for event in ordered {
            guard event.date <= asOf else { after.append(event); continue }
            let before = Set(state.deadlines(asOf: event.date, under: parameters))
            let recorded = state.records.count
            let outcome = state.apply(event, under: parameters)
            revealed += outcome.findings
            let started = state.deadlines(asOf: event.date, under: parameters).filter { !before.contains($0) }
            steps.append(Step(event: event, transition: outcome.transition, started: started,
                              ended: Array(state.records[recorded...]),
                              findings: outcome.findings.filter { !unjudged.contains($0.rule) }))
        }
        // The same report as the replay's, from the same state: the events are replayed once.
        var (report, closing) = Replay.report(of: state, findings: revealed, replayed: steps.count, afterAsOf: after.count,
                                              asOf: asOf, parameters: parameters)
        report.findings.removeAll { unjudged.contains($0.rule) }
        return Explanation(person: person, asOf: asOf, steps: steps, after: after,
                           closing: (closing.records, closing.findings.filter { !unjudged.contains($0.rule) }),
                           report: report, notJudged: notJudged, parameters: parameters)
    }

    /// Every finding, in the report's order.
    public var findings: [Finding] { report.findings }

    /// The rules that were applied to the person: those whose clock ran or whose finding was
    /// made, in the registry's order.
    public var rulesApplied: [Rule] {
        var ids = Set(findings.map(\.rule))
        for step in steps {
            ids.formUnion(step.started.map(\.rule))
            ids.formUnion(step.ended.map(\.deadline.rule))
        }
        ids.formUnion(closing.records.map(\.deadline.rule))
        return RuleRegistry.all.filter { ids.contains($0.id) }
    }

    /// Whether the person's pathway kept `rule`: `kept` (no finding; every clock met or
    /// stopped), `pending` (a clock still running at the audit date, no finding), `broken` (a
    /// violation), `toReview` (a warning), `noted` (information only).
    public enum Verdict: String, Sendable {
        case kept, pending, broken, toReview = "to_review", noted
    }

    public func verdict(_ rule: Rule) -> Verdict {
        let own = findings.filter { $0.rule == rule.id }
        if own.contains(where: { $0.severity == .violation }) { return .broken }
        if own.contains(where: { $0.severity == .warning }) { return .toReview }
        if !own.isEmpty { return .noted }
        if report.records.contains(where: { $0.deadline.rule == rule.id && $0.status == .pending }) { return .pending }
        return .kept
    }

    /// `respectée`, `enfreinte : 2 constats (violation)`, `délai en cours à la date d'audit`.
    public func verdictText(_ rule: Rule) -> String {
        let n = findings.filter { $0.rule == rule.id }.count
        let count = "\(FrenchWords.integer(n)) constat\(n > 1 ? "s" : "")"
        switch verdict(rule) {
        case .kept: return "respectée"
        case .pending: return "délai en cours à la date d'audit, rien à redire"
        case .broken: return "enfreinte : \(count) (violation)"
        case .toReview: return "à examiner : \(count) (avertissement)"
        case .noted: return "\(count) pour information, sans manquement"
        }
    }

    /// The days on which `rule` was applied to the person: its clocks' days 0 and its findings'
    /// days (the audit date when there is none).
    public func daysApplied(_ rule: Rule) -> [CivilDate] {
        var days = Set(findings.filter { $0.rule == rule.id }.map(\.date))
        days.formUnion(report.records.filter { $0.deadline.rule == rule.id }.map(\.deadline.start))
        return days.isEmpty ? [asOf] : days.sorted()
    }

    /// The rule's parameters as they were in force on the days it was applied: each distinct
    /// value once (`key = value (depuis …)`), so that a clock started under the former law shows
    /// the former value.
    public func parametersApplied(_ rule: Rule) -> [String] {
        var seen = Set<String>()
        return daysApplied(rule).flatMap { parametersInForce(rule, on: $0) }.filter { seen.insert($0).inserted }
    }

    /// The value of each of the rule's parameters in force on `date`: `key = value (depuis …)`.
    public func parametersInForce(_ rule: Rule, on date: CivilDate) -> [String] {
        let byKey = Dictionary(uniqueKeysWithValues: parameters.all.map { ($0.key, $0) })
        return rule.parameters.compactMap { key in
            guard let parameter = byKey[key] else { return nil }
            guard let period = parameter.period(on: date) else {
                return "\(key) : " + (parameter.isLocal ? "non fixé (cible locale)" : "pas en vigueur le \(date)")
            }
            let override = parameters.overrides[key].map { " — remplacé par --config (\($0))" } ?? ""
            return "\(key) = \(ParameterDescription.french(period.value))" + (period.from.map { " (depuis le \($0))" } ?? "") + override
        }
    }
}

// MARK: - Words

extension Explanation {
    /// The event in French: its kind and the facts that matter for the rules.
    public static func describe(_ event: Event) -> String {
        var text = FrenchWords.label(event.type)
        // The facts appended as they come, in parentheses, separated by commas: no array of
        // them joined afterwards (the JSON report describes every event of its hundred
        // timelines, and the array and its join were most of the cost).
        var facts = 0
        func fact(_ words: String) {
            text += facts == 0 ? " (" : ", "
            text += words
            facts += 1
        }
        switch event.kind {
        case .rightOpened(let opening):
            if opening.dutiesStated { fact(opening.subjectToDuties ? "soumis aux droits et devoirs" : "non soumis aux droits et devoirs") }
            if opening.transfer { fact("transfert") }
            if opening.datedFromApplication { fact("daté de la demande") }
        case .dutiesChanged(let subject):
            fact(subject ? "devient soumis aux droits et devoirs" : "n'est plus soumis aux droits et devoirs")
        case .rightClosed(let reason):
            fact(FrenchWords.label(reason))
        case .orientationDecided(let decision):
            fact("dominante \(dominante(decision.dominante))")
            fact(FrenchWords.label(decision.organisme))
            if let notified = decision.notified { fact("notifiée le \(notified)") }
        case .contractSigned(let terms), .contractUpdated(let terms):
            if let hours = terms.weeklyHours { fact("\(hours) h par semaine") } else { fact("sans durée hebdomadaire") }
            if let reason = terms.reductionReason { fact("motif de réduction : \(FrenchWords.reduction(reason))") }
            if let ends = terms.ends { fact("jusqu'au \(ends)") }
        case .activity(let hours, let category):
            fact(hours.description + " h, " + FrenchWords.label(category))
        case .failingRecorded(let failing, let legitimate):
            fact(FrenchWords.label(failing))
            if legitimate { fact("motif légitime") }
        case .sanctionDecided(let decision):
            fact(decision.measure == .suspension ? "suspension" : "suppression")
            if decision.percent > 0 { fact("\(decision.percent) %") }
            if decision.months > 0 { fact(FrenchWords.months(decision.months)) }
            if let starts = decision.starts { fact("à partir du \(starts)") }
            if let notified = decision.notified { fact("notifiée le \(notified)") }
            if decision.proposedByFranceTravail { fact("sur proposition de France Travail") }
        case .sanctionNotice(let terms):
            if let measure = terms.measure { fact(measure == .suspension ? "suspension" : "suppression") }
            if let percent = terms.percent { fact("\(percent) %") }
            if let months = terms.months { fact(FrenchWords.months(months)) }
        case .appointment(let purpose, let status):
            fact(FrenchWords.label(purpose))
            fact(Report.appointmentStatus(status))
        case .appealFiled(let decision):
            fact("contre la décision \(decision)")
        case .appealReferred(let appeal), .appealOpinion(let appeal):
            fact("recours \(appeal)")
        case .appealDecided(let answer):
            fact("recours \(answer.appeal)")
            fact(Report.outcomeLabel(answer.outcome))
            if answer.outcome == .reformed {
                if let measure = answer.measure { fact(measure == .suspension ? "suspension" : "suppression") }
                if let percent = answer.percent { fact("\(percent) %") }
                if let months = answer.months { fact(FrenchWords.months(months)) }
            }
        case .paymentSuspended(let reason):
            if let reason { fact("motif \(reason)") }
        default:
            break
        }
        if facts > 0 { text += ")" }
        return text
    }

    /// A finding's message without its legal basis, printed once under its rule.
    package static func short(_ finding: Finding) -> String {
        guard let rule = RuleRegistry.rule(finding.rule) else { return finding.message }
        return Report.withoutBasis(finding.message, rule)
    }

    package static func dominante(_ d: Dominante) -> String {
        switch d {
        case .emploi: "emploi"
        case .socioPro: "socio-professionnelle"
        case .social: "sociale"
        }
    }

    /// `orientation.deadline, du 2025-01-06 au 2025-02-16 (jour 0 : …)`.
    package static func describe(_ d: Deadline) -> String {
        "\(d.rule), du \(d.start) au \(d.due)" + (d.target.map { ", cible locale le \($0)" } ?? "")
            + " (jour 0 : \(origin(d.origin)))"
    }

    package static func origin(_ o: Deadline.Origin) -> String {
        switch o {
        case .rightOpened: "information reçue de l'ouverture du droit"
        case .transfer: "transfert du droit dans le département"
        case .dutiesStarted: "entrée dans les droits et devoirs"
        case .orientationNotified: "notification de l'orientation"
        case .socialOrientation: "décision d'orientation sociale"
        case .contract: "signature ou révision du contrat"
        case .reform: "entrée en vigueur de la réforme"
        }
    }

    package static func describe(_ r: DeadlineRecord) -> String {
        let d = r.deadline
        switch r.status {
        case .onTime: return "Délai tenu : \(d.rule), fait le \(r.done.map(\.description) ?? "?") (jour \(r.days ?? 0), dernier jour le \(d.due))"
        case .late: return "Délai dépassé : \(d.rule), fait le \(r.done.map(\.description) ?? "?") (jour \(r.days ?? 0)), dernier jour le \(d.due)"
        case .missing: return "Délai manqué : \(d.rule), dernier jour le \(d.due), rien de fait"
        case .pending: return "Délai en cours : \(d.rule), dernier jour le \(d.due)"
        case .cancelled: return "Délai interrompu : \(d.rule) (ouvert le \(d.start), dernier jour prévu le \(d.due))"
        }
    }
}

// MARK: - Text

extension Explanation {
    /// The story in French, for a dispute.
    public func text() -> String {
        var out = "HISTOIRE DE \(Report.visible(person)) — date d'audit : \(asOf)\n"
        out += "État à la date d'audit : \(report.status.label)\n"
        out += "\(FrenchWords.integer(steps.count)) événement\(steps.count > 1 ? "s" : "") rejoué\(steps.count > 1 ? "s" : "")"
        if !after.isEmpty { out += ", \(FrenchWords.integer(after.count)) après la date d'audit (non rejoué\(after.count > 1 ? "s" : ""))" }
        out += "\n"
        if !notJudged.isEmpty {
            out += "Règles non jugées, faute de données dans le journal : " + notJudged.map { "\($0.rule) (\($0.reason))" }.joined(separator: " ; ") + "\n"
        }
        if !rejected.isEmpty {
            out += "\nLIGNES REJETÉES DE CETTE PERSONNE (laissées de côté : l'histoire est racontée sans elles)\n"
            for error in rejected { out += "  \(place(error)) : \(error.reason(in: .french))\n" }
        }
        out += "\nLE PARCOURS, ÉVÉNEMENT PAR ÉVÉNEMENT\n"
        for step in steps {
            out += "\n\(step.event.date)  \(Explanation.describe(step.event)) [\(Report.visible(step.event.id)), \(place(step.event))]\n"
            if let t = step.transition, t.from != t.to { out += "  État : \(t.from.label) → \(t.to.label)\n" }
            for record in step.ended { out += "  \(Explanation.describe(record))\n" }
            for deadline in step.started { out += "  Délai ouvert : \(Explanation.describe(deadline))\n" }
            for finding in step.findings { out += "  Constat \(finding.rule) (\(finding.severity.label)) : \(Explanation.short(finding))\n" }
        }
        let sanctions = Report.sanctionsWithProcedure(report)
        if !sanctions.isEmpty {
            out += "\nSANCTIONS, AUDITION ET RECOURS (montants à la date d'audit)\n"
            for (sanction, procedure) in sanctions {
                out += "  \(Report.sanctionLine(sanction))\n"
                for line in procedure { out += "    \(line)\n" }
            }
        }
        out += "\nÀ LA DATE D'AUDIT (\(asOf))\n"
        if closing.records.isEmpty && closing.findings.isEmpty { out += "  Aucun délai ouvert, aucun constat de plus.\n" }
        for record in closing.records { out += "  \(Explanation.describe(record))\n" }
        for finding in closing.findings { out += "  Constat \(finding.rule) (\(finding.severity.label)) : \(Explanation.short(finding))\n" }
        for event in after { out += "  Après la date d'audit, non rejoué : \(event.date) \(Explanation.describe(event)) [\(Report.visible(event.id))]\n" }
        out += "\nRÈGLES APPLIQUÉES (paramètres en vigueur les jours où elles ont été appliquées)\n"
        for rule in rulesApplied {
            out += "\n\(rule.id) — \(rule.title)\n"
            out += "  Pour cette personne : \(verdictText(rule)) — gravité d'un manquement : \(rule.severity.label)\n"
            out += "  Base : \(rule.references.map(\.description).joined(separator: " ; "))\n"
            out += "  \(rule.summary)\n"
            out += "  Confiance : \(rule.confidence.tag) (\(rule.confidence.meaning))\n"
            out += "  Appliquée le " + daysApplied(rule).map(\.description).joined(separator: ", ") + "\n"
            for line in parametersApplied(rule) { out += "  Paramètre \(line)\n" }
        }
        out += "\nCONSTATS (\(FrenchWords.integer(findings.count))), chacun avec sa base sous sa règle ci-dessus\n"
        if findings.isEmpty { out += "  Aucun constat.\n" }
        for f in findings {
            out += "  - \(f.rule) (\(f.severity.label)) le \(f.due ?? f.date)" + (f.event.map { ", événement \($0)" } ?? "") + " : \(Explanation.short(f))\n"
        }
        return out
    }
}

// MARK: - JSON

extension Explanation {
    /// The same story as data: `steps[]` (event, state change, clocks started and ended,
    /// findings), `at_as_of`, `rules[]` with their parameters in force, `findings[]`.
    public func json(generator: String = "pathway") -> String {
        func date(_ d: CivilDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        func deadline(_ d: Deadline) -> JSONValue {
            .object([("rule", .string(d.rule.rawValue)), ("start", date(d.start)), ("due", date(d.due)),
                     ("target", date(d.target)), ("event", .string(d.event)), ("origin", .string(d.origin.rawValue))])
        }
        func record(_ r: DeadlineRecord) -> JSONValue {
            .object([("rule", .string(r.deadline.rule.rawValue)), ("start", date(r.deadline.start)), ("due", date(r.deadline.due)),
                     ("status", .string(r.status.rawValue)), ("done", date(r.done)), ("event", .string(r.deadline.event))])
        }
        func finding(_ f: Finding) -> JSONValue {
            .object([("rule", .string(f.rule.rawValue)), ("severity", .string(f.severity.rawValue)), ("date", date(f.date)),
                     ("due", date(f.due)), ("done", date(f.done)), ("event", f.event.map { .string($0) } ?? .null),
                     ("message", .string(f.message))])
        }
        let stepValues: [JSONValue] = steps.map { step in
            .object([("event", .string(step.event.id)), ("line", .number(String(step.event.line))), ("read_at", .string(place(step.event))), ("date", date(step.event.date)),
                      ("type", .string(step.event.type.rawValue)), ("description", .string(Explanation.describe(step.event))),
                      ("state_before", step.transition.map { .string($0.from.rawValue) } ?? .null),
                      ("state_after", step.transition.map { .string($0.to.rawValue) } ?? .null),
                      ("clocks_started", .array(step.started.map(deadline))),
                      ("clocks_ended", .array(step.ended.map(record))),
                      ("findings", .array(step.findings.map(finding)))])
        }
        let rules: [JSONValue] = rulesApplied.map { rule in
            .object([("id", .string(rule.id.rawValue)), ("severity", .string(rule.severity.rawValue)), ("title", .string(rule.title)),
                     ("verdict", .string(verdict(rule).rawValue)),
                     ("references", .array(rule.references.map { .string($0.description) })),
                     ("confidence", .string(rule.confidence.tag)),
                     ("days_applied", .array(daysApplied(rule).map { .string($0.description) })),
                     ("parameters_in_force", .array(parametersApplied(rule).map { .string($0) }))])
        }
        let value = JSONValue.object([
            ("generator", .string(generator)), ("person", .string(person)), ("as_of", date(asOf)),
            ("state", .string(report.status.rawValue)),
            ("not_judged", .array(notJudged.map { .object([("rule", .string($0.rule.rawValue)), ("reason", .string($0.reason))]) })),
            ("rejected", .array(rejected.map { error in
                .object((error.file.map { [("file", JSONValue.string($0))] } ?? []) + [("line", .number(String(error.line))),
                        ("field", error.field.map { .string($0) } ?? .null), ("code", .string(error.code)), ("reason", .string(error.reason(in: .french)))])
            })),
            ("steps", .array(stepValues)),
            ("sanctions", .array(Report.sanctionsWithProcedure(report).map { s, procedure in
                .object([("event", .string(s.record.event)), ("description", .string(Report.sanctionLine(s))),
                         ("procedure", .array(procedure.map { .string($0) }))])
            })),
            ("at_as_of", .object([("clocks", .array(closing.records.map(record))), ("findings", .array(closing.findings.map(finding)))])),
            ("after_as_of", .array(after.map { .object([("event", .string($0.id)), ("date", date($0.date)), ("type", .string($0.type.rawValue))]) })),
            ("rules", .array(rules)),
            ("findings", .array(findings.map(finding))),
        ])
        return value.serialized() + "\n"
    }
}

// MARK: - HTML

extension Explanation {
    /// The story as one self-contained page, printable, in French.
    public func html(generator: String = "pathway") -> String {
        var h = HTMLText()
        h.raw("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"\(HTMLText.escape(generator))\">\n")
        h.raw("<title>Histoire de \(HTMLText.escape(person))</title>\n<style>\n\(Report.css)\n.step { border-left: 3px solid #000091; margin: .6rem 0; padding-left: .6rem; } .step p { margin: .15rem 0; } .verdict.kept { color: #18753c; } .verdict.broken { color: #c9191e; font-weight: bold; } .verdict.to_review { color: #b34000; }\n</style>\n</head>\n<body>\n")
        h.raw("<header><h1>Histoire de \(HTMLText.escape(person))</h1><p class=\"meta\">Date d'audit : <strong id=\"as-of\">\(asOf)</strong> — état : <strong id=\"state\">\(HTMLText.escape(report.status.label))</strong></p></header>\n<main>\n")
        if !notJudged.isEmpty {
            h.raw("<p class=\"note\">Règles non jugées, faute de données dans le journal : \(HTMLText.escape(notJudged.map { "\($0.rule) (\($0.reason))" }.joined(separator: " ; ")))</p>\n")
        }
        if !rejected.isEmpty {
            h.raw("<section id=\"rejetees\" class=\"note\" role=\"alert\"><h2>Lignes rejetées de cette personne</h2><p>Laissées de côté : l'histoire est racontée sans elles.</p><ul>\n")
            for error in rejected { h.raw("<li>\(HTMLText.escape(place(error))) : \(HTMLText.escape(error.reason(in: .french)))</li>\n") }
            h.raw("</ul></section>\n")
        }
        timeline(&h)
        h.raw("<section id=\"parcours\"><h2>Le parcours, événement par événement</h2>\n")
        for step in steps {
            h.raw("<div class=\"step\" id=\"e-\(HTMLText.anchor(step.event.id))\"><p><strong>\(step.event.date)</strong> — \(HTMLText.escape(Explanation.describe(step.event))) <code>\(HTMLText.escape(step.event.id))</code>, \(HTMLText.escape(place(step.event)))</p>\n")
            if let t = step.transition, t.from != t.to { h.raw("<p>État : \(HTMLText.escape(t.from.label)) → \(HTMLText.escape(t.to.label))</p>\n") }
            for record in step.ended { h.raw("<p>\(HTMLText.escape(Explanation.describe(record)))</p>\n") }
            for deadline in step.started { h.raw("<p>Délai ouvert : \(HTMLText.escape(Explanation.describe(deadline)))</p>\n") }
            for finding in step.findings { h.raw("<p class=\"\(finding.severity.rawValue)\"><span class=\"badge\">\(HTMLText.escape(finding.severity.label))</span> <code>\(finding.rule)</code> : \(HTMLText.escape(finding.message))</p>\n") }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
        if !report.sanctions.isEmpty {
            h.raw("<section id=\"sanctions\"><h2>Sanctions, audition et recours (montants à la date d'audit)</h2>\n")
            h.sanctions(of: report)
            h.raw("</section>\n")
        }
        h.raw("<section id=\"date-audit\"><h2>À la date d'audit</h2>\n")
        if closing.records.isEmpty && closing.findings.isEmpty { h.raw("<p>Aucun délai ouvert, aucun constat de plus.</p>\n") }
        for record in closing.records { h.raw("<p>\(HTMLText.escape(Explanation.describe(record)))</p>\n") }
        for finding in closing.findings { h.raw("<p class=\"\(finding.severity.rawValue)\"><span class=\"badge\">\(HTMLText.escape(finding.severity.label))</span> <code>\(finding.rule)</code> : \(HTMLText.escape(finding.message))</p>\n") }
        for event in after { h.raw("<p>Après la date d'audit, non rejoué : \(event.date) \(HTMLText.escape(Explanation.describe(event))) <code>\(HTMLText.escape(event.id))</code></p>\n") }
        h.raw("</section>\n<section id=\"regles\"><h2>Règles appliquées (paramètres en vigueur les jours où elles ont été appliquées)</h2>\n<table><thead><tr><th>règle</th><th>pour cette personne</th><th>gravité d'un manquement</th><th>base et confiance</th><th>paramètres</th></tr></thead><tbody>\n")
        for rule in rulesApplied {
            h.raw("<tr><td><code>\(rule.id)</code><br>\(HTMLText.escape(rule.title))</td><td class=\"verdict \(verdict(rule).rawValue)\">\(HTMLText.escape(verdictText(rule)))</td><td>\(HTMLText.escape(rule.severity.label))</td><td>\(HTMLText.escape(rule.references.map(\.description).joined(separator: " ; ")))<br>confiance \(rule.confidence.tag)</td><td>\(HTMLText.escape(parametersApplied(rule).joined(separator: " ; ")))</td></tr>\n")
        }
        h.raw("</tbody></table></section>\n<section id=\"constats\"><h2>Constats (<span id=\"findings-count\">\(findings.count)</span>)</h2>\n<ul>\n")
        for f in findings { h.raw("<li class=\"\(f.severity.rawValue)\"><span class=\"badge\">\(HTMLText.escape(f.severity.label))</span> <code>\(f.rule)</code> le \(f.due ?? f.date) : \(HTMLText.escape(f.message))</li>\n") }
        h.raw("</ul></section>\n</main>\n<footer>Produit par \(HTMLText.escape(generator)), sans horloge ni réseau. Confiance : [P] texte primaire lu ; [S] source secondaire ; [I] interprétation du projet, paramétrable.</footer>\n")
        h.raw("<script>\n\(Report.script)\n</script>\n</body>\n</html>\n")
        return h.text
    }

    /// The timeline (``HTMLText/timeline(of:events:records:findings:)``) with its legend.
    private func timeline(_ h: inout HTMLText) {
        h.raw("<figure id=\"frise\">")
        h.timeline(of: person, events: steps.map(\.event), records: report.records, findings: findings,
                   sanctions: report.sanctions, appeals: report.state.appeals, table: parameters.rules.table, asOf: asOf)
        h.raw("<figcaption>Traits : les événements ; barres : les délais, du jour 0 au dernier jour (vert tenu, rouge dépassé ou manqué, bleu en cours ou interrompu), les sanctions de leur premier jour à leur fin, les recours de leur réception à leur réponse ; points : le jour où l'étape a été faite ; triangles : les constats.</figcaption></figure>\n")
    }
}
