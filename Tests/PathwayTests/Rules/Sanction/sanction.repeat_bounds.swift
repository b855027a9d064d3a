import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.repeat_bounds.swift`
@Suite("sanction.repeat_bounds")
struct SanctionRepeatBoundsTests {
    @Test("repetition: one day inside 24 months after the decision, and one day outside", arguments: [
        ("2027-07-20", SanctionBasis.repetition), ("2027-07-21", SanctionBasis.first),
    ])
    func repetitionWindow(_ second: String, _ basis: SanctionBasis) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        _ = sanctioned(&s, failing: second, decided: date(second).adding(days: 20).description, decision("suspension", 30, 4))
        let report = s.report()
        #expect(report.person("P1")?.sanctions.map(\.record.basis) == [.first, basis])
        #expect(rules(report) == (basis == .repetition ? [] : [Rules.Sanction.FirstFailing.id]))
    }

    @Test("repetition: 1–4 months, at least 30 %", arguments: [(4, 30, 0), (5, 30, 1), (2, 29, 1)])
    func repeatBounds(_ months: Int, _ percent: Int, _ expected: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        _ = sanctioned(&s, failing: "2025-10-01", decided: "2025-10-20", decision("suspension", percent, months))
        let f = s.findings(Rules.Sanction.RepeatBounds.id)
        #expect(f.count == expected)
        if expected == 1 { #expect(f.first?.message.contains("réitération (après la décision e8)") == true) }
    }

    @Test("a failing sanctioned in May 2025 does not open a window: August is a first failing again")
    func transition() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-05-05", decided: "2025-05-20", decision("suspension", 30, 1))
        _ = sanctioned(&s, failing: "2025-08-01", decided: "2025-08-20", decision("suspension", 30, 3))
        // The May decision, under the former procedure, had no opinion of the team: reported apart.
        #expect(s.findings(Rules.Sanction.LegacyProcedure.id).map(\.event) == ["e8"])
        s.lines.removeAll { $0.contains("\"e8\"") }
        s.lines.insert(#"{"id":"e7b","person":"P1","type":"team_opinion","date":"2025-05-15"}"#, at: 7)
        s.lines.append(#"{"id":"e8","person":"P1","type":"sanction_decided","date":"2025-05-20","measure":"suspension","percent":30,"months":1}"#)
        let report = s.report()
        #expect(report.person("P1")?.sanctions.map(\.record.basis) == [.first, .first])
        #expect(report.person("P1")?.sanctions.map(\.record.regime) == [.legacy, .decree2025])
        #expect(rules(report) == [Rules.Sanction.FirstFailing.id])
    }

    @Test("a re-orientation between two failings restarts the count ([I], overridable)")
    func reorientation() throws {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        s.add("orientation_decided", "2025-08-01", #""dominante":"social","organisme":"departement""#)
        s.add("contract_signed", "2025-08-20", #""weekly_hours":15"#)
        _ = sanctioned(&s, failing: "2025-10-01", decided: "2025-10-20", decision("suspension", 30, 3))
        #expect(s.report().person("P1")?.sanctions.map(\.record.basis) == [.first, .first])
        #expect(s.findings(Rules.Sanction.FirstFailing.id).count == 1)
        let noReset = try Parameters.law.applying(JSONValue.parse(#"{"repetition_reset_on_reorientation": false}"#))
        #expect(s.report(parameters: noReset).person("P1")?.sanctions.map(\.record.basis) == [.first, .repetition])
        #expect(s.findings(Rules.Sanction.FirstFailing.id, parameters: noReset).isEmpty)
    }

    @Test("persistence: after a suspension ran to its term, no new failing needed")
    func persistence() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 1, starts: "2025-08-01"))
        s.add("sanction_notice", "2025-09-01")
        s.add("sanction_decided", "2025-09-15", decision("suspension", 50, 3))
        let report = s.report()
        #expect(report.person("P1")?.sanctions.map(\.record.basis) == [.first, .persistence])
        #expect(rules(report).isEmpty)
        // The same decision before the term is a sanction with no failing.
        var t = engaged()
        _ = sanctioned(&t, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 2, starts: "2025-08-01"))
        t.add("sanction_notice", "2025-09-01")
        t.add("sanction_decided", "2025-09-15", decision("suspension", 50, 3))
        #expect(rules(t.report()) == [Rules.Sanction.NoFailing.id])
    }

    @Test("the window is anchored to the first failing's decision: a repetition's decision opens none", arguments: [
        // A first failing decided 2025-07-20, a repetition decided 2026-07-20, a third failing:
        ("2027-07-20", SanctionBasis.repetition), ("2027-07-21", SanctionBasis.first), ("2028-01-10", SanctionBasis.first),
    ])
    func anchoredToFirst(_ third: String, _ basis: SanctionBasis) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        _ = sanctioned(&s, failing: "2026-07-01", decided: "2026-07-20", decision("suspension", 30, 3))
        _ = sanctioned(&s, failing: third, decided: date(third).adding(days: 20).description, decision("suspension", 30, 2))
        #expect(s.report().person("P1")?.sanctions.map(\.record.basis) == [.first, .repetition, basis])
    }

    @Test("a failing after the window closed starts a new cycle, whose decision opens the next window")
    func newCycle() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        let second = sanctioned(&s, failing: "2027-08-01", decided: "2027-08-20", decision("suspension", 30, 2))
        _ = sanctioned(&s, failing: "2028-02-01", decided: "2028-02-20", decision("suspension", 30, 3))
        let sanctions = s.report().person("P1")?.sanctions ?? []
        #expect(sanctions.map(\.record.basis) == [.first, .first, .repetition])
        #expect(sanctions.last?.record.repeats == second)
    }

    @Test("repetition_anchor latest_decision [I]: every decision opens its own window")
    func latestAnchor() throws {
        let latest = try Parameters.law.applying(JSONValue.parse(#"{"repetition_anchor": "latest_decision"}"#))
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        _ = sanctioned(&s, failing: "2026-07-01", decided: "2026-07-20", decision("suspension", 30, 3))
        _ = sanctioned(&s, failing: "2028-01-10", decided: "2028-01-30", decision("suspension", 30, 2))
        #expect(s.report(parameters: latest).person("P1")?.sanctions.map(\.record.basis) == [.first, .repetition, .repetition])
        #expect(s.report().person("P1")?.sanctions.map(\.record.basis) == [.first, .repetition, .first])
    }

    @Test("a withdrawn decision opens no window: the next failing is a first failing")
    func withdrawn() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        s.add("sanction_withdrawn", "2025-08-01")
        _ = sanctioned(&s, failing: "2025-10-01", decided: "2025-10-20", decision("suspension", 30, 2))
        #expect(s.report().person("P1")?.sanctions.map(\.record.basis) == [.first, .first])
    }
}
