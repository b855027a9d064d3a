import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.refund.swift`; the amounts of every decision
/// (`SanctionRecord.amounts`), which the refund states.
@Suite("sanction.refund and the sanction amounts")
struct SanctionRefundTests {
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
        #expect(report.findings.first { $0.rule == Rules.Sanction.Refund.id }?.message.contains("à reverser : 581,88 € (les 3 derniers mois, limite de 3 mois) ; perdu : 193,96 €") == true)
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

    @Test("a closure is history: months begun between a closure and a reopening withhold nothing, the day before the closure counts",
          arguments: [("2025-11-30", 3), ("2025-12-26", 3), ("2025-12-27", 4)])
    func closedThenReopened(_ closed: String, _ months: Int) {
        // A suppression decided 2025-09-26 for 4 months (months from 09-26, 10-26, 11-26, 12-26).
        var s = engaged()
        s.add("team_opinion", "2025-09-15")
        _ = sanctioned(&s, failing: "2025-09-01", decided: "2025-09-26", decision("suppression", 100, 4), kind: "control_refusal")
        s.add("right_closed", closed, #""reason":"resources""#)
        s.add("right_opened", "2026-10-22", #""monthly_amount":646.52"#)
        let sanction = s.report(asOf: "2026-12-31").person("P1")?.sanctions.first
        #expect(sanction?.amounts?.withheld == Cents(64652 * Int64(months)), "closed \(closed)")
        #expect(sanction?.amounts?.lost == Cents(64652 * Int64(months)))
    }

    @Test("the refund is of the last months begun: with an amount that changed, the last three, not the first")
    func lastMonths() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2028-01-03", decided: "2028-01-20", decision("suspension", 50, 4, starts: "2028-02-01"))
        s.add("household_changed", "2028-03-01", #""monthly_amount":600"#)
        s.add("remobilised", "2028-05-15")
        let report = s.report(asOf: "2028-06-30")
        // From 2027-07-01 each month applies the rate to its own amount: 323.26, then 300 × 3.
        let a = report.person("P1")?.sanctions.last?.amounts
        #expect(a?.withheld == Cents(32326 + 30000 * 3))
        #expect(a?.refunded == Cents(30000 * 3))
        #expect(a?.lost == Cents(32326))
        let message = report.findings.first { $0.rule == Rules.Sanction.Refund.id }?.message ?? ""
        #expect(message.contains("4 mois commencés retenus, soit 1 223,26 € ; à reverser : 900,00 € (les 3 derniers mois, limite de 3 mois) ; perdu : 323,26 €"))
    }

    @Test("sanction_amount_base: the amount on the start for every month until 2027-06-30, each month's own from 2027-07-01", arguments: [
        ("2027-06-01", 32326 * 3), ("2027-07-01", 32326 + 30000 * 2),
    ])
    func amountBase(_ starts: String, _ withheld: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2027-05-03", decided: "2027-05-25", decision("suspension", 50, 3, starts: starts))
        s.add("household_changed", date(starts).adding(days: 20).description, #""monthly_amount":600"#)
        let report = s.report(asOf: "2027-12-31")
        #expect(report.person("P1")?.sanctions.last?.amounts?.withheld == Cents(Int64(withheld)))
    }

    @Test("a month with no amount known, under each month's amount, makes the amounts unknown")
    func unknownMonth() {
        var s = TestLog(person: "P1")
        s.add("right_opened", "2027-08-02")
        s.add("registered", "2027-08-02")
        s.add("orientation_decided", "2027-08-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("diagnostic_completed", "2027-08-25")
        s.add("contract_signed", "2027-09-01", #""weekly_hours":15"#)
        _ = sanctioned(&s, failing: "2027-10-01", decided: "2027-10-20", decision("suspension", 30, 2, starts: "2027-11-01"))
        s.add("household_changed", "2027-12-01", #""monthly_amount":600"#)
        #expect(s.report(asOf: "2028-02-28").person("P1")?.sanctions.last?.amounts == nil)
    }

    @Test("a remobilisation ends every suspension running or decided and not yet started, each with its refund")
    func endsEverySuspension() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 2, starts: "2025-08-01"))
        let second = sanctioned(&s, failing: "2025-08-05", decided: "2025-08-20", decision("suspension", 30, 2, starts: "2025-10-01"))
        let remobilised = s.add("remobilised", "2025-09-10")
        let report = s.report(asOf: "2025-12-31")
        let refunds = report.findings.filter { $0.rule == Rules.Sanction.Refund.id }
        #expect(refunds.count == 2)
        #expect(refunds.allSatisfy { $0.event == remobilised })
        #expect(report.person("P1")?.sanctions.map(\.record.endedBy) == [.remobilised, .remobilised])
        #expect(report.person("P1")?.sanctions.last?.record.event == second)
        #expect(report.person("P1")?.sanctions.last?.amounts?.withheld == Cents(0))
        #expect(report.person("P1")?.status == .engaged)
    }
}
