import Testing
@testable import Pathway

/// The amounts of a decision under each outcome of its appeal (Docs/report.md, "Recours"), computed by
/// hand on a monthly amount of 646.52 €: a suspension of 50 % for 3 months decided on 2025-07-20
/// from 2025-08-01 (months beginning 08-01, 09-01, 10-01; term 11-01), one month's share
/// 323.26 €; at 30 % 193.96 € (193.956 rounded half up); at 80 % 517.22 €.
@Suite("Appeals and amounts")
struct AppealAmountsTests {
    static func log(_ answer: (day: String, fields: String)?, more: [(String, String, String)] = []) -> TestLog {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision("suspension", 50, 3, starts: "2025-08-01")) // e8
        s.add("appeal_filed", "2025-07-22", #""decision":"e8""#) // e9
        if let answer { s.add("appeal_decided", answer.day, #""appeal":"e9","#  + answer.fields) }
        for (type, day, fields) in more { s.add(type, day, fields) }
        return s
    }

    static func sanction(_ log: TestLog, asOf: String = "2025-12-31") -> SanctionReport? {
        log.report(asOf: asOf).person("P1")?.sanctions.first
    }

    static func cents(_ s: SanctionReport?) -> [Int64]? {
        s?.amounts.map { [$0.withheld.value, $0.refunded.value, $0.lost.value] }
    }

    @Test("pending or rejected: nothing changes (3 × 323.26 withheld and lost)")
    func unchanged() {
        #expect(Self.cents(Self.sanction(Self.log(nil))) == [96978, 0, 96978])
        let rejected = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"rejected""#)))
        #expect(Self.cents(rejected) == [96978, 0, 96978])
        #expect(rejected?.record.reform == nil && rejected?.record.ends == date("2025-11-01"))
    }

    @Test("reformed to 30 % on 2025-09-15: two months withheld at 50 % refunded down to 30 %, the third at 30 %")
    func lowerRate() {
        let s = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"reformed","percent":30"#)))
        // withheld 2 × 323.26 + 193.96; refunded 2 × (323.26 − 193.96) = 258.60; lost 3 × 193.96.
        #expect(Self.cents(s) == [84048, 25860, 58188])
        #expect(s?.record.decision.percent == 30 && s?.record.reform?.original.percent == 50)
        #expect(s?.record.reform?.on == date("2025-09-15") && s?.record.ends == date("2025-11-01"))
        #expect(s?.amounts?.perMonth == Cents(19396))
    }

    @Test("answered the day before, of and after the second month's start", arguments: [
        ("2025-08-31", [Int64(71118), 12930, 58188]), // one month begun: 323.26 + 2 × 193.96, refund 129.30
        ("2025-09-01", [Int64(84048), 25860, 58188]),
        ("2025-09-02", [Int64(84048), 25860, 58188]),
    ])
    func boundary(_ day: String, _ expected: [Int64]) {
        #expect(Self.cents(Self.sanction(Self.log((day: day, fields: #""outcome":"reformed","percent":30"#)))) == expected)
    }

    @Test("answered before the sanction starts: every month on the new terms")
    func beforeStart() {
        let s = Self.sanction(Self.log((day: "2025-07-31", fields: #""outcome":"reformed","percent":30"#)))
        #expect(Self.cents(s) == [58188, 0, 58188])
    }

    @Test("reformed to one month on 2025-10-15: the second and third months refunded in full, ends 2025-09-01")
    func shorter() {
        let s = Self.sanction(Self.log((day: "2025-10-15", fields: #""outcome":"reformed","months":1"#)))
        #expect(Self.cents(s) == [96978, 64652, 32326])
        #expect(s?.record.ends == date("2025-09-01"))
    }

    @Test("reformed heavier (80 %) on 2025-09-15: nothing taken back for the past, the third month at 80 %")
    func heavier() {
        let s = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"reformed","percent":80"#)))
        #expect(Self.cents(s) == [116374, 0, 116374])
    }

    @Test("reformed, then remobilised on 2025-10-10: the reform's refund and the last months' net both refunded")
    func reformedThenRemobilised() {
        let s = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"reformed","percent":30"#),
                                       more: [("remobilised", "2025-10-10", "")]))
        #expect(Self.cents(s) == [84048, 84048, 0])
    }

    @Test("reformed into a suppression of 2 months: what the months begun withheld is lost, no refund beyond the rate")
    func intoSuppression() {
        let s = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"reformed","measure":"suppression","months":2"#)))
        // 2 months begun by the answer, at 50 % either way; the term is 2025-10-01.
        #expect(Self.cents(s) == [64652, 0, 64652])
        #expect(s?.record.decision.measure == .suppression && s?.record.ends == date("2025-10-01"))
    }

    @Test("granted: a withdrawal on the answer's day, everything refunded, no repetition window")
    func granted() {
        let s = Self.sanction(Self.log((day: "2025-09-15", fields: #""outcome":"granted""#)))
        #expect(Self.cents(s) == [64652, 64652, 0])
        #expect(s?.record.ends == date("2025-09-15") && s?.record.isWithdrawn == true)
    }

    @Test("the bounds rules judge the decision as it was taken, not as reformed")
    func boundsAsTaken() {
        // 100 % for 3 months is beyond the bounds of the first failing; the reform to 30 % does
        // not take the finding back.
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision("suspension", 100, 3, starts: "2025-08-01"))
        s.add("appeal_filed", "2025-07-22", #""decision":"e8""#)
        let before = s.report(asOf: "2025-12-31").findings.filter { $0.rule == Rules.Sanction.FirstFailing.id }.count
        s.add("appeal_decided", "2025-09-15", #""appeal":"e9","outcome":"reformed","percent":30"#)
        let after = s.report(asOf: "2025-12-31").findings.filter { $0.rule == Rules.Sanction.FirstFailing.id }.count
        #expect(before == 1 && after == 1)
    }
}
