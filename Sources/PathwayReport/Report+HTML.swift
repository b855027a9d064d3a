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
    public func html(source: String, generator: String = "pathway", personCap: Int = 300, events: [Event] = []) -> String {
        var h = HTMLText()
        h.raw("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"\(HTMLText.escape(generator))\">\n")
        h.raw("<title>Audit du parcours RSA — \(HTMLText.escape(source))</title>\n<style>\n\(Report.css)\n</style>\n</head>\n<body>\n")
        h.raw("<header><h1>Audit du parcours RSA</h1><p class=\"meta\">Fichier : <code>\(HTMLText.escape(source))</code> — date d'audit : <strong id=\"as-of\">\(asOf?.description ?? "aucune")</strong>\(asOfSetBy.map { " (par défaut, \(HTMLText.escape($0)))" } ?? "")</p></header>\n")
        for warning in warnings { h.raw("<p class=\"note\" role=\"alert\"><strong>Attention :</strong> \(HTMLText.escape(warning))</p>\n") }
        h.raw("<nav><a href=\"#synthese\">Synthèse</a> · <a href=\"#graphiques\">Graphiques</a> · <a href=\"#constats\">Constats par règle</a> · <a href=\"#personnes\">Personnes</a></nav>\n")
        h.raw("<main>\n")
        synthesis(&h)
        charts(&h)
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
        row("Événements", n(input.events), id: "events")
        row("Lignes rejetées", n(input.rejected), id: "rejected")
        row("Personnes", n(people.count), id: "people")
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
        h.raw("</section>\n")
    }

    // MARK: Charts

    private var records: [DeadlineRecord] { people.flatMap(\.records) }

    private func charts(_ h: inout HTMLText) {
        h.raw("<section id=\"graphiques\"><h2>Graphiques</h2>\n")
        let all = records
        let table = parameters.rules.table
        let orientationDays = all.filter { $0.deadline.rule == table.rule(for: .orientation) }.compactMap(\.days)
        let contractDays = all.filter { $0.deadline.rule == table.rule(for: .contract) }.compactMap(\.days)
        let limit = parameters.orientationDeadlineDays.latest
        histogram(&h, id: "orientation-delays", title: "Délais d'orientation (jours du départ du délai à la décision)",
                  values: orientationDays, lines: [(limit, "\(limit) jours")] + (parameters.orientationTargetDays.current.map { [($0, "cible \($0) jours")] } ?? []))
        histogram(&h, id: "contract-delays", title: "Délais de contrat (jours de la notification à la signature)",
                  values: contractDays, lines: [Report.monthLine(parameters.contractDeadlineMonths.latest)] + (parameters.contractTargetDays.current.map { [($0, "cible \($0) jours")] } ?? []))
        onTimeByMonth(&h, all)
        newEntrantsByMonth(&h)
        sanctionsByMonth(&h)
        hoursByDominante(&h)
        h.raw("</section>\n")
    }

    /// Bars of counts by bucket of days, with vertical lines, and the table of the same counts.
    private func histogram(_ h: inout HTMLText, id: String, title: String, values: [Int], lines: [(Int, String)]) {
        h.raw("<figure id=\"\(id)\"><figcaption>\(HTMLText.escape(title)) — \(FrenchWords.integer(values.count)) étapes faites</figcaption>\n")
        guard !values.isEmpty else { h.raw("<p>Aucune étape faite.</p></figure>\n"); return }
        // Weeks up to three times the furthest limit (at least 13 weeks); the longer delays
        // share a last bucket, so that a few steps years late do not flatten the chart.
        let width = 7
        let furthest = lines.map(\.0).max() ?? 0
        let cap = max(13 * width, (3 * furthest + width - 1) / width * width)
        let top = min(max(values.max() ?? 0, furthest), cap)
        let buckets = top / width + 1
        var counts = [Int](repeating: 0, count: buckets)
        for v in values { counts[min(buckets - 1, max(0, v) / width)] += 1 }
        let overflow = (values.max() ?? 0) >= cap
        func range(_ k: Int) -> String {
            overflow && k == buckets - 1 ? "\(k * width) et plus" : "\(k * width)–\(k * width + width - 1)"
        }
        let most = max(1, counts.max() ?? 1)
        let w = 640, ht = 200, bar = max(2, (w - 40) / buckets)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 \(w) \(ht + 30)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n")
        for (k, count) in counts.enumerated() where count > 0 {
            let barHeight = count * ht / most
            h.raw("<rect x=\"\(30 + k * bar)\" y=\"\(ht - barHeight)\" width=\"\(max(1, bar - 1))\" height=\"\(barHeight)\" class=\"bar\"><title>\(range(k)) jours : \(count)</title></rect>\n")
        }
        for (day, label) in lines {
            let x = 30 + day * bar / width
            h.raw("<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(ht)\" class=\"limit\"/><text x=\"\(x + 3)\" y=\"12\" class=\"label\">\(HTMLText.escape(label))</text>\n")
        }
        h.raw("<line x1=\"30\" y1=\"\(ht)\" x2=\"\(w)\" y2=\"\(ht)\" class=\"axis\"/><text x=\"30\" y=\"\(ht + 20)\" class=\"label\">0</text><text x=\"\(w - 60)\" y=\"\(ht + 20)\" class=\"label\">\(overflow ? "\(top) et +" : "\(top)") jours</text>\n</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>jours</th><th>étapes</th></tr></thead><tbody>\n")
        for (k, count) in counts.enumerated() where count > 0 {
            h.raw("<tr><td>\(range(k))</td><td>\(count)</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }

    /// The share on time by month of the clock's start, mature cohorts only (pending left out).
    private func onTimeByMonth(_ h: inout HTMLText, _ all: [DeadlineRecord]) {
        h.raw("<figure id=\"on-time-by-month\"><figcaption>Orientations dans le délai, par mois du départ du délai (délais échus seulement)</figcaption>\n")
        var byMonth: [String: (onTime: Int, judged: Int)] = [:]
        let orientation = parameters.rules.table.rule(for: .orientation)
        for r in all where r.deadline.rule == orientation && [.onTime, .late, .missing].contains(r.status) {
            let key = String(r.deadline.start.description.prefix(7))
            var cell = byMonth[key] ?? (0, 0)
            cell.judged += 1
            if r.status == .onTime { cell.onTime += 1 }
            byMonth[key] = cell
        }
        let months = byMonth.keys.sorted()
        guard !months.isEmpty else { h.raw("<p>Aucun délai échu.</p></figure>\n"); return }
        let w = 640, ht = 160, step = max(8, (w - 40) / months.count)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 \(w) \(ht + 30)\" role=\"img\" aria-label=\"taux dans le délai par mois\">\n")
        for (k, month) in months.enumerated() {
            let cell = byMonth[month] ?? (0, 1)
            let rate = cell.onTime * ht / max(1, cell.judged)
            h.raw("<rect x=\"\(30 + k * step)\" y=\"\(ht - rate)\" width=\"\(max(2, step - 2))\" height=\"\(rate)\" class=\"bar\"><title>\(month) : \(cell.onTime) sur \(cell.judged)</title></rect>\n")
        }
        h.raw("<line x1=\"30\" y1=\"\(ht)\" x2=\"\(w)\" y2=\"\(ht)\" class=\"axis\"/><text x=\"0\" y=\"10\" class=\"label\">100 %</text></svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>dans le délai</th><th>échus</th><th>taux</th></tr></thead><tbody>\n")
        for month in months {
            let cell = byMonth[month] ?? (0, 1)
            h.raw("<tr><td>\(month)</td><td>\(cell.onTime)</td><td>\(cell.judged)</td><td>\(Ratio.percent(Ratio.perMille(cell.onTime, cell.judged)))</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }

    /// The new entrants by month of entry: stacked bars (oriented within the target, later,
    /// pending, without orientation) and the table of the same counts.
    private func newEntrantsByMonth(_ h: inout HTMLText) {
        let entrants = indicators.newEntrants
        h.raw("<figure id=\"new-entrants-by-month\"><figcaption>Nouveaux entrants par mois d'entrée : orientés dans les \(entrants.targetDays) jours, plus tard, en attente, sans orientation</figcaption>\n")
        let months = entrants.orderedMonths
        guard !months.isEmpty else { h.raw("<p>Aucun nouvel entrant.</p></figure>\n"); return }
        let w = 640, ht = 160, step = max(8, (w - 40) / months.count)
        let most = max(1, months.map(entrants.entrants(in:)).max() ?? 1)
        // Green within the target, lavender later, light blue pending, red without orientation.
        let classes = ["done", "plan", "deadline", "finding violation"]
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 \(w) \(ht + 34)\" role=\"img\" aria-label=\"nouveaux entrants par mois\">\n")
        for (k, month) in months.enumerated() {
            var top = ht
            for (i, status) in NewEntry.Status.allCases.enumerated() {
                let count = entrants.count(status, in: month)
                guard count > 0 else { continue }
                let height = max(1, count * ht / most)
                top -= height
                h.raw("<rect x=\"\(30 + k * step)\" y=\"\(top)\" width=\"\(max(2, step - 2))\" height=\"\(height)\" class=\"\(classes[i])\"><title>\(month) : \(count) \(Report.newEntrantLabel(status, entrants.targetDays))</title></rect>\n")
            }
        }
        h.raw("<line x1=\"30\" y1=\"\(ht)\" x2=\"\(w)\" y2=\"\(ht)\" class=\"axis\"/><text x=\"0\" y=\"10\" class=\"label\">\(most)</text>\n")
        h.raw("<text x=\"30\" y=\"\(ht + 12)\" class=\"label\">\(months[0])</text><text x=\"\(30 + (months.count - 1) * step)\" y=\"\(ht + 12)\" class=\"label\">\(months.count > 1 ? months[months.count - 1] : "")</text>\n")
        var x = 30
        for (i, status) in NewEntry.Status.allCases.enumerated() {
            let label = Report.newEntrantLabel(status, entrants.targetDays)
            h.raw("<rect x=\"\(x)\" y=\"\(ht + 18)\" width=\"10\" height=\"10\" class=\"\(classes[i])\"/><text x=\"\(x + 14)\" y=\"\(ht + 27)\" class=\"label\">\(HTMLText.escape(label))</text>\n")
            x += 14 + label.count * 6 + 18 // about 6 units a character at 11px
        }
        h.raw("</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>entrants</th>" + NewEntry.Status.allCases.map { "<th>\(HTMLText.escape(Report.newEntrantLabel($0, entrants.targetDays)))</th>" }.joined() + "<th>taux dans la cible</th></tr></thead><tbody>\n")
        for month in months + [nil] as [String?] {
            let total = month.map(entrants.entrants(in:)) ?? entrants.total
            h.raw("<tr><td>\(month ?? "total")</td><td>\(total)</td>" + NewEntry.Status.allCases.map { "<td>\(entrants.count($0, in: month))</td>" }.joined()
                  + "<td>\(Ratio.percent(Ratio.perMille(entrants.count(.withinTarget, in: month), total)))</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }

    /// `orientés en 15 jours et moins`.
    package static func newEntrantLabel(_ status: NewEntry.Status, _ days: Int) -> String {
        switch status {
        case .withinTarget: return "orientés en \(days) jours et moins"
        case .later: return "orientés plus tard"
        case .pending: return "en attente"
        case .missing: return "sans orientation"
        }
    }

    /// Decisions and euros by month of decision.
    private func sanctionsByMonth(_ h: inout HTMLText) {
        h.raw("<figure id=\"sanctions-by-month\"><figcaption>Sanctions par mois de décision : décisions et sommes retenues, reversées, perdues</figcaption>\n")
        var byMonth: [String: (decisions: Int, withheld: Int64, refunded: Int64, lost: Int64)] = [:]
        for person in people {
            for s in person.sanctions {
                let key = String(s.record.date.description.prefix(7))
                var cell = byMonth[key] ?? (0, 0, 0, 0)
                cell.decisions += 1
                if let a = s.amounts {
                    cell.withheld += a.withheld.value
                    cell.refunded += a.refunded.value
                    cell.lost += a.lost.value
                }
                byMonth[key] = cell
            }
        }
        let months = byMonth.keys.sorted()
        guard !months.isEmpty else { h.raw("<p>Aucune sanction.</p></figure>\n"); return }
        let most = max(1, months.map { byMonth[$0]?.decisions ?? 0 }.max() ?? 1)
        let w = 640, ht = 140, step = max(8, (w - 40) / months.count)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 \(w) \(ht + 30)\" role=\"img\" aria-label=\"sanctions par mois\">\n")
        for (k, month) in months.enumerated() {
            let d = byMonth[month]?.decisions ?? 0
            h.raw("<rect x=\"\(30 + k * step)\" y=\"\(ht - d * ht / most)\" width=\"\(max(2, step - 2))\" height=\"\(d * ht / most)\" class=\"bar\"><title>\(month) : \(d)</title></rect>\n")
        }
        h.raw("<line x1=\"30\" y1=\"\(ht)\" x2=\"\(w)\" y2=\"\(ht)\" class=\"axis\"/></svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>décisions</th><th>retenu</th><th>reversé</th><th>perdu</th></tr></thead><tbody>\n")
        for month in months {
            let c = byMonth[month] ?? (0, 0, 0, 0)
            h.raw("<tr><td>\(month)</td><td>\(c.decisions)</td><td>\(HTMLText.escape(FrenchWords.euros(Cents(c.withheld))))</td><td>\(HTMLText.escape(FrenchWords.euros(Cents(c.refunded))))</td><td>\(HTMLText.escape(FrenchWords.euros(Cents(c.lost))))</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }

    /// Hours done and planned per week under contract, by dominante.
    private func hoursByDominante(_ h: inout HTMLText) {
        h.raw("<figure id=\"hours-by-dominante\"><figcaption>Heures par semaine sous contrat, faites et prévues, par dominante</figcaption>\n")
        var sums: [Dominante: (done: Int, planned: Int, days: Int)] = [:]
        for person in people {
            guard let d = person.state.orientation?.decision.dominante, person.intensity.daysUnderContract > 0 else { continue }
            var cell = sums[d] ?? (0, 0, 0)
            cell.done += person.intensity.hoursDone.hundredths
            cell.planned += person.intensity.hoursPlanned.hundredths
            cell.days += person.intensity.daysUnderContract
            sums[d] = cell
        }
        func perWeek(_ hundredths: Int, _ days: Int) -> Hours { Hours(hundredths: days > 0 ? (hundredths * 7 * 2 + days) / (days * 2) : 0) }
        let rows = Dominante.allCases.compactMap { d in sums[d].map { (d, perWeek($0.done, $0.days), perWeek($0.planned, $0.days)) } }
        guard !rows.isEmpty else { h.raw("<p>Intensité non mesurée : le journal n'enregistre aucune activité sous contrat.</p></figure>\n"); return }
        let top = max(1, rows.map { max($0.1.hundredths, $0.2.hundredths) }.max() ?? 1)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 640 \(rows.count * 50 + 10)\" role=\"img\" aria-label=\"heures par dominante\">\n")
        for (k, row) in rows.enumerated() {
            let y = 10 + k * 50
            h.raw("<text x=\"0\" y=\"\(y + 14)\" class=\"label\">\(Report.dominanteLabel(row.0))</text>")
            h.raw("<rect x=\"150\" y=\"\(y)\" width=\"\(row.1.hundredths * 450 / top)\" height=\"16\" class=\"bar\"><title>faites \(row.1)</title></rect>")
            h.raw("<rect x=\"150\" y=\"\(y + 20)\" width=\"\(row.2.hundredths * 450 / top)\" height=\"16\" class=\"plan\"><title>prévues \(row.2)</title></rect>\n")
        }
        h.raw("</svg>\n<table class=\"data\"><thead><tr><th>dominante</th><th>faites</th><th>prévues</th></tr></thead><tbody>\n")
        for row in rows {
            h.raw("<tr><td>\(Report.dominanteLabel(row.0))</td><td>\(row.1.description.replacingDot()) h</td><td>\(row.2.description.replacingDot()) h</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }

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
                let shown = parameters.all.filter { rule.parameters.contains($0.key) }.map { p in
                    "<code>\(p.key)</code> = \(HTMLText.escape(asOf.flatMap { p.period(on: $0)?.value } ?? p.periods.last?.value ?? "non fixé"))"
                }
                h.raw(" — paramètres : " + shown.joined(separator: ", "))
            }
            h.raw("</p>\n<table class=\"findings\"><thead><tr><th>personne</th><th>date</th><th>échéance</th><th>réalisé</th><th>événement</th><th>constat</th></tr></thead><tbody>\n")
            for f in list {
                h.raw("<tr><td><a href=\"#p-\(HTMLText.anchor(f.person))\">\(HTMLText.escape(f.person))</a></td><td>\(f.date)</td><td>\(f.due?.description ?? "")</td><td>\(f.due == nil ? "" : f.done?.description ?? "non")</td><td>\(HTMLText.escape(f.event ?? ""))</td><td>\(HTMLText.escape(Report.withoutBasis(f.message, rule)))</td></tr>\n")
            }
            h.raw("</tbody></table></article>\n")
        }
        h.raw("</section>\n")
    }

    // MARK: People

    private func personSections(_ h: inout HTMLText, cap: Int, events: [Event]) {
        let flagged = people.filter { !$0.findings.isEmpty }
        h.raw("<section id=\"personnes\"><h2>Personnes avec un constat (\(FrenchWords.integer(flagged.count)))</h2>\n")
        // The events of the people drawn, found in one pass (a person is the exact bytes of its id).
        let drawn = Array(flagged.prefix(cap))
        var slot: [String: [Int]] = [:] // names that compare equal as strings, told apart by bytes below
        for (k, person) in drawn.enumerated() { slot[person.person, default: []].append(k) }
        var eventsOf = [[Event]](repeating: [], count: drawn.count)
        if !drawn.isEmpty {
            for event in events where event.date <= (asOf ?? event.date) {
                guard let candidates = slot[event.person] else { continue }
                for k in candidates where drawn[k].person.utf8.elementsEqual(event.person.utf8) { eventsOf[k].append(event) }
            }
        }
        for (k, person) in drawn.enumerated() {
            personSection(&h, person, events: eventsOf[k].sorted { ($0.date, $0.line) < ($1.date, $1.line) })
        }
        if flagged.count > cap {
            h.raw("<p class=\"note\">\(FrenchWords.integer(flagged.count - cap)) autres personnes ont un constat ; leur frise n'est pas dessinée ici pour garder la page légère : voir le rapport JSON (<code>pathway replay … --format json</code>) ou <code>pathway explain</code>. ")
            h.raw(flagged.dropFirst(cap).map { "<a href=\"#rule-\($0.findings[0].rule)\">\(HTMLText.escape($0.person))</a>" }.joined(separator: ", "))
            h.raw("</p>\n")
        }
        h.raw("</section>\n")
    }

    private func personSection(_ h: inout HTMLText, _ person: PersonReport, events: [Event]) {
        h.raw("<article class=\"person\" id=\"p-\(HTMLText.anchor(person.person))\"><h3>\(HTMLText.escape(person.person)) — \(HTMLText.escape(person.status.label))</h3>\n")
        h.raw("<p>\(HTMLText.escape(Report.personFacts(person).joined(separator: " ; ")))</p>\n")
        h.timeline(of: person.person, events: events, records: person.records, findings: person.findings)
        h.sanctions(of: person)
        h.raw("<ul>")
        for f in person.findings {
            h.raw("<li><a href=\"#rule-\(f.rule)\"><code>\(f.rule)</code></a> (\(f.severity.label)) du \(f.due ?? f.date)</li>")
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
    .bar { fill: #000091; } .plan { fill: #9aa0d6; } .limit { stroke: #c9191e; stroke-width: 2; } .axis { stroke: #666; }
    .label { font-size: 11px; fill: #333; } .badge { font-size: .8rem; border: 1px solid; border-radius: .3rem; padding: 0 .3rem; }
    .violation .badge { color: #c9191e; } .warning .badge { color: #b34000; } .info .badge { color: #0063cb; }
    .deadline { fill: #b8c0ff; } .deadline.late, .deadline.missing { fill: #f4a6a6; } .deadline.on_time { fill: #a6dcb0; }
    .done { fill: #18753c; } .finding.violation { fill: #c9191e; } .finding.warning { fill: #b34000; } .finding.info { fill: #0063cb; }
    .timeline { width: 100%; max-width: 48rem; } .note { background: #fff7e0; padding: .5rem; }
    footer { margin-top: 2rem; font-size: .85rem; color: #555; }
    @media print { nav, .screen-only { display: none; } body { max-width: none; } article { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
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

    /// A person's timeline as inline SVG (the HTML report's and `explain`'s): the rules' names in
    /// a column on the left; on the time axis, the events as ticks, each clock as a bar from its
    /// day 0 to its last day (coloured by how it ended) with a dot on the day the step was done,
    /// and the findings as triangles. Nothing when there is no date to draw.
    package mutating func timeline(of person: String, events: [Event], records: [DeadlineRecord], findings: [Finding]) {
        let dates = records.flatMap { [$0.deadline.start, $0.deadline.due] } + records.compactMap(\.done)
            + findings.map(\.date) + events.map(\.date)
        guard let first = dates.min(), let last = dates.max() else { return }
        let span = max(1, last.days(since: first))
        let w = 760, left = 170, rowHeight = 18
        let top = events.isEmpty ? 20 : 42
        let height = top + 10 + rowHeight * (records.count + 1)
        func x(_ d: CivilDate) -> Int { left + d.days(since: first) * (w - left - 10) / span }
        raw("<svg class=\"timeline\" viewBox=\"0 0 \(w) \(height)\" role=\"img\" aria-label=\"frise de \(HTMLText.escape(person))\">\n")
        raw("<text x=\"\(left)\" y=\"12\" class=\"label\">\(first)</text><text x=\"\(w - 80)\" y=\"12\" class=\"label\">\(last)</text>\n")
        if !events.isEmpty {
            raw("<text x=\"0\" y=\"32\" class=\"label\">événements</text><line x1=\"\(left)\" y1=\"28\" x2=\"\(w - 10)\" y2=\"28\" class=\"axis\"/>\n")
            for event in events {
                raw("<line x1=\"\(x(event.date))\" y1=\"22\" x2=\"\(x(event.date))\" y2=\"34\" class=\"axis event\"><title>\(event.date) \(HTMLText.escape(Explanation.describe(event))) (\(HTMLText.escape(event.id)))</title></line>\n")
            }
        }
        for (k, record) in records.enumerated() {
            let d = record.deadline, y = top + k * rowHeight
            raw("<text x=\"0\" y=\"\(y + 10)\" class=\"label\">\(d.rule)</text>")
            raw("<rect x=\"\(x(d.start))\" y=\"\(y)\" width=\"\(max(2, x(d.due) - x(d.start)))\" height=\"12\" class=\"deadline \(record.status.rawValue)\"><title>\(HTMLText.escape(Explanation.describe(record)))</title></rect>\n")
            if let done = record.done { raw("<circle cx=\"\(x(done))\" cy=\"\(y + 6)\" r=\"4\" class=\"done\"><title>fait le \(done)</title></circle>\n") }
        }
        let y = top + records.count * rowHeight
        raw("<text x=\"0\" y=\"\(y + 10)\" class=\"label\">constats</text>\n")
        for f in findings {
            raw("<path d=\"M\(x(f.date)) \(y) l5 10 l-10 0 z\" class=\"finding \(f.severity.rawValue)\"><title>\(f.rule) le \(f.date)</title></path>\n")
        }
        raw("</svg>\n")
    }

    /// The person's sanctions, each with its amounts, its hearing and its appeal
    /// (``Report/sanctionsWithProcedure(_:)``); nothing for a person never sanctioned.
    package mutating func sanctions(of person: PersonReport) {
        let sanctions = Report.sanctionsWithProcedure(person)
        guard !sanctions.isEmpty else { return }
        raw("<ul class=\"sanctions\">\n")
        for (sanction, procedure) in sanctions {
            raw("<li>" + ([Report.sanctionLine(sanction)] + procedure).map(HTMLText.escape).joined(separator: "<br>") + "</li>\n")
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

extension Report {
    /// The contract histogram's legal line: `n` months drawn at about 30 days each (a month
    /// runs from day J to day J, 28 to 31 days), labelled as such.
    package static func monthLine(_ months: Int) -> (Int, String) {
        (30 * months, "\(FrenchWords.months(months)) (≈ \(30 * months) jours)")
    }
}
