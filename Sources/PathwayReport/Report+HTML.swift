import PathwayMachinery
import PathwayLaw
/// The audit as one self-contained HTML page, in French (`pathway replay --format html`): no
/// network, no external asset; readable without JavaScript (a little inline script adds the
/// filtering of the findings); printable (a print stylesheet). Every chart is inline SVG with its
/// numbers in a table beside it. People beyond `personCap` are listed without their timeline,
/// with a pointer to the JSON report.
extension Report {
    /// `events`: the log's events, for the people's timelines to show them (none: the timelines
    /// show the clocks and findings only).
    public func html(source: String, generator: String = "pathway", personCap: Int = Report.drawnTimelines, events: EventList = []) -> String {
        var h = HTMLText()
        h.raw("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"\(HTMLText.escape(generator))\">\n")
        h.raw("<title>Audit du parcours RSA — \(HTMLText.escape(source))</title>\n<style>\n\(Report.css)\n</style>\n</head>\n<body>\n")
        h.raw("<header><h1>Audit du parcours RSA</h1><p class=\"meta\">Fichier : <code>\(HTMLText.escape(source))</code> — date d'audit : <strong id=\"as-of\">\(asOf?.description ?? "aucune")</strong>\(asOfSetBy.map { " (par défaut, \(HTMLText.escape($0)))" } ?? "")</p></header>\n")
        for warning in warnings { h.raw("<p class=\"note\" role=\"alert\"><strong>Attention :</strong> \(HTMLText.escape(warning))</p>\n") }
        h.raw("<nav><a href=\"#synthese\">Synthèse</a> · <a href=\"#graphiques\">Graphiques</a>\(byFile.isEmpty ? "" : " · <a href=\"#fichiers\">Fichiers</a>") · <a href=\"#constats\">Constats par règle</a> · <a href=\"#personnes\">Personnes</a></nav>\n")
        h.raw("<main>\n")
        synthesis(&h)
        charts(&h)
        fileComparison(&h)
        findingsByRule(&h)
        personSections(&h, cap: personCap, events: events)
        h.raw("</main>\n<footer>Rapport produit par \(HTMLText.escape(generator)), sans horloge ni réseau : le même journal donne la même page. Confiance : [P] texte primaire lu ; [S] source secondaire ; [I] interprétation du projet, paramétrable.</footer>\n")
        h.raw("<script>\n\(Report.script)\n</script>\n</body>\n</html>\n")
        return h.text
    }

    // MARK: Synthesis

    private func synthesis(_ h: inout HTMLText) {
        let n = FrenchWords.integer
        h.raw("<section id=\"synthese\"><h2>Synthèse</h2>\n<table class=\"figures\"><tbody>\n")
        func row(_ label: String, _ value: String, id: String) {
            h.raw("<tr><th>\(label)</th><td id=\"\(id)\">\(value)</td></tr>\n")
        }
        row("Lignes lues", n(input.lines), id: "lines")
        row("dont événements", n(input.events) + (input.afterAsOf > 0 ? " (\(n(input.afterAsOf)) après la date d'audit, non rejoués)" : ""), id: "events")
        row("dont doublons (même id, ignorés)", n(input.duplicates), id: "duplicates")
        row("dont lignes rejetées", n(input.rejected) + (input.rejected > 0 ? " (<a href=\"#rejetees\">liste</a>)" : ""), id: "rejected")
        row("dont lignes vides", n(input.blank), id: "blank")
        row("Personnes", n(peopleCount ?? people.count), id: "people")
        row("Violations", n(count(.violation)), id: "violations")
        row("Avertissements", n(count(.warning)), id: "warnings")
        row("Informations", n(count(.info)), id: "infos")
        let o = indicators.orientation, c = indicators.contract
        row("Orientations dans le délai", "\(n(o.onTime)) / \(n(o.onTime + o.late + o.missing))" + (o.onTimePerMille.map { " (\(Ratio.percent($0)))" } ?? ""), id: "orientation-on-time")
        row("Contrats dans le délai", "\(n(c.onTime)) / \(n(c.onTime + c.late + c.missing))" + (c.onTimePerMille.map { " (\(Ratio.percent($0)))" } ?? ""), id: "contract-on-time")
        let s = indicators.sanctions
        row("Sanctions", "\(n(s.suspension)) suspensions, \(n(s.suppression)) suppressions", id: "sanctions")
        row("Retenu, reversé, perdu", "\(HTMLText.escape(FrenchWords.euros(s.withheld))), \(HTMLText.escape(FrenchWords.euros(s.refunded))), \(HTMLText.escape(FrenchWords.euros(s.lost)))", id: "amounts")
        h.raw("</tbody></table>\n")
        if !notJudged.isEmpty {
            h.raw("<p class=\"note\"><strong>Règles non jugées, faute de données :</strong> ")
            h.raw(notJudged.map { "<code>\($0.rule)</code> (\(HTMLText.escape($0.reason)))" }.joined(separator: " ; "))
            h.raw("</p>\n")
        }
        rejectedLines(&h)
        h.raw("</section>\n")
    }

    /// The rejected lines, each with its file, line, field and reason: all of them up to
    /// `rejectedCap`, then a pointer to the JSON report, which has them all.
    private func rejectedLines(_ h: inout HTMLText, cap: Int = Report.rejectedCap) {
        guard !rejected.isEmpty else { return }
        h.raw("<details id=\"rejetees\" open><summary>Lignes rejetées (\(FrenchWords.integer(rejected.count)))</summary>\n")
        h.raw("<table class=\"data rejected\"><thead><tr>\(input.files.isEmpty ? "" : "<th>fichier</th>")<th>ligne</th><th>champ</th><th>raison</th></tr></thead><tbody>\n")
        for error in rejected.prefix(cap) {
            h.raw("<tr>\(input.files.isEmpty ? "" : "<td>\(HTMLText.escape(error.file ?? ""))</td>")<td>\(error.line)</td><td>\(error.field.map { "<code>\(HTMLText.escape($0))</code>" } ?? "")</td><td>\(HTMLText.escape(Report.visible(error.reason(in: .french))))</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
        if rejected.count > cap {
            h.raw("<p class=\"note\">\(FrenchWords.integer(rejected.count - cap)) autres lignes rejetées : voir <code>rejected</code> dans le rapport JSON ou le rapport texte.</p>\n")
        }
        h.raw("</details>\n")
    }

    /// The rejected lines listed in the HTML report (all are in the JSON and text reports).
    package static let rejectedCap = 500

    // MARK: Findings

    private func findingsByRule(_ h: inout HTMLText) {
        h.raw("<section id=\"constats\"><h2>Constats par règle</h2>\n")
        h.raw("<p class=\"screen-only\"><label>Filtrer : <input id=\"filter\" type=\"search\" placeholder=\"personne, règle, date…\"></label></p>\n")
        let grouped = Dictionary(grouping: findings, by: \.rule)
        if grouped.isEmpty { h.raw("<p>Aucun constat.</p>\n") }
        for rule in RuleRegistry.all {
            guard let list = grouped[rule.id] else { continue }
            h.raw("<article class=\"rule \(rule.severity.rawValue)\" id=\"rule-\(rule.id)\"><h3><code>\(rule.id)</code> — \(HTMLText.escape(rule.title)) <span class=\"badge\">\(rule.severity.label)</span> <span class=\"count\" data-rule=\"\(rule.id)\">\(list.count)</span> constat\(list.count > 1 ? "s" : "")</h3>\n")
            h.raw("<p class=\"basis\">Base : \(HTMLText.escape(rule.cited)) — confiance \(rule.confidence.tag)")
            if !rule.parameters.isEmpty {
                // The values in force at the audit date, or on the rule's last day when it ended
                // before (a rule of the former law shows the former values).
                let day = asOf.map { a in rule.inForce.until.map { min($0, a) } ?? a }
                let shown = parameters.all.filter { rule.parameters.contains($0.key) }.map { p in
                    "<code>\(p.key)</code> = \(HTMLText.escape((day.flatMap { p.period(on: $0)?.value } ?? p.periods.last?.value).map(ParameterDescription.french) ?? "non fixé"))"
                }
                h.raw(" — paramètres : " + shown.joined(separator: ", "))
            }
            h.raw("</p>\n<table class=\"findings\"><thead><tr><th>personne</th><th>date</th><th>échéance</th><th>réalisé</th><th>événement</th><th>constat</th></tr></thead><tbody>\n")
            for (k, f) in list.enumerated() {
                h.raw("<tr\(k < Report.printedFindings ? "" : " class=\"more\"")><td><a href=\"#p-\(HTMLText.anchor(f.person))\">\(HTMLText.escape(f.person))</a></td><td>\(f.date)</td><td>\(f.due?.description ?? "")</td><td>\(f.due == nil ? "" : f.done?.description ?? "non")</td><td>\(HTMLText.escape(f.event ?? ""))</td><td>\(HTMLText.escape(Report.withoutBasis(f.message, rule)))</td></tr>\n")
            }
            h.raw("</tbody></table>")
            if list.count > Report.printedFindings {
                h.raw("<p class=\"print-only note\">À l'impression, les \(Report.printedFindings) premiers constats sur \(FrenchWords.integer(list.count)) : tous sont à l'écran, dans le classeur et dans le CSV.</p>")
            }
            h.raw("</article>\n")
        }
        h.raw("</section>\n")
    }

    // MARK: People

    /// The people with a finding, the most serious first: most violations, then warnings, then
    /// information, then by id (UTF-8 bytes).
    package var flaggedBySeriousness: [PersonReport] { Report.mostSerious(people).map { people[$0] } }

    private func personSections(_ h: inout HTMLText, cap: Int, events: EventList) {
        let flagged = Report.mostSerious(people)
        h.raw("<section id=\"personnes\"><h2>Personnes avec un constat (\(FrenchWords.integer(flagged.count)))</h2>\n")
        // Each drawn person's timeline: the one the report carries (the replay's and a merge's
        // carry the first `drawnTimelines`), else drawn from the log's events, found in one pass
        // (a person is the exact bytes of its id).
        let drawn = Array(flagged.prefix(cap))
        var timelineOf: [Timeline?] = drawn.enumerated().map { k, i in
            k < timelines.count && timelines[k].person.utf8.elementsEqual(people[i].person.utf8) ? timelines[k] : nil
        }
        let missing = drawn.indices.filter { timelineOf[$0] == nil }
        if !missing.isEmpty {
            var slot: [String: [Int]] = [:] // names that compare equal as strings, told apart by bytes below
            for k in missing { slot[people[drawn[k]].person, default: []].append(k) }
            var eventsOf = [[Event]](repeating: [], count: drawn.count)
            for event in events {
                guard let candidates = slot[event.person] else { continue }
                for k in candidates where people[drawn[k]].person.utf8.elementsEqual(event.person.utf8) { eventsOf[k].append(event) }
            }
            for k in missing { timelineOf[k] = Timeline(people[drawn[k]], events: eventsOf[k], asOf: asOf) }
        }
        personList(&h, flagged.map { people[$0] }, drawn: drawn.count)
        if !drawn.isEmpty {
            let heading = drawn.count == 1 ? "Frise de la personne avec un constat"
                : "Frises des \(FrenchWords.integer(drawn.count)) personnes aux constats les plus graves"
            h.raw("<h3 class=\"keep\">\(heading)\(drawn.count > Report.printedTimelines ? " (à l'impression : les \(Report.printedTimelines) premières)" : "")</h3>\n")
        }
        for (k, i) in drawn.enumerated() {
            // A merged report's people: their facts read from their part's JSON report.
            let detail = i < mergedDetails.count ? mergedDetails[i] : PersonDetail(people[i], asOf: nil)
            personSection(&h, people[i], detail, timelineOf[k] ?? Timeline(people[i], events: [], asOf: asOf), printed: k < Report.printedTimelines)
        }
        if flagged.count > cap {
            h.raw("<p class=\"note\">\(FrenchWords.integer(flagged.count - cap)) autres personnes ont un constat ; leur frise n'est pas dessinée ici pour garder la page légère : elles sont dans la liste ci-dessus, et leur histoire dans <code>pathway explain</code>.</p>\n")
        }
        h.raw("</section>\n")
    }

    /// Every person with a finding in one compact table, the most serious first: state, counts
    /// by severity, and the rules. In print, the first `printedPeople` rows.
    private func personList(_ h: inout HTMLText, _ flagged: [PersonReport], drawn: Int) {
        guard !flagged.isEmpty else { h.raw("<p>Aucune personne avec un constat.</p>\n"); return }
        h.raw("<table class=\"data people\"><thead><tr><th>personne</th><th>état</th><th>violations</th><th>avertissements</th><th>informations</th><th>règles</th></tr></thead><tbody>\n")
        for (k, person) in flagged.enumerated() {
            let v = person.findings.filter { $0.severity == .violation }.count, w = person.findings.filter { $0.severity == .warning }.count
            var rules: [RuleID] = []
            for f in person.findings where !rules.contains(f.rule) { rules.append(f.rule) }
            let anchor = HTMLText.anchor(person.person)
            let name = k < drawn ? "<a href=\"#p-\(anchor)\">\(HTMLText.escape(Report.visible(person.person)))</a>" : HTMLText.escape(Report.visible(person.person))
            h.raw("<tr\(k < drawn ? "" : " id=\"p-\(anchor)\"")\(k < Report.printedPeople ? "" : " class=\"more\"")><td>\(name)</td><td>\(HTMLText.escape(person.status.label))</td><td>\(v)</td><td>\(w)</td><td>\(person.findings.count - v - w)</td><td>"
                  + rules.map { "<a href=\"#rule-\($0)\" title=\"\(HTMLText.escape(RuleRegistry.rule($0)?.title ?? ""))\"><code>\($0)</code></a>" }.joined(separator: " ") + "</td></tr>\n")
        }
        h.raw("</tbody></table>\n")
        if flagged.count > Report.printedPeople {
            h.raw("<p class=\"print-only note\">À l'impression, la liste s'arrête aux \(Report.printedPeople) premières personnes sur \(FrenchWords.integer(flagged.count)) : la liste entière est à l'écran, dans le classeur (<code>--output audit.xlsx</code>) et dans le CSV.</p>\n")
        }
    }

    /// What the printed page keeps of the long lists (the screen shows them all): the rows of
    /// each rule's findings, the people's list, the timelines (`Docs/report.md`, "Printing").
    package static let printedFindings = 40
    package static let printedPeople = 200
    package static let printedTimelines = 20

    private func personSection(_ h: inout HTMLText, _ person: PersonReport, _ detail: PersonDetail, _ timeline: Timeline, printed: Bool) {
        h.raw("<article class=\"person\(printed ? "" : " more")\" id=\"p-\(HTMLText.anchor(person.person))\"><h3>\(HTMLText.escape(Report.visible(person.person))) — \(HTMLText.escape(person.status.label))</h3>\n")
        h.raw("<p>\(HTMLText.escape(Report.personFacts(detail).joined(separator: " ; ")))</p>\n")
        h.timeline(timeline, findings: person.findings, table: parameters.rules.table, asOf: asOf)
        h.sanctions(detail.sanctions)
        h.raw("<ul>")
        for f in person.findings {
            h.raw("<li><a href=\"#rule-\(f.rule)\">\(HTMLText.escape(RuleRegistry.rule(f.rule)?.title ?? f.rule.rawValue))</a> (<code>\(f.rule)</code>, \(f.severity.label)) du \(f.due ?? f.date)</li>")
        }
        h.raw("</ul></article>\n")
    }

    package static let css = """
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem; color: #1b1b1b; }
    h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #000091; padding-bottom: .2rem; margin-top: 2rem; }
    nav a { color: #000091; } code { font-size: .9em; }
    table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
    table.figures th { background: #f0f0f7; } .findings td:last-child { font-size: .9em; }
    .chart { display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap; } .chart svg { width: 40rem; max-width: 100%; }
    .bar { fill: #000091; } .plan { fill: #9aa0d6; } .limit { stroke: #c9191e; stroke-width: 2; } .target { stroke: #000091; stroke-width: 2; stroke-dasharray: 4 3; } .axis { stroke: #666; } .grid { stroke: #ddd; }
    .ontime { fill: #18753c; } .late { fill: #c9191e; } tr.total td { font-weight: bold; } td.amount { text-align: right; white-space: nowrap; }
    .label { font-size: 11px; fill: #333; } .badge { font-size: .8rem; border: 1px solid; border-radius: .3rem; padding: 0 .3rem; }
    .violation .badge { color: #c9191e; } .warning .badge { color: #b34000; } .info .badge { color: #0063cb; }
    .deadline { fill: #b8c0ff; } .deadline.late, .deadline.missing { fill: #f4a6a6; } .deadline.on_time { fill: #a6dcb0; }
    .done { fill: #18753c; } .sanction { fill: #f7c6a5; } .sanction.suppression { fill: #8b2c1c; } .appeal { fill: #c7b8e8; } .finding.violation { fill: #c9191e; } .finding.warning { fill: #b34000; } .finding.info { fill: #0063cb; }
    .timeline { width: 100%; max-width: 48rem; } .note { background: #fff7e0; padding: .5rem; }
    footer { margin-top: 2rem; font-size: .85rem; color: #555; }
    .findings td:nth-child(2), .findings td:nth-child(3), .findings td:nth-child(4), table.data td:first-child, .rejected td:nth-child(2) { white-space: nowrap; }
    .print-only { display: none; } table.files td { white-space: nowrap; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      nav, .screen-only, .more { display: none; } .print-only { display: block; } body { max-width: none; font-size: 10pt; padding: 0; }
      h2, h3, figcaption, .keep { break-after: avoid; break-inside: avoid; }
      h2::after, h3::after { content: ""; display: block; height: 6em; margin-bottom: -6em; } /* a heading never ends a page: Chromium ignores break-after */ figure, .chart, article.person, tr, .sanctions li { break-inside: avoid; }
      thead { display: table-header-group; } details { display: block; } details > summary { list-style: none; font-weight: bold; }
      a { color: inherit; text-decoration: none; } .chart svg { width: 100%; } .timeline { max-width: 100%; }
    }
    """

    package static let script = """
    (function () {
      var input = document.getElementById('filter');
      document.body.setAttribute('data-script', 'ran');
      if (!input) return;
      input.addEventListener('input', function () {
        var q = input.value.toLowerCase();
        document.querySelectorAll('table.findings tbody tr').forEach(function (row) {
          row.style.display = row.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
        });
      });
    })();
    """
}

/// HTML built as text, with its escaping in one place.
package struct HTMLText {
    package private(set) var text = ""

    package mutating func raw(_ s: String) { text += s }

    /// A person's timeline as inline SVG (the HTML report's and `explain`'s): on the left, each
    /// row's name in French; on the time axis, the events as ticks, each clock as a bar from its
    /// day 0 to its last day (coloured by how it ended) with a dot on the day the step was done,
    /// each sanction from its first day to its end, each appeal from its receipt to its answer (or
    /// the audit date), and the findings as triangles; a legend under it. Nothing when there is
    /// no date to draw.
    package mutating func timeline(of person: String, events: [Event], records: [DeadlineRecord], findings: [Finding],
                                   sanctions: [SanctionReport] = [], appeals: [AppealRecord] = [], table: RuleTable? = nil, asOf: CivilDate? = nil) {
        timeline(Timeline(person, events: events, records: records, sanctions: sanctions, appeals: appeals),
                 findings: findings, table: table, asOf: asOf)
    }

    /// The timeline `t` with the person's `findings`.
    package mutating func timeline(_ t: Timeline, findings: [Finding], table: RuleTable? = nil, asOf: CivilDate? = nil) {
        let (person, events, records, sanctions, appeals) = (t.person, t.events, t.clocks, t.sanctions, t.appeals)
        let appealEnd = { (a: Timeline.Appeal) in a.answered ?? asOf ?? a.received }
        var dates = records.flatMap { [$0.start, $0.due] } + records.compactMap(\.done)
        dates += findings.map(\.date) + events.map(\.date)
        dates += sanctions.flatMap { [$0.starts, $0.ends] } + appeals.flatMap { [$0.received, appealEnd($0)] }
        guard let first = dates.min(), let last = dates.max() else { return }
        let span = max(1, last.days(since: first))
        let w = 760, left = 170, rowHeight = 18
        let top = events.isEmpty ? 20 : 42
        let rows = records.count + sanctions.count + appeals.count
        let height = top + 10 + rowHeight * (rows + 1) + 22
        func x(_ d: CivilDate) -> Int { left + d.days(since: first) * (w - left - 10) / span }
        raw("<svg class=\"timeline\" viewBox=\"0 0 \(w) \(height)\" role=\"img\" aria-label=\"frise de \(HTMLText.escape(person))\">\n")
        raw("<text x=\"\(left)\" y=\"12\" class=\"label\">\(first)</text><text x=\"\(w - 10)\" y=\"12\" text-anchor=\"end\" class=\"label\">\(last)</text>\n")
        if !events.isEmpty {
            raw("<text x=\"0\" y=\"32\" class=\"label\">événements</text><line x1=\"\(left)\" y1=\"28\" x2=\"\(w - 10)\" y2=\"28\" class=\"axis\"/>\n")
            for event in events {
                raw("<line x1=\"\(x(event.date))\" y1=\"22\" x2=\"\(x(event.date))\" y2=\"34\" class=\"axis event\"><title>\(event.date) \(HTMLText.escape(event.text)) (\(HTMLText.escape(event.event)))</title></line>\n")
            }
        }
        var y = top
        func bar(_ label: String, _ from: CivilDate, _ to: CivilDate, _ cls: String, _ tip: String) {
            raw("<text x=\"0\" y=\"\(y + 10)\" class=\"label\">\(HTMLText.escape(label))</text>")
            raw("<rect x=\"\(x(from))\" y=\"\(y)\" width=\"\(max(2, x(to) - x(from)))\" height=\"12\" class=\"\(cls)\"><title>\(HTMLText.escape(tip))</title></rect>\n")
        }
        for record in records {
            bar(HTMLText.clockLabel(record.rule, table), record.start, record.due, "deadline \(record.status.rawValue)", record.text)
            if let done = record.done { raw("<circle cx=\"\(x(done))\" cy=\"\(y + 6)\" r=\"4\" class=\"done\"><title>fait le \(done)</title></circle>\n") }
            y += rowHeight
        }
        for s in sanctions {
            bar("Sanction \(s.event)", s.starts, s.ends, "sanction \(s.measure.rawValue)", s.text)
            y += rowHeight
        }
        for a in appeals {
            bar("Recours \(a.event)", a.received, appealEnd(a), "appeal", a.text)
            y += rowHeight
        }
        raw("<text x=\"0\" y=\"\(y + 10)\" class=\"label\">constats</text>\n")
        for f in findings {
            raw("<path d=\"M\(x(f.date)) \(y) l5 10 l-10 0 z\" class=\"finding \(f.severity.rawValue)\"><title>\(f.rule) le \(f.date)</title></path>\n")
        }
        y += rowHeight + 6
        var lx = 0
        for (cls, text) in [("deadline on_time", "délai tenu"), ("deadline late", "dépassé ou manqué"), ("deadline", "en cours ou interrompu"),
                            ("sanction suspension", "sanction"), ("appeal", "recours"), ("finding violation", "constat")] {
            raw("<rect x=\"\(lx)\" y=\"\(y)\" width=\"10\" height=\"10\" class=\"\(cls)\"/><text x=\"\(lx + 14)\" y=\"\(y + 9)\" class=\"label\">\(text)</text>")
            lx += 14 + text.count * 6 + 14
        }
        raw("<circle cx=\"\(lx + 5)\" cy=\"\(y + 5)\" r=\"4\" class=\"done\"/><text x=\"\(lx + 14)\" y=\"\(y + 9)\" class=\"label\">étape faite</text>\n")
        raw("</svg>\n")
    }

    private static let clockWords: [DeadlineIndicator.Slot: String] = [
        .orientation: "Orientation (délai)", .contract: "Contrat (délai)", .review: "Réexamen (délai)", .stock: "Contrat du stock",
    ]

    /// A clock's row in a timeline: `Orientation`, `Contrat`, `Réexamen`, `Contrat (stock)`; else the rule's title.
    package static func clockLabel(_ rule: RuleID, _ table: RuleTable?) -> String {
        if let table, let slot = DeadlineIndicator.Slot.allCases.first(where: { table.rule(for: $0) == rule }), let word = clockWords[slot] { return word }
        let title = RuleRegistry.rule(rule)?.title ?? rule.rawValue
        return title.count <= 28 ? title : String(title.prefix(27)) + "…"
    }

    /// The person's sanctions, each with its amounts, its hearing and its appeal
    /// (``Report/sanctionsWithProcedure(_:)``); nothing for a person never sanctioned.
    package mutating func sanctions(of person: PersonReport) {
        sanctions(Report.sanctionsWithProcedure(person).map { (Report.sanctionLine($0.sanction), $0.procedure) })
    }

    /// Each sanction's line and its procedure's lines (``PersonDetail/sanctions``).
    package mutating func sanctions(_ sanctions: [(line: String, procedure: [String])]) {
        guard !sanctions.isEmpty else { return }
        raw("<ul class=\"sanctions\">\n")
        for (line, procedure) in sanctions {
            raw("<li>" + ([line] + procedure).map(HTMLText.escape).joined(separator: "<br>") + "</li>\n")
        }
        raw("</ul>\n")
    }

    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// An id made safe for an anchor (letters, digits, `-` and `_`; others as their code).
    package static func anchor(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            if ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "-" || ch == "_") { out.unicodeScalars.append(ch) }
            else { out += "_\(ch.value)" }
        }
        return out
    }
}
