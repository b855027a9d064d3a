import PathwayLaw
/// The HTML report's charts: inline SVG, each with a legend, French labels on its axes, and the
/// table of the very numbers it draws beside it (`Docs/report.md`, "The HTML report"). Each
/// figure carries its totals in `data-` attributes, which the tests compare with the JSON report.
extension Report {
    /// A count as the tables show it, thousands apart (`1 466`).
    private func n(_ count: Int) -> String { FrenchWords.integer(count) }

    func charts(_ h: inout HTMLText) {
        h.raw("<section id=\"graphiques\"><h2>Graphiques</h2>\n")
        // What the charts draw, gathered with the indicators (and added up by a merge).
        let tally = indicators.tally, table = RuleSet.law.table
        func clock(_ slot: DeadlineIndicator.Slot) -> DeadlineCounts.Tally { table.rule(for: slot).flatMap { tally.deadlines[$0] } ?? DeadlineCounts.Tally() }
        let (orientation, contract) = (clock(.orientation), clock(.contract))
        let day = asOf ?? CivilDate(year: 2025, month: 1, day: 1)!
        let orientationLimit = parameters.orientationDeadlineDays.value(on: day) ?? parameters.orientationDeadlineDays.latest
        let months = parameters.contractDeadlineMonths.value(on: day) ?? parameters.contractDeadlineMonths.latest
        let contractDays = Report.monthDays(months)
        delays(&h, id: "orientation-delays", title: "Délais d'orientation : jours du départ du délai à la décision",
               onTime: orientation.onTimeDays, late: orientation.lateDays,
               limit: orientationLimit, limitLabel: "\(orientationLimit) jours",
               target: parameters.orientationTargetDays.current)
        delays(&h, id: "contract-delays", title: "Délais de contrat : jours de la notification de l'orientation à la signature",
               onTime: contract.onTimeDays, late: contract.lateDays,
               limit: contractDays.upperBound,
               limitLabel: "\(FrenchWords.months(months)) (\(contractDays.lowerBound) à \(contractDays.upperBound) jours)",
               target: parameters.contractTargetDays.current)
        onTimeByMonth(&h, ChartTally.named(tally.charts.orientationByMonth))
        newEntrantsByMonth(&h)
        sanctionsByMonth(&h, ChartTally.named(tally.charts.sanctionsByMonth))
        hoursByDominante(&h)
        h.raw("</section>\n")
    }

    /// The shortest and longest spans of `months` months, day J to day J (one month: 28 to 31 days).
    package static func monthDays(_ months: Int) -> ClosedRange<Int> {
        var shortest = Int.max, longest = 0
        var start = CivilDate(year: 2027, month: 1, day: 1)! // a leap year follows: every span occurs
        for _ in 0..<(4 * 366) {
            let days = start.adding(months: months).days(since: start)
            shortest = min(shortest, days)
            longest = max(longest, days)
            start = start.adding(days: 1)
        }
        return shortest...longest
    }

    /// A histogram's bins: a week each, aligned so that a bin starts the day after `limit` (on
    /// time left of the line, late right of it). The first bin, from day 0, has 4 to 10 days
    /// (fewer when the limit itself is under 4 days). The
    /// bins reach past the limit and the largest value, up to at least three times the limit (13
    /// weeks at least); the longer delays share a last, open bin (`upperBound` nil).
    package static func delayBins(limit: Int, largest: Int) -> [(lowerBound: Int, upperBound: Int?)] {
        let width = 7
        var edge = limit + 1
        while edge - width >= 1 { edge -= width }
        var bins: [(lowerBound: Int, upperBound: Int?)] = []
        var low = 0
        if edge < 4 && edge != limit + 1 { edge += width } // a first bin of 4 to 10 days, unless the limit ends it sooner
        bins.append((0, edge - 1))
        low = edge
        var cap = limit + 1
        while cap < max(13 * width, 3 * limit) { cap += width }
        let reach = max(limit + 1, largest)
        while low <= reach && low < cap {
            bins.append((low, low + width - 1))
            low += width
        }
        if largest >= cap { bins.append((cap, nil)) }
        return bins
    }

    /// Steps done by bin of days from day 0, stacked by status (on time, late), with the legal
    /// line between the last day on time and the first day late, the target's line when one is
    /// set, a legend, and the table of the same counts.
    private func delays(_ h: inout HTMLText, id: String, title: String, onTime onTimeDays: DayCounts, late lateDays: DayCounts,
                        limit: Int, limitLabel: String, target: Int?) {
        let (early, late) = (onTimeDays.sorted, lateDays.sorted)
        let onTime = early.reduce(0) { $0 + $1.count }, done = onTime + late.reduce(0) { $0 + $1.count }
        h.raw("<figure id=\"\(id)\" data-on-time=\"\(onTime)\" data-late=\"\(done - onTime)\"><figcaption>\(HTMLText.escape(title)) — \(FrenchWords.integer(done)) étape\(done > 1 ? "s" : "") réalisée\(done > 1 ? "s" : "")</figcaption>\n")
        guard done > 0 else { h.raw("<p>Aucune étape réalisée.</p></figure>\n"); return }
        let bins = Report.delayBins(limit: limit, largest: max(early.last?.day ?? .min, late.last?.day ?? .min))
        func bin(_ days: Int) -> Int {
            bins.lastIndex { $0.lowerBound <= max(0, days) } ?? 0
        }
        var counts = [(onTime: Int, late: Int)](repeating: (0, 0), count: bins.count)
        for (day, n) in early { counts[bin(day)].onTime += n }
        for (day, n) in late { counts[bin(day)].late += n }
        func label(_ k: Int) -> String {
            let b = bins[k]
            guard let upper = b.upperBound else { return "\(b.lowerBound) et plus" }
            return b.lowerBound == upper ? "\(upper)" : "\(b.lowerBound)–\(upper)"
        }
        let most = max(1, counts.map { $0.onTime + $0.late }.max() ?? 1)
        let lines = [(limit, limitLabel, "limit")] + (target.map { [($0, "cible \($0) jours", "target")] } ?? [])
        // The bars rise from the axis to `top` at most: above them, a band for the lines' words
        // (drawn over the tallest bars, they could not be read).
        let left = 40, right = 660, ht = 200, top = 20 + 12 * lines.count, bar = (right - left) / bins.count
        // The x of the boundary before `day` (a line between day - 1 and day).
        func x(before day: Int) -> Int {
            let k = bin(day), b = bins[k], span = (b.upperBound ?? b.lowerBound + 6) - b.lowerBound + 1
            return left + k * bar + (day - b.lowerBound) * bar / span
        }
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(ht + 62)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n")
        for (k, c) in counts.enumerated() where c.onTime + c.late > 0 {
            var y = ht
            for (n, cls, word) in [(c.onTime, "ontime", "dans le délai"), (c.late, "late", "en retard")] where n > 0 {
                let height = max(1, n * (ht - top) / most)
                y -= height
                h.raw("<rect x=\"\(left + k * bar)\" y=\"\(y)\" width=\"\(max(1, bar - 1))\" height=\"\(height)\" class=\"\(cls)\"><title>\(label(k)) jours : \(n) \(word)</title></rect>\n")
            }
        }
        for (n, (day, text, cls)) in lines.enumerated() {
            let lx = x(before: day + 1)
            // The words right of the line, or left of it where they would leave the chart.
            let fits = lx + 3 + text.count * 6 <= 680
            h.raw("<line x1=\"\(lx)\" y1=\"\(14 + 12 * n)\" x2=\"\(lx)\" y2=\"\(ht)\" class=\"\(cls)\"/><text x=\"\(fits ? lx + 3 : lx - 3)\" y=\"\(24 + 12 * n)\"\(fits ? "" : " text-anchor=\"end\"") class=\"label\">\(HTMLText.escape(text))</text>\n")
        }
        h.raw("<line x1=\"\(left)\" y1=\"\(ht)\" x2=\"\(right)\" y2=\"\(ht)\" class=\"axis\"/><text x=\"0\" y=\"\(top + 8)\" class=\"label\">\(most)</text><text x=\"0\" y=\"\(ht)\" class=\"label\">0</text>\n")
        let every = max(1, (28 + bar - 1) / bar) // a label every 28 units at least
        for k in stride(from: 0, to: bins.count, by: every) {
            let text = bins[k].upperBound == nil ? "≥ \(bins[k].lowerBound)" : "\(bins[k].lowerBound)"
            h.raw("<text x=\"\(left + k * bar)\" y=\"\(ht + 13)\" class=\"label\">\(text)</text>")
        }
        h.raw("\n<text x=\"\(left)\" y=\"\(ht + 28)\" class=\"label\">jours depuis le départ du délai</text>\n")
        legend(&h, y: ht + 40, [("ontime", "dans le délai"), ("late", "en retard")], lines: lines.map { ($0.2, $0.1) })
        h.raw("</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>jours</th><th>dans le délai</th><th>en retard</th><th>total</th></tr></thead><tbody>\n")
        for (k, c) in counts.enumerated() where c.onTime + c.late > 0 {
            h.raw("<tr><td>\(label(k))</td><td>\(n(c.onTime))</td><td>\(n(c.late))</td><td>\(n(c.onTime + c.late))</td></tr>\n")
        }
        h.raw("<tr class=\"total\"><td>total</td><td>\(n(onTime))</td><td>\(n(done - onTime))</td><td>\(n(done))</td></tr>\n")
        h.raw("</tbody></table></div></figure>\n")
    }

    /// A row of coloured squares (and lines) with their words, at `y`.
    private func legend(_ h: inout HTMLText, y: Int, _ boxes: [(String, String)], lines: [(String, String)] = []) {
        var x = 40
        for (cls, text) in boxes {
            h.raw("<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" class=\"\(cls)\"/><text x=\"\(x + 14)\" y=\"\(y + 9)\" class=\"label\">\(HTMLText.escape(text))</text>")
            x += 14 + text.count * 6 + 18 // about 6 units a character at 11px
        }
        for (cls, text) in lines {
            h.raw("<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(y + 10)\" class=\"\(cls)\"/><text x=\"\(x + 5)\" y=\"\(y + 9)\" class=\"label\">\(HTMLText.escape(text))</text>")
            x += 5 + text.count * 6 + 18
        }
        h.raw("\n")
    }

    /// Every month from the first to the last key (`YYYY-MM`), those without data included.
    package static func monthRange(_ keys: [String]) -> [String] {
        func parts(_ key: String) -> (Int, Int)? {
            let p = key.split(separator: "-")
            guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]) else { return nil }
            return (y, m)
        }
        guard let first = keys.min().flatMap(parts), let last = keys.max().flatMap(parts) else { return keys.sorted() }
        var out: [String] = [], (y, m) = first
        while (y, m) <= last {
            out.append("\(y)-\(m < 10 ? "0" : "")\(m)")
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }

    /// Month labels under bars `step` wide from x = 40, a label every 48 units at least.
    private func monthAxis(_ h: inout HTMLText, _ months: [String], step: Int, y: Int) {
        let every = max(1, (48 + step - 1) / step)
        for k in stride(from: 0, to: months.count, by: every) {
            h.raw("<text x=\"\(40 + k * step)\" y=\"\(y)\" class=\"label\">\(months[k])</text>")
        }
        h.raw("\n")
    }

    /// The share on time by month of the clock's start, mature cohorts only (pending left out);
    /// months without a judged deadline are left blank on the axis.
    private func onTimeByMonth(_ h: inout HTMLText, _ cells: [String: [Int]]) {
        let byMonth = cells.mapValues { (onTime: $0[0], judged: $0[1]) }
        let judged = byMonth.values.reduce(0) { $0 + $1.judged }, onTime = byMonth.values.reduce(0) { $0 + $1.onTime }
        h.raw("<figure id=\"on-time-by-month\" data-on-time=\"\(onTime)\" data-judged=\"\(judged)\"><figcaption>Orientations dans le délai, par mois du départ du délai (délais échus seulement)</figcaption>\n")
        guard !byMonth.isEmpty else { h.raw("<p>Aucun délai échu.</p></figure>\n"); return }
        let months = Report.monthRange(Array(byMonth.keys))
        let ht = 160, step = max(4, 620 / months.count)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(ht + 48)\" role=\"img\" aria-label=\"taux dans le délai par mois\">\n")
        for (k, month) in months.enumerated() {
            guard let cell = byMonth[month] else { continue }
            let rate = cell.onTime * ht / max(1, cell.judged)
            h.raw("<rect x=\"\(40 + k * step)\" y=\"\(ht - rate)\" width=\"\(max(2, step - 2))\" height=\"\(rate)\" class=\"ontime\"><title>\(month) : \(cell.onTime) sur \(cell.judged) dans le délai</title></rect>\n")
        }
        h.raw("<line x1=\"40\" y1=\"\(ht)\" x2=\"660\" y2=\"\(ht)\" class=\"axis\"/><line x1=\"40\" y1=\"\(ht / 2)\" x2=\"660\" y2=\"\(ht / 2)\" class=\"grid\"/>")
        h.raw("<text x=\"0\" y=\"10\" class=\"label\">100 %</text><text x=\"0\" y=\"\(ht / 2 + 4)\" class=\"label\">50 %</text><text x=\"0\" y=\"\(ht)\" class=\"label\">0 %</text>\n")
        monthAxis(&h, months, step: step, y: ht + 13)
        h.raw("<text x=\"40\" y=\"\(ht + 28)\" class=\"label\">mois du départ du délai ; un mois sans délai échu reste vide</text>\n")
        legend(&h, y: ht + 36, [("ontime", "part des orientations faites dans le délai")])
        h.raw("</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>dans le délai</th><th>échus</th><th>taux</th></tr></thead><tbody>\n")
        for month in months {
            guard let cell = byMonth[month] else { continue }
            h.raw("<tr><td>\(month)</td><td>\(n(cell.onTime))</td><td>\(n(cell.judged))</td><td>\(Ratio.percent(Ratio.perMille(cell.onTime, cell.judged)))</td></tr>\n")
        }
        h.raw("<tr class=\"total\"><td>total</td><td>\(n(onTime))</td><td>\(n(judged))</td><td>\(Ratio.percent(Ratio.perMille(onTime, judged)))</td></tr>\n")
        h.raw("</tbody></table></div></figure>\n")
    }

    /// The new entrants by month of entry: stacked bars (oriented within the target, later,
    /// pending, without orientation) and the table of the same counts.
    private func newEntrantsByMonth(_ h: inout HTMLText) {
        let entrants = indicators.newEntrants
        h.raw("<figure id=\"new-entrants-by-month\" data-total=\"\(entrants.total)\"><figcaption>Nouveaux entrants par mois d'entrée : orientés dans les \(entrants.targetDays) jours, plus tard, en attente, sans orientation</figcaption>\n")
        guard !entrants.orderedMonths.isEmpty else { h.raw("<p>Aucun nouvel entrant.</p></figure>\n"); return }
        let months = Report.monthRange(entrants.orderedMonths)
        let ht = 160, step = max(4, 620 / months.count)
        let most = max(1, months.map(entrants.entrants(in:)).max() ?? 1)
        // Green within the target, lavender later, light blue pending, red without orientation.
        let classes = ["done", "plan", "deadline", "finding violation"]
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(ht + 48)\" role=\"img\" aria-label=\"nouveaux entrants par mois\">\n")
        for (k, month) in months.enumerated() {
            var top = ht
            for (i, status) in NewEntry.Status.allCases.enumerated() {
                let count = entrants.count(status, in: month)
                guard count > 0 else { continue }
                let height = max(1, count * ht / most)
                top -= height
                h.raw("<rect x=\"\(40 + k * step)\" y=\"\(top)\" width=\"\(max(2, step - 2))\" height=\"\(height)\" class=\"\(classes[i])\"><title>\(month) : \(count) \(Report.newEntrantLabel(status, entrants.targetDays))</title></rect>\n")
            }
        }
        h.raw("<line x1=\"40\" y1=\"\(ht)\" x2=\"660\" y2=\"\(ht)\" class=\"axis\"/><text x=\"0\" y=\"10\" class=\"label\">\(most)</text><text x=\"0\" y=\"\(ht)\" class=\"label\">0</text>\n")
        monthAxis(&h, months, step: step, y: ht + 13)
        legend(&h, y: ht + 24, NewEntry.Status.allCases.enumerated().map { (classes[$0.offset], Report.newEntrantLabel($0.element, entrants.targetDays)) })
        h.raw("</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>entrants</th>" + NewEntry.Status.allCases.map { "<th>\(HTMLText.escape(Report.newEntrantLabel($0, entrants.targetDays)))</th>" }.joined() + "<th>taux dans la cible</th></tr></thead><tbody>\n")
        for month in entrants.orderedMonths + [nil] as [String?] {
            let total = month.map(entrants.entrants(in:)) ?? entrants.total
            h.raw("<tr\(month == nil ? " class=\"total\"" : "")><td>\(month ?? "total")</td><td>\(n(total))</td>" + NewEntry.Status.allCases.map { "<td>\(n(entrants.count($0, in: month)))</td>" }.joined()
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

    /// The euros withheld by month of decision, stacked as lost, refunded and not yet settled
    /// (a suspension still running), with the decisions in the table.
    private func sanctionsByMonth(_ h: inout HTMLText, _ cells: [String: [Int64]]) {
        let byMonth = cells.mapValues { (decisions: Int($0[0]), withheld: $0[1], refunded: $0[2], lost: $0[3]) }
        let sum = byMonth.values.reduce((0, Int64(0), Int64(0), Int64(0))) { ($0.0 + $1.decisions, $0.1 + $1.withheld, $0.2 + $1.refunded, $0.3 + $1.lost) }
        h.raw("<figure id=\"sanctions-by-month\" data-decisions=\"\(sum.0)\" data-withheld=\"\(sum.1)\" data-refunded=\"\(sum.2)\" data-lost=\"\(sum.3)\"><figcaption>Sommes retenues par mois de décision de sanction : perdues, reversées, pas encore soldées (suspension en cours)</figcaption>\n")
        guard !byMonth.isEmpty else { h.raw("<p>Aucune sanction.</p></figure>\n"); return }
        let months = Report.monthRange(Array(byMonth.keys))
        let most = max(1, byMonth.values.map(\.withheld).max() ?? 1)
        let ht = 140, step = max(4, 620 / months.count)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(ht + 48)\" role=\"img\" aria-label=\"sommes retenues par mois\">\n")
        for (k, month) in months.enumerated() {
            guard let c = byMonth[month] else { continue }
            var top = ht
            for (cents, cls, word) in [(c.lost, "late", "perdu"), (c.refunded, "plan", "reversé"), (c.withheld - c.lost - c.refunded, "deadline", "pas encore soldé")] where cents > 0 {
                let height = max(1, Int(cents * Int64(ht) / most))
                top -= height
                h.raw("<rect x=\"\(40 + k * step)\" y=\"\(top)\" width=\"\(max(2, step - 2))\" height=\"\(height)\" class=\"\(cls)\"><title>\(month) : \(HTMLText.escape(FrenchWords.euros(Cents(cents)))) \(word)</title></rect>\n")
            }
        }
        h.raw("<line x1=\"40\" y1=\"\(ht)\" x2=\"660\" y2=\"\(ht)\" class=\"axis\"/><text x=\"0\" y=\"10\" class=\"label\">\(HTMLText.escape(FrenchWords.euros(Cents(most))))</text>\n")
        monthAxis(&h, months, step: step, y: ht + 13)
        legend(&h, y: ht + 24, [("late", "perdu"), ("plan", "reversé"), ("deadline", "pas encore soldé")])
        h.raw("</svg>\n")
        h.raw("<table class=\"data\"><thead><tr><th>mois</th><th>décisions</th><th>retenu</th><th>reversé</th><th>perdu</th></tr></thead><tbody>\n")
        func row(_ label: String, _ c: (Int, Int64, Int64, Int64), total: Bool = false) {
            h.raw("<tr\(total ? " class=\"total\"" : "")><td>\(label)</td><td>\(n(c.0))</td>" + [c.1, c.2, c.3].map { "<td class=\"amount\">\(HTMLText.escape(FrenchWords.euros(Cents($0))))</td>" }.joined() + "</tr>\n")
        }
        for month in months { if let c = byMonth[month] { row(month, (c.decisions, c.withheld, c.refunded, c.lost)) } }
        row("total", sum, total: true)
        h.raw("</tbody></table></div></figure>\n")
    }

    /// Hours done and planned per week under contract, by dominante.
    private func hoursByDominante(_ h: inout HTMLText) {
        h.raw("<figure id=\"hours-by-dominante\"><figcaption>Heures par semaine sous contrat, faites et prévues, par dominante</figcaption>\n")
        let i = indicators.intensity
        var sums: [Dominante: (done: Int, planned: Int, days: Int)] = [:]
        for (d, days) in i.daysByDominante { sums[d] = (i.hoursByDominante[d] ?? 0, i.plannedByDominante[d] ?? 0, days) }
        func perWeek(_ hundredths: Int, _ days: Int) -> Hours { Hours(hundredths: days > 0 ? (hundredths * 7 * 2 + days) / (days * 2) : 0) }
        let rows = Dominante.allCases.compactMap { d in sums[d].map { (d, perWeek($0.done, $0.days), perWeek($0.planned, $0.days)) } }
        guard !rows.isEmpty else { h.raw("<p>Intensité non mesurée : le journal n'enregistre aucune activité sous contrat.</p></figure>\n"); return }
        let top = max(1, rows.map { max($0.1.hundredths, $0.2.hundredths) }.max() ?? 1)
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(rows.count * 50 + 30)\" role=\"img\" aria-label=\"heures par dominante\">\n")
        for (k, row) in rows.enumerated() {
            let y = 10 + k * 50
            h.raw("<text x=\"0\" y=\"\(y + 14)\" class=\"label\">\(Report.dominanteLabel(row.0))</text>")
            h.raw("<rect x=\"150\" y=\"\(y)\" width=\"\(row.1.hundredths * 450 / top)\" height=\"16\" class=\"bar\"><title>faites \(row.1.description.replacingDot()) h</title></rect>")
            h.raw("<rect x=\"150\" y=\"\(y + 20)\" width=\"\(row.2.hundredths * 450 / top)\" height=\"16\" class=\"plan\"><title>prévues \(row.2.description.replacingDot()) h</title></rect>\n")
        }
        legend(&h, y: rows.count * 50 + 14, [("bar", "heures faites par semaine"), ("plan", "heures prévues par semaine")])
        h.raw("</svg>\n<table class=\"data\"><thead><tr><th>dominante</th><th>faites</th><th>prévues</th></tr></thead><tbody>\n")
        for row in rows {
            h.raw("<tr><td>\(Report.dominanteLabel(row.0))</td><td>\(row.1.description.replacingDot()) h</td><td>\(row.2.description.replacingDot()) h</td></tr>\n")
        }
        h.raw("</tbody></table></div></figure>\n")
    }
}
