import Testing
@testable import Pathway

/// A person engaged since early 2025, ready to fail and be sanctioned.
private func engaged(household: String = #""monthly_amount":646.52"#) -> TestLog {
    var s = TestLog(person: "P1")
    s.add("right_opened", "2025-01-06", household)
    s.add("registered", "2025-01-06")
    s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
    s.add("diagnostic_completed", "2025-01-27")
    s.add("contract_signed", "2025-02-03", #""weekly_hours":15"#)
    return s
}

private func decision(_ measure: String = "suspension", _ percent: Int = 30, _ months: Int = 1, starts: String? = nil, extra: String = "") -> String {
    #""measure":"\#(measure)","percent":\#(percent),"months":\#(months)"# + (starts.map { #","starts":"\#($0)""# } ?? "") + extra
}

/// A first failing on `failing`, its notice eleven days before `decided`, and the decision.
private func sanctioned(_ s: inout TestLog, failing: String, decided: String, _ terms: String = decision(), kind: String = "obligation_breach") -> String {
    s.add("failing_recorded", failing, #""failing":"\#(kind)""#)
    s.add("sanction_notice", date(decided).adding(days: -11).description)
    return s.add("sanction_decided", decided, terms)
}

private func rules(_ report: Report) -> [RuleID] { report.findings.map(\.rule) }

@Suite("sanction.notice")
struct SanctionNoticeTests {
    @Test("decided on notice + 10 days is too early, + 11 in time", arguments: [(10, 1), (11, 0), (30, 0)])
    func tenDays(_ days: Int, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", date("2025-07-02").adding(days: days).description, decision())
        let f = s.findings(Rules.Sanction.Notice.id)
        #expect(f.count == expected)
        if expected == 1 { #expect(f.first?.message.contains("courait jusqu'au 2025-07-12 inclus") == true) }
    }

    @Test("no notice is a violation, unless France Travail proposed the sanction")
    func noNotice() {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-07-20", decision())
        #expect(s.findings(Rules.Sanction.Notice.id).map(\.event) == ["e7"])
        var t = engaged()
        t.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        t.add("sanction_decided", "2025-07-20", decision(extra: #","proposed_by_france_travail":true"#))
        #expect(t.findings(Rules.Sanction.Notice.id).isEmpty)
    }

    @Test("a notice before the previous decision does not count for the next one")
    func previousNotice() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        s.add("failing_recorded", "2025-09-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-09-20", decision("suspension", 30, 2))
        #expect(s.findings(Rules.Sanction.Notice.id).map(\.event) == ["e10"])
    }

    @Test("before 2025-06-01 the ten-day rule does not apply", arguments: [("2025-05-31", 0), ("2025-06-01", 1)])
    func inForce(_ decided: String, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-05-20", #""failing":"obligation_breach""#)
        s.add("sanction_decided", decided, decision())
        #expect(s.findings(Rules.Sanction.Notice.id).count == expected)
    }
}

@Suite("sanction.first_failing and sanction.repeat_bounds")
struct SanctionBoundsTests {
    @Test("30 % is allowed, 29 % is not", arguments: [(30, 0), (29, 1), (100, 0)])
    func percent(_ percent: Int, _ expected: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", percent, 1))
        #expect(s.findings(Rules.Sanction.FirstFailing.id).count == expected)
    }

    @Test("one and two months for a first failing, not three", arguments: [(1, 0), (2, 0), (3, 1)])
    func months(_ months: Int, _ expected: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 50, months))
        let f = s.findings(Rules.Sanction.FirstFailing.id)
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.message.contains("une durée de 3 mois, hors de 1 à 2 mois") == true)
            #expect(f.first?.message.contains("manquement « obligation_breach » constaté le 2025-07-01 (événement e6)") == true)
        }
    }

    @Test("a first failing is not sanctioned by suppression; a refusal of controls may be")
    func suppression() {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 1))
        #expect(rules(s.report()) == [Rules.Sanction.FirstFailing.id])
        var t = engaged()
        t.add("team_opinion", "2025-07-15")
        _ = sanctioned(&t, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        let report = t.report()
        #expect(rules(report).isEmpty)
        #expect(report.person("P1")?.sanctions.first?.record.basis == .controlRefusal)
        #expect(report.person("P1")?.status == .suppressed)
    }

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
}

@Suite("sanction.no_failing, household_cap, team_opinion, legacy_bounds, closure")
struct SanctionOtherRulesTests {
    @Test("no failing, or only failings with a legitimate reason: violation")
    func noFailing() {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach","legitimate_reason":true"#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision())
        #expect(rules(s.report()) == [Rules.Sanction.NoFailing.id])
        #expect(s.report().person("P1")?.sanctions.first?.record.basis == SanctionBasis.none)
    }

    @Test("a failing already sanctioned does not ground a second decision")
    func alreadySanctioned() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 2))
        s.add("sanction_notice", "2025-08-01")
        s.add("sanction_decided", "2025-08-20", decision())
        #expect(rules(s.report()) == [Rules.Sanction.NoFailing.id])
    }

    @Test("50 % for a two-person household, 51 % is a violation", arguments: [
        (#""household_size":2"#, 50, 0), (#""household_size":2"#, 51, 1), (#""household_size":1"#, 100, 0),
        (#""single_parent_increase":true"#, 51, 1),
    ])
    func cap(_ household: String, _ percent: Int, _ expected: Int) {
        var s = engaged(household: household)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", percent, 1))
        #expect(s.findings(Rules.Sanction.HouseholdCap.id).count == expected)
    }

    @Test("a household change before the decision counts")
    func capChange() {
        var s = engaged()
        s.add("household_changed", "2025-06-15", #""household_size":3"#)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 60, 1))
        #expect(s.findings(Rules.Sanction.HouseholdCap.id).count == 1)
    }

    @Test("a suppression needs the team's opinion on or before its day, after the previous decision", arguments: [
        ("2025-07-20", 0), ("2025-07-21", 1),
    ])
    func teamOpinion(_ opinion: String, _ expected: Int) {
        var s = engaged()
        s.add("team_opinion", opinion)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        #expect(s.findings(Rules.Sanction.TeamOpinion.id).count == expected)
    }

    @Test("decisions on 2025-05-31 and 2025-06-01 fall under different regimes", arguments: [
        ("2025-05-31", 80, 3, [RuleID]()), ("2025-05-31", 81, 3, [Rules.Sanction.LegacyBounds.id]), ("2025-05-31", 50, 4, [Rules.Sanction.LegacyBounds.id]),
        ("2025-06-01", 80, 3, [Rules.Sanction.FirstFailing.id]), ("2025-06-01", 80, 2, []),
    ])
    func regimes(_ decided: String, _ percent: Int, _ months: Int, _ expected: [RuleID]) {
        var s = engaged()
        s.add("failing_recorded", "2025-05-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-05-15")
        s.add("sanction_decided", decided, decision("suspension", percent, months))
        #expect(rules(s.report()) == expected)
    }

    @Test("legacy: later decisions 1–4 months")
    func legacyLater() {
        var s = engaged()
        s.add("failing_recorded", "2025-02-10", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-02-20", decision("suspension", 50, 1))
        s.add("failing_recorded", "2025-04-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-04-10", decision("suspension", 100, 5))
        #expect(s.findings(Rules.Sanction.LegacyBounds.id).map(\.event) == ["e9"])
    }

    @Test("closure for sanction after a four-month total suppression ran to its term; earlier is a violation", arguments: [
        ("2025-11-19", 1), ("2025-11-20", 0),
    ])
    func closure(_ closed: String, _ expected: Int) {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        s.add("right_closed", closed, #""reason":"sanction""#)
        #expect(s.findings(Rules.Sanction.Closure.id).count == expected)
        #expect(s.report().person("P1")?.status == .closed)
    }

    @Test("closure for sanction without any suppression is a violation; another reason is not checked")
    func closureWithout() {
        var s = engaged()
        s.add("right_closed", "2025-09-01", #""reason":"sanction""#)
        #expect(s.findings(Rules.Sanction.Closure.id).first?.message.contains("aucune suppression") == true)
        var t = engaged()
        t.add("right_closed", "2025-09-01", #""reason":"employment""#)
        #expect(t.findings(Rules.Sanction.Closure.id).isEmpty)
    }
}

@Suite("Sanction amounts and sanction.refund")
struct SanctionAmountTests {
    /// 646.52 € a month, 30 % = 193.956 → 193.96 € a month.
    private func suspended(months: Int = 2, then extra: (inout TestLog) -> Void = { _ in }) -> Report {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, months, starts: "2025-08-01"))
        extra(&s)
        return s.report(asOf: "2026-01-31")
    }

    private func amounts(_ report: Report) -> [String] {
        (report.person("P1")?.sanctions ?? []).map { s in
            guard let a = s.amounts else { return "null" }
            return "\(a.withheld) \(a.refunded) \(a.lost) ends \(s.record.ends)"
        }
    }

    @Test("without remobilisation every month is withheld and lost at the end")
    func ranToTerm() {
        #expect(amounts(suspended()) == ["387.92 0.00 387.92 ends 2025-10-01"])
    }

    @Test("as of a date inside the suspension: months begun are withheld, not yet lost")
    func asOf() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 2, starts: "2025-08-01"))
        let report = s.report(asOf: "2025-09-01")
        #expect(report.person("P1")?.sanctions.first?.amounts?.withheld == Cents(38792))
        #expect(report.person("P1")?.sanctions.first?.amounts?.lost == Cents(0))
        #expect(report.person("P1")?.status == .suspended)
        #expect(s.report(asOf: "2025-08-31").person("P1")?.sanctions.first?.amounts?.withheld == Cents(19396))
        #expect(s.report(asOf: "2025-07-31").person("P1")?.sanctions.first?.amounts?.withheld == Cents(0))
    }

    @Test("remobilisation before the start, in the first month, in the second month", arguments: [
        ("2025-07-31", "0.00 0.00 0.00 ends 2025-07-31"),
        ("2025-08-01", "193.96 193.96 0.00 ends 2025-08-01"),
        ("2025-08-31", "193.96 193.96 0.00 ends 2025-08-31"),
        ("2025-09-01", "387.92 387.92 0.00 ends 2025-09-01"),
    ])
    func remobilised(_ day: String, _ expected: String) {
        let report = suspended { $0.add("remobilised", day) }
        #expect(amounts(report) == [expected])
        let refund = report.findings.filter { $0.rule == Rules.Sanction.Refund.id }
        #expect(refund.count == 1)
        #expect(refund.first?.severity == .info)
        #expect(report.person("P1")?.status == .engaged)
    }

    @Test("the refund is limited to three months; the rest is lost")
    func refundLimit() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 1))
        _ = sanctioned(&s, failing: "2025-09-01", decided: "2025-09-20", decision("suspension", 30, 4, starts: "2025-10-01"))
        s.add("remobilised", "2026-01-15")
        let report = s.report(asOf: "2026-03-31")
        #expect(report.person("P1")?.sanctions.last?.amounts == SanctionAmounts(
            monthlyAmount: Cents(64652), perMonth: Cents(19396), withheld: Cents(77584), refunded: Cents(58188), lost: Cents(19396)))
        #expect(report.findings.first { $0.rule == Rules.Sanction.Refund.id }?.message.contains("à reverser : 581,88 € (limite de 3 mois) ; perdu : 193,96 €") == true)
    }

    @Test("withdrawal refunds everything withheld")
    func withdrawal() {
        let report = suspended { $0.add("sanction_withdrawn", "2025-08-15") }
        #expect(amounts(report) == ["193.96 193.96 0.00 ends 2025-08-15"])
        #expect(report.indicators.sanctions.withdrawals == 1)
    }

    @Test("a suppression withholds and loses every month; remobilisation has no effect on it")
    func suppression() {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4, starts: "2025-08-01"), kind: "control_refusal")
        s.add("remobilised", "2025-09-10")
        let report = s.report(asOf: "2026-01-31")
        #expect(report.person("P1")?.sanctions.first?.amounts?.lost == Cents(258608))
        #expect(report.findings.filter { $0.rule == Rules.Sanction.Refund.id }.isEmpty)
    }

    @Test("unknown monthly amount: null, never guessed; the latest amount known on the start counts")
    func unknown() {
        var s = engaged(household: #""household_size":1"#)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 1, starts: "2025-08-01"))
        #expect(s.report().person("P1")?.sanctions.first?.amounts == nil)
        s.add("household_changed", "2025-07-25", #""monthly_amount":700"#)
        s.add("household_changed", "2025-08-02", #""monthly_amount":800"#)
        #expect(s.report().person("P1")?.sanctions.first?.amounts?.withheld == Cents(21000))
    }

    @Test("rounding half up to the cent: 0.005 → 0.01")
    func rounding() {
        let record = SanctionRecord(event: "x", date: date("2025-07-01"), decision: SanctionDecision(measure: .suppression, percent: 50, months: 1),
                                    starts: date("2025-07-01"), basis: .first, failings: [], failingDate: nil, regime: .decree2025,
                                    endedBy: nil, endedOn: nil, opensRepetitionWindow: true, repeats: nil)
        #expect(record.amounts(monthlyAmount: Cents(1), asOf: date("2025-07-01"), refundLimitMonths: 3)?.perMonth == Cents(1))
        #expect(record.amounts(monthlyAmount: Cents(64653), asOf: date("2025-07-01"), refundLimitMonths: 3)?.perMonth == Cents(32327))
    }

    @Test("a right closed during a sanction pays nothing from that day: later months are not withheld")
    func closedDuring() {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        s.add("right_closed", "2025-09-20", #""reason":"resources""#)
        let sanction = s.report(asOf: "2026-01-31").person("P1")?.sanctions.first
        #expect(sanction?.amounts?.withheld == Cents(129304)) // 07-20 and 08-20 begun; 09-20 is the closure day
        #expect(sanction?.record.ends == date("2025-11-20"))
    }
}
