import PathwayMachinery
import PathwayLaw
/// The report for an auditor, in French: the summary first, then the findings grouped by
/// rule with their article, then the detail of each person with a finding.
extension Report {
    /// The French report; `summary` for the synthesis alone (`--summary`).
    public func text(source: String = "-", summary: Bool = false) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let n = FrenchWords.integer

        line("RAPPORT D'AUDIT DU PARCOURS RSA — Pathway")
        for warning in warnings { line("ATTENTION : \(warning)") }
        line("Fichier : \(source)")
        line("Date d'audit : \(asOf?.description ?? "aucune (journal sans événement)")" + (asOfSetBy.map { " (par défaut, \($0))" } ?? ""))
        if !parameters.overrides.isEmpty {
            line("Paramètres locaux (--config) : " + parameters.overrides.sorted { $0.key < $1.key }
                .map { "\($0.key) = \($0.value)" }.joined(separator: ", "))
        }
        line()
        line("SYNTHÈSE")
        line("  Lignes lues : \(n(input.lines)) (\(Report.plural(input.events, "événement")), \(Report.plural(input.duplicates, "doublon")) ignoré\(input.duplicates > 1 ? "s" : ""), "
             + "\(Report.plural(input.rejected, "rejetée")), \(Report.plural(input.blank, "vide")))")
        for file in input.files {
            line("    \(file.file) : \(Report.plural(file.lines, "ligne")), \(Report.plural(file.events, "événement")), \(Report.plural(file.duplicates, "doublon")), \(Report.plural(file.rejected, "rejetée"))")
        }
        line("  Personnes : \(n(input.people)) ; événements rejoués : \(n(input.replayed))"
             + (input.afterAsOf > 0 ? " (\(n(input.afterAsOf)) postérieurs à la date d'audit, non rejoués)" : ""))
        line("  Constats : \(Report.plural(count(.violation), "violation")), \(Report.plural(count(.warning), "avertissement")), \(Report.plural(count(.info), "information"))")
        line("  États : " + PathwayStatus.allCases.compactMap { status in
            indicators.states[status].map { "\(status.label) \($0)" }
        }.joined(separator: ", "))
        let entrants = indicators.newEntrants
        if entrants.total > 0 {
            line("  Nouveaux entrants : \(n(entrants.total)) ; orientés en \(entrants.targetDays) jours et moins "
                 + "\(n(entrants.count(.withinTarget))), plus tard \(n(entrants.count(.later))), en attente \(n(entrants.count(.pending))), "
                 + "sans orientation \(n(entrants.count(.missing)))" + (summary ? " (par mois dans le rapport complet)" : ""))
        }
        if indicators.dutiesUnknown > 0 {
            line("  Droits et devoirs inconnus (la source ne les dit pas) : \(Report.plural(indicators.dutiesUnknown, "personne")), "
                 + "comptée\(indicators.dutiesUnknown > 1 ? "s" : "") comme non soumise\(indicators.dutiesUnknown > 1 ? "s" : "") ; aucun délai jugé pour elle\(indicators.dutiesUnknown > 1 ? "s" : "")")
        }
        for (_, indicator) in parameters.rules.table.indicators {
            line(Report.deadlineLine(indicator.heading(parameters), indicators[indicator.slot], target: indicator.target?(parameters)))
        }
        line("  Orientations en vigueur : " + Dominante.allCases.map { "\(Report.dominanteLabel($0)) \(indicators.byDominante[$0] ?? 0)" }
            .joined(separator: ", ") + " ; réorientations : \(indicators.reorientations)")
        let r2c = indicators.registrationToContract
        line("  Délai inscription → contrat d'engagement : "
             + (r2c.count == 0 ? "aucun contrat signé" : "médiane \((r2c.median ?? "-").replacingDot()) jours, moyenne \((r2c.mean ?? "-").replacingDot()) jours (\(Report.plural(r2c.count, "contrat")))"))

        let ic = indicators.intensity
        if ic.contracts > 0 {
            let withHours = ic.contracts - ic.contractsWithoutHours
            line("  Intensité : " + (withHours > 0 ? "\(Ratio.percent(Ratio.perMille(ic.contractsAtLeastMinimum, withHours))) des contrats prévoient au moins \(parameters.minimumWeeklyHours.latest) h ; "
                                                   : "aucun contrat ne dit sa durée hebdomadaire ; ")
                 + (ic.peopleWithReduction == 0 ? "aucune personne avec une réduction légale" : "\(Report.plural(ic.peopleWithReduction, "personne")) avec une réduction légale ("
                 + ReductionReason.allCases.compactMap { r in ic.reductionsByReason[r].map { "\(Report.reductionLabel(r)) \($0)" } }.joined(separator: ", ") + ")")
                 + " ; heures faites par semaine sous contrat : "
                 + Dominante.allCases.map { "\(Report.dominanteLabel($0)) \(ic.averageHours($0).map { $0.description.replacingDot() + " h" } ?? "—")" }.joined(separator: ", ")
                 + " ; \(Report.plural(ic.peopleShort, "personne")) en deçà du plan"
                 + (ic.peopleNotMeasured > 0 ? " ; intensité non mesurée (aucune activité au journal) pour \(Report.plural(ic.peopleNotMeasured, "personne"))" : ""))
            line("  Rendez-vous : \(Report.plural(ic.appointments.attended, "honoré")), \(Report.plural(ic.appointments.missed, "manqué")) sans excuse, "
                 + "\(Report.plural(ic.appointments.excused, "excusé")) ; taux d'absence \(Ratio.percent(ic.noShowPerMille))")
        }
        let sc = indicators.sanctions
        if sc.suspension + sc.suppression > 0 {
            line("  Sanctions : \(Report.plural(sc.suspension, "suspension")), \(Report.plural(sc.suppression, "suppression")), "
                 + "\(Report.plural(sc.remobilisations, "remobilisation")), \(Report.plural(sc.withdrawals, "retrait")) ; "
                 + "retenu \(FrenchWords.euros(sc.withheld)), reversé \(FrenchWords.euros(sc.refunded)), perdu \(FrenchWords.euros(sc.lost))"
                 + (sc.unknownAmounts > 0 ? " (\(sc.unknownAmounts) décision\(sc.unknownAmounts > 1 ? "s" : "") au montant mensuel inconnu)" : ""))
        }

        if !notJudged.isEmpty {
            line("  Règles non jugées, faute de données : " + notJudged.map { "\($0.rule) (\($0.reason))" }.joined(separator: " ; "))
        }
        if summary { return out }

        if entrants.total > 0 {
            line()
            line("NOUVEAUX ENTRANTS PAR MOIS D'ENTRÉE (orientés dans les \(entrants.targetDays) jours, plus tard, en attente, sans orientation)")
            for row in Report.newEntrantRows(entrants) { line("  " + row) }
        }

        line()
        line("CONSTATS PAR RÈGLE")
        let grouped = Dictionary(grouping: findings, by: \.rule)
        if grouped.isEmpty { line("  Aucun constat.") }
        for rule in RuleRegistry.all {
            guard let list = grouped[rule.id] else { continue }
            line()
            line("  \(rule.id) — \(rule.title) — \(rule.severity.label) — \(Report.plural(list.count, "constat"))")
            line("  Base : \(rule.references.cited)")
            for finding in list {
                var dates = ""
                if let due = finding.due {
                    dates = "échéance \(due), " + (finding.done.map { "réalisé le \($0)" } ?? "non réalisé") + " — "
                }
                // The legal basis is said once, above: each message is given without it.
                line("    \(Report.visible(finding.person)) — \(dates)\(finding.event.map { "événement \(Report.visible($0)) — " } ?? "")\(Report.withoutBasis(finding.message, rule))")
            }
        }

        if !rejected.isEmpty {
            line()
            line("LIGNES REJETÉES (\(rejected.count))")
            for error in rejected {
                line("  " + (error.file.map { "\($0), " } ?? "") + "ligne \(error.line) : \(error.reason(in: .french))")
            }
        }

        let flagged = people.filter { !$0.findings.isEmpty }
        if mergedParts != nil, !flagged.isEmpty {
            // A merged report's people: their detail read from their part's JSON report.
            line()
            line("DÉTAIL PAR PERSONNE (personnes avec au moins un constat : \(flagged.count))")
            for detail in mergedDetails {
                line()
                for text in detail.lines(asOf: asOf) { line(text) }
            }
        } else if !flagged.isEmpty {
            line()
            line("DÉTAIL PAR PERSONNE (personnes avec au moins un constat : \(flagged.count))")
            for person in flagged {
                line()
                for text in PersonDetail(person, asOf: asOf).lines(asOf: asOf) { line(text) }
            }
        }
        return out
    }

    package static func reductionLabel(_ reason: ReductionReason) -> String { FrenchWords.reduction(reason) }

    /// An identifier from the log as a text report shows it: a control character (a tab, a
    /// carriage return…) made visible as `\u{9}`, and a backslash doubled, so that a line is
    /// never cut or shifted by an id.
    package static func visible(_ id: String) -> String {
        guard id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || (0x80...0x9F).contains($0.value) }) else { return id }
        var out = ""
        for scalar in id.unicodeScalars {
            if scalar == "\\" { out += "\\\\" }
            else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { out += "\\u{\(String(scalar.value, radix: 16))}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The new entrants' table, aligned: a header, a row per month, the total.
    package static func newEntrantRows(_ entrants: NewEntrantCounts) -> [String] {
        let header = ["mois", "entrants", "≤ \(entrants.targetDays) j", "plus tard", "en attente", "sans orientation"]
        func cells(_ month: String?) -> [String] {
            [month ?? "total", FrenchWords.integer(month.map(entrants.entrants(in:)) ?? entrants.total)]
                + NewEntry.Status.allCases.map { FrenchWords.integer(entrants.count($0, in: month)) }
        }
        let rows = [header] + entrants.orderedMonths.map { cells($0) } + [cells(nil)]
        let widths = header.indices.map { k in rows.map { $0[k].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { k in
                let pad = String(repeating: " ", count: widths[k] - row[k].count)
                return k == 0 ? row[k] + pad : pad + row[k]
            }.joined(separator: "  ")
        }
    }

    package static func intensityLine(_ i: Intensity) -> String {
        intensityLine(weeks: i.weeksUnderContract, average: i.averageHoursPerWeek, meeting: i.weeksMeetingPlan, byCategory: i.byCategory)
    }

    package static func intensityLine(weeks: Int, average: Hours?, meeting: Int, byCategory: CategoryHours) -> String {
        var text = "Intensité : \(Report.plural(weeks, "semaine")) sous contrat, "
            + "\(average.map { $0.description.replacingDot() } ?? "—") h par semaine en moyenne, "
            + "plan atteint \(meeting) semaine\(meeting > 1 ? "s" : "") sur \(weeks)"
        let parts = byCategory.nonZero.map { "\(FrenchWords.label($0.category)) \($0.hours.description.replacingDot()) h" }
        if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
        return text
    }

    package static func sanctionLine(_ s: SanctionReport) -> String {
        let r = s.record
        return sanctionLine(event: r.event, date: r.date, suspension: r.decision.measure == .suspension, percent: r.decision.percent,
                            months: r.decision.months, starts: r.starts, ends: r.ends, basis: r.basis.label, endedBy: r.endedBy?.rawValue,
                            amounts: s.amounts.map { ($0.withheld, $0.refunded, $0.lost) })
    }

    package static func sanctionLine(event: String, date: CivilDate, suspension: Bool, percent: Int, months: Int, starts: CivilDate,
                                     ends: CivilDate, basis: String, endedBy: String?,
                                     amounts: (withheld: Cents, refunded: Cents, lost: Cents)?) -> String {
        var text = "Sanction \(event) du \(date) : \(suspension ? "suspension" : "suppression") \(percent) % \(months) mois, "
            + "du \(starts) au \(ends) (\(basis)"
        if let by = endedBy { text += by == SanctionRecord.Ending.remobilised.rawValue ? ", remobilisation" : ", retirée" }
        text += ")"
        if let a = amounts {
            text += " ; retenu \(FrenchWords.euros(a.withheld)), reversé \(FrenchWords.euros(a.refunded)), perdu \(FrenchWords.euros(a.lost))"
        } else {
            text += " ; montant mensuel inconnu"
        }
        return text
    }

    package static func plural(_ n: Int, _ word: String) -> String {
        "\(FrenchWords.integer(n)) \(word)\(n > 1 ? "s" : "")"
    }

    /// A finding's message without the rule's sources that end it (said once per rule).
    package static func withoutBasis(_ message: String, _ rule: Rule) -> String {
        let tail = " " + rule.cited + "."
        guard message.hasSuffix(tail) else { return message }
        return String(message.dropLast(tail.count))
    }

    package static func deadlineLine(_ title: String, _ counts: DeadlineCounts, target: Int?) -> String {
        let n = FrenchWords.integer
        var text = "  \(title) : \(n(counts.onTime)) dans le délai, \(n(counts.late)) en retard, \(plural(counts.missing, "manquant")), "
            + "\(n(counts.pending)) en cours, \(plural(counts.cancelled, "interrompu"))"
        if let rate = counts.onTimePerMille {
            text += " ; taux dans le délai \(Ratio.percent(rate))"
        }
        if let median = counts.delay.median { text += " ; délai médian \(median.replacingDot()) jours" }
        if counts.hasTarget, let target {
            text += " ; cible locale \(target) jours : \(plural(counts.targetMet, "atteinte")), \(plural(counts.targetMissed, "manquée"))"
        }
        return text
    }

    package static func dominanteLabel(_ dominante: Dominante) -> String {
        switch dominante {
        case .emploi: return "emploi"
        case .socioPro: return "socio-professionnelle"
        case .social: return "sociale"
        }
    }

    package static func personFacts(_ person: PersonReport) -> [String] { personFacts(PersonDetail(person, asOf: nil)) }

    package static func personFacts(_ s: PersonDetail) -> [String] {
        var facts: [String] = []
        switch s.right {
        case .never: facts.append("aucune ouverture de droit")
        case .open(let since, let received):
            // The day the département received the information (the orientation clock's day 0),
            // and the application's when the right is dated from it.
            let opened: String
            if let received, received == since { opened = "droit ouvert (réception le \(since))" }
            else if let received { opened = "droit ouvert le \(since) (date de la demande ; réception le \(received))" }
            else { opened = "droit ouvert le \(since) (date de la demande ; réception inconnue)" }
            facts.append(opened + (s.transferred ? ", transféré" : ""))
        case .closed(let on, let reason): facts.append("droit clos le \(on) (\(FrenchWords.label(reason)))")
        }
        if !s.subjectToDuties { facts.append("non soumis aux droits et devoirs") }
        facts.append(s.registeredOn.map { "inscrit le \($0)" } ?? "jamais inscrit")
        if let o = s.orientation {
            facts.append("orienté le \(o.date) (notifié le \(o.notified)) : \(dominanteLabel(o.dominante)), \(FrenchWords.label(o.organisme))")
        }
        if let d = s.diagnosticOn { facts.append("diagnostic le \(d)") }
        func hours(_ h: Hours?) -> String { h.map { "\($0) h/semaine" } ?? "heures non enregistrées" }
        if let c = s.contract {
            if let first = s.signed, first.event != c.event {
                facts.append("contrat signé le \(first.date) (\(hours(first.weeklyHours))), actualisé le \(c.date) (\(hours(c.weeklyHours)))")
            } else if let first = s.signed {
                facts.append("contrat signé le \(first.date) (\(hours(first.weeklyHours)))")
            } else {
                facts.append("contrat actualisé le \(c.date) (\(hours(c.weeklyHours)))")
            }
        }
        return facts
    }
}

/// One row per finding (RFC 4180: CRLF line ends, fields quoted when needed, UTF-8), and the
/// same for French Excel (`--excel`: `;`, a UTF-8 byte-order mark, French headers, decimal
/// commas). In every CSV a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is neutralised with a leading `'`, so that a spreadsheet never runs it as a formula.
extension Report {
    public static let csvHeader = ["person", "rule", "severity", "date", "due", "done", "event", "article", "confidence", "message"]
    /// The headers French Excel shows.
    /// The headers French Excel shows: the rule's title follows its code, so that a reader
    /// never meets a code alone.
    public static let csvHeaderFrench = ["personne", "règle", "intitulé de la règle", "gravité", "date", "échéance", "réalisé le", "événement", "article", "confiance", "constat"]

    /// The CSV's flavour.
    public enum CSVFlavour: Sendable {
        /// The contract: `,`, no byte-order mark, English headers.
        case standard
        /// For French Excel: `;`, a byte-order mark, French headers.
        case excel
    }

    public func csv(_ flavour: CSVFlavour = .standard) -> String {
        String(decoding: csvBytes(flavour), as: UTF8.self)
    }

    /// The CSV as UTF-8 bytes (``writeCSV(_:jobs:rowsPerRun:through:)`` gathered).
    public func csvBytes(_ flavour: CSVFlavour = .standard, jobs: Int = 1, rowsPerRun: Int = 4_096) -> [UInt8] {
        var out: [UInt8] = []
        writeCSV(flavour, jobs: jobs, rowsPerRun: rowsPerRun, through: { out.append(contentsOf: $0) })
        return out
    }

    /// The CSV's first line, with its line end (and the byte-order mark for Excel).
    public static var csvHeaderLine: String { csvHeaderLine(.standard) }

    public static func csvHeaderLine(_ flavour: CSVFlavour) -> String {
        switch flavour {
        case .standard: return csvHeader.joined(separator: ",") + "\r\n"
        case .excel: return "\u{FEFF}" + csvHeaderFrench.map { csvField($0, separator: ";") }.joined(separator: ";") + "\r\n"
        }
    }

    /// One finding's CSV line, with its line end.
    public static func csvRow(_ f: Finding) -> String { csvRow(f, .standard) }

    public static func csvRow(_ f: Finding, _ flavour: CSVFlavour) -> String {
        var out: [UInt8] = []
        appendCSVRow(f, flavour, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding's CSV line, with its line end, appended to `out`.
    package static func appendCSVRow(_ f: Finding, _ flavour: CSVFlavour, to out: inout [UInt8]) {
        let separator: UInt8 = flavour == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",")
        var first = true
        func field(_ value: String) {
            if !first { out.append(separator) }
            first = false
            appendCSVField(value, separator: separator, to: &out)
        }
        field(f.person)
        field(f.rule.rawValue)
        if flavour == .excel { field(RuleRegistry.rule(f.rule)?.title ?? "") }
        field(flavour == .excel ? f.severity.label : f.severity.rawValue)
        field(f.date.description)
        field(f.due?.description ?? "")
        field(f.done?.description ?? "")
        field(f.event ?? "")
        field(f.references.map(\.citation).joined(separator: " ; "))
        field(f.references.weakest.rawValue)
        field(f.message)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// One CSV field (RFC 4180), quoted when needed; a cell a spreadsheet would read as a
    /// formula is neutralised with a leading `'`.
    public static func csvField(_ value: String) -> String { csvField(value, separator: ",") }

    public static func csvField(_ value: String, separator: Character) -> String {
        var out: [UInt8] = []
        appendCSVField(value, separator: separator.asciiValue ?? 0x2C, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One CSV field appended to `out`, byte by byte: quoted when it holds the separator, a
    /// quote or a line end (its quotes doubled); a formula-like first byte neutralised with `'`.
    package static func appendCSVField(_ value: String, separator: UInt8, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let formula = bytes.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
            let quoted = bytes.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quoted { out.append(0x22) }
            if formula { out.append(UInt8(ascii: "'")) }
            if quoted && bytes.contains(0x22) {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else if quoted {
                out.append(contentsOf: bytes)
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
