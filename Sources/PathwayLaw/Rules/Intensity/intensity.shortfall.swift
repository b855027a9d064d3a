import PathwayMachinery
/// `intensity.shortfall`: the average hours of activity done over the evaluation window
/// (4 consecutive full weeks by default) reach the weekly duration of the contract in force.
/// C. trav. L5411-6 II [S], R5411-15 [P]; instruction DGEFP/DFT/2025/10 annexe 2 [S]; weeks
/// and proration [I]. Page: `Docs/rules/intensity.shortfall.md`.
///
/// The weeks and their episodes are computed in `Engine/Intensity.swift`; this file turns each
/// episode into a finding and says it in French.
extension Rules.Intensity {
    package enum Shortfall: RuleDefinition {
        package static let id: RuleID = "intensity.shortfall"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Intensité en deçà du plan",
            summary: "La moyenne des heures d'activité faites sur la fenêtre d'évaluation (\(Parameters.law.intensityWindowWeeks.latest) semaines complètes consécutives par défaut) atteint la durée hebdomadaire du contrat en vigueur.",
            references: [Law.fifteenHours, Law.actionPlan, Law.intensityTarget, Law.weeklyProration],
            parameters: [\.intensityWindowWeeks, \.minimumWeeklyHours],
            inForce: Parameters.law.minimumWeeklyHours.inForce)

        /// A finding for each episode of `intensity`, as of `asOf`.
        package static func findings(_ intensity: PersonIntensity, person: String, asOf: CivilDate,
                             under parameters: Parameters) -> [Finding] {
            guard let window = parameters.intensityWindowWeeks.value(on: asOf) else { return [] }
            return intensity.episodes.map { episode in
                Finding(rule: id, person: person, date: episode.firstMonday, event: episode.contractEvent,
                        text: .shortfall(ShortfallMessage(episode, window: window)))
            }
        }

        /// The message of a shortfall, written piece by piece: the most frequent finding of a
        /// log, kept as its facts (``ShortfallMessage``) and written out only when read.
        package static func write(_ m: ShortfallMessage, into text: inout ByteBuffer) {
            text.add("Du lundi "); text.add(m.firstMonday); text.add(" (semaine "); text.add(m.firstMonday.isoWeek)
            text.add(") au dimanche "); text.add(m.lastMonday.adding(days: 6)); text.add(" (semaine "); text.add(m.lastMonday.isoWeek)
            text.add("), "); text.add(Int(m.weeks)); text.add(" semaines complètes sous contrat : ")
            text.add(decimalComma: HoursValue(hundredths: Int(m.done))); text.add(" h d'activité par semaine en moyenne pour ")
            text.add(decimalComma: HoursValue(hundredths: Int(m.planned))); text.add(" h prévues (moyenne sur "); text.add(Int(m.window))
            text.add(" semaines consécutives en deçà du plan). "); text.add(string: citedText); text.add(".")
        }

        package static let trigger = RuleTrigger.closing

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard case .closing(let asOf, let intensity) = c.moment else { return }
            findings.append(contentsOf: self.findings(intensity, person: c.person, asOf: asOf, under: c.parameters))
        }

        private static let citedText = cited
    }
}

/// What the message of an intensity shortfall states (``FindingText``): its weeks, the
/// average hours done and planned, rounded to the hundredth, and the window of the rule.
package struct ShortfallMessage: Sendable, Hashable {
    package var firstMonday: CivilDate
    package var lastMonday: CivilDate
    package var weeks: Int32
    package var done: Int32
    package var planned: Int32
    package var window: Int32

    package init(_ e: ShortfallEpisode, window: Int) {
        firstMonday = e.firstMonday
        lastMonday = e.lastMonday
        weeks = Int32(e.weeks)
        done = Int32((e.done.hundredths * 2 + e.weeks) / (e.weeks * 2))
        planned = Int32((e.plannedSevenths * 2 + 7 * e.weeks) / (14 * e.weeks))
        self.window = Int32(window)
    }

    /// The message in French, as its rule words it, added to `text`.
    package func write(into text: inout ByteBuffer) { Rules.Intensity.Shortfall.write(self, into: &text) }
}
