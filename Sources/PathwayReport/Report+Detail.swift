import PathwayLaw
/// A person's detail in the text report ("DÉTAIL PAR PERSONNE"), written from what the JSON
/// report says of them, so that a merged report (`pathway merge`) writes it as the replay does:
/// the replay builds the same values from the person's state.
package struct PersonDetail {
    /// The facts of the pathway (``Report/personFacts(_:)``).
    package enum Right {
        case never
        case open(since: CivilDate, received: CivilDate?)
        case closed(on: CivilDate, reason: ClosureReason)
    }
    package var person: String
    package var status: PathwayStatus
    package var right: Right = .never
    package var transferred = false
    package var subjectToDuties = true
    package var registeredOn: CivilDate?
    package var orientation: (date: CivilDate, notified: CivilDate, dominante: Dominante, organisme: Organisme)?
    package var diagnosticOn: CivilDate?
    package var contract: (date: CivilDate, event: String, weeklyHours: Hours?, ends: CivilDate?)?
    package var signed: (date: CivilDate, event: String, weeklyHours: Hours?)?
    package var sinceOrientation = false
    /// The deadlines still running at the report date, and whether each has passed.
    package var deadlines: [(rule: String, due: CivilDate, passed: Bool)] = []
    /// `nil` when no week was under contract.
    package var intensity: (weeks: Int, average: Hours?, meeting: Int, byCategory: CategoryHours)?
    /// Each sanction's line and its procedure's lines.
    package var sanctions: [(line: String, procedure: [String])] = []
    package var findings: [Finding] = []

    /// From a replayed person.
    package init(_ p: PersonReport, asOf: CivilDate?) {
        let s = p.state
        person = p.person
        status = p.status
        switch s.right {
        case .never: right = .never
        case .open(let since, _): right = .open(since: since, received: s.receivedOn)
        case .closed(let on, let reason): right = .closed(on: on, reason: reason)
        }
        transferred = s.transferred
        subjectToDuties = s.subjectToDuties
        registeredOn = s.registeredOn
        orientation = s.orientation.map { ($0.date, $0.notified, $0.decision.dominante, $0.decision.organisme) }
        diagnosticOn = s.diagnosticOn
        contract = s.contract.map { ($0.date, $0.event, $0.terms.weeklyHours, $0.terms.ends) }
        signed = s.signed.map { ($0.date, $0.event, $0.terms.weeklyHours) }
        sinceOrientation = s.contractSinceOrientation
        deadlines = p.deadlines.map { d in (d.rule.rawValue, d.due, asOf.map { d.due < $0 } ?? false) }
        if p.intensity.weeksUnderContract > 0 {
            intensity = (p.intensity.weeksUnderContract, p.intensity.averageHoursPerWeek, p.intensity.weeksMeetingPlan, p.intensity.byCategory)
        }
        sanctions = Report.sanctionsWithProcedure(p).map { (Report.sanctionLine($0.sanction), $0.procedure) }
        findings = p.findings
    }

    /// From the person's entry of a JSON report (`people[]`) and their findings.
    package init(json: JSONValue, findings: [Finding], at path: String) throws(ReportReadError) {
        let r = ReportReader(json, path + " (people)")
        func hours(_ keys: String...) throws(ReportReadError) -> Hours? {
            guard case .number(let text)? = r.find(keys), let cents = Cents.parse(text) else { return nil }
            return Hours(hundredths: Int(cents.value))
        }
        person = try r.string("person")
        status = try r.value("state") as PathwayStatus
        if case .object? = r.find(["right"]) {
            if try r.string("right", "status") == "open" {
                right = .open(since: try r.date("right", "opened"), received: try r.optionalDate("right", "received"))
            } else {
                right = .closed(on: try r.date("right", "closed"), reason: try r.value("right", "reason") as ClosureReason)
            }
        }
        transferred = try r.bool("transfer")
        subjectToDuties = try r.bool("subject_to_duties")
        registeredOn = try r.optionalDate("registered")
        if let oriented = try r.optionalDate("oriented"), let notified = try r.optionalDate("notified") {
            orientation = (oriented, notified, try r.value("dominante") as Dominante, try r.value("organisme") as Organisme)
        }
        diagnosticOn = try r.optionalDate("diagnostic")
        if case .object? = r.find(["contract"]) {
            contract = (try r.date("contract", "date"), try r.string("contract", "event"), try hours("contract", "weekly_hours"),
                        try r.optionalDate("contract", "ends"))
            sinceOrientation = try r.bool("contract", "since_orientation")
            if case .object? = r.find(["contract", "signed"]) {
                signed = (try r.date("contract", "signed", "date"), try r.string("contract", "signed", "event"),
                          try hours("contract", "signed", "weekly_hours"))
            }
        }
        for d in try r.array("deadlines") {
            let m = ReportReader(d, r.path)
            deadlines.append((try m.string("rule"), try m.date("due"), try m.bool("passed")))
        }
        let weeks = try r.int("intensity", "weeks_under_contract")
        if weeks > 0 {
            var byCategory = CategoryHours()
            for category in ActivityCategory.allCases {
                byCategory[category] = try hours("intensity", "hours_by_category", category.rawValue) ?? .zero
            }
            intensity = (weeks, try hours("intensity", "average_hours_per_week"), try r.int("intensity", "weeks_meeting_plan"), byCategory)
        }
        for s in try r.array("sanctions") {
            let m = ReportReader(s, r.path)
            let amounts: (withheld: Cents, refunded: Cents, lost: Cents)?
            if case .number? = m.find(["withheld"]) {
                amounts = (try m.cents("withheld"), try m.cents("refunded"), try m.cents("lost"))
            } else {
                amounts = nil
            }
            let measure = try m.string("measure")
            let line = Report.sanctionLine(event: try m.string("event"), date: try m.date("date"), suspension: measure == "suspension",
                                           percent: try m.int("percent"), months: try m.int("months"), starts: try m.date("starts"),
                                           ends: try m.date("ends"),
                                           basis: SanctionBasis(rawValue: try m.string("basis"))?.label ?? "",
                                           endedBy: try m.optionalString("ended_by"), amounts: amounts)
            var procedure: [String] = []
            for text in try m.array("procedure") { if case .string(let t) = text { procedure.append(t) } }
            sanctions.append((line, procedure))
        }
        self.findings = findings
    }

    /// The lines of the detail, as the text report writes them (after a blank line).
    package func lines(asOf: CivilDate?) -> [String] {
        var out: [String] = []
        var state = status.label
        if status == .awaitingContract, let c = contract, sinceOrientation, let ends = c.ends, let asOf, ends < asOf {
            state += " (le contrat signé le \(c.date) a pris fin le \(ends))"
        }
        out.append("  \(Report.visible(person)) — \(state)")
        out.append("    " + Report.personFacts(self).joined(separator: " ; "))
        for d in deadlines {
            out.append("    \(d.passed ? "Délai dépassé" : "Délai en cours") : \(d.rule), échéance \(d.due)")
        }
        if let i = intensity {
            out.append("    " + Report.intensityLine(weeks: i.weeks, average: i.average, meeting: i.meeting, byCategory: i.byCategory))
        }
        for (line, procedure) in sanctions {
            out.append("    " + line)
            for text in procedure { out.append("      " + text) }
        }
        // The findings are given above, by rule: here, a reference to each.
        out.append("    Constats (voir par règle) : " + findings.map { f in
            "\(RuleRegistry.rule(f.rule)?.title ?? f.rule.rawValue) (\(f.rule), \(f.severity.label)) du \(f.due ?? f.date)"
        }.joined(separator: " ; "))
        return out
    }
}
