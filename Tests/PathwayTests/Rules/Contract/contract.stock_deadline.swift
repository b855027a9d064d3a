import Testing
@testable import Pathway

/// contract.stock_deadline: the stock (rights opened before 2025) has a contract before 2027.
@Suite("contract.stock_deadline")
struct StockDeadlineTests {
    private func stock(opened: String = "2024-06-03") -> TestLog {
        var s = TestLog.entrant(opened: opened)
        s.add("orientation_decided", "2024-07-01", #""dominante":"emploi","organisme":"france_travail""#)
        return s
    }

    @Test("judged on 2027-01-01: pending the day before, reported from that day (due 2026-12-31, done null)", arguments: [
        ("2026-12-31", 0), ("2027-01-01", 1), ("2027-06-30", 1),
    ])
    func boundary(_ asOf: String, _ expected: Int) {
        let report = stock().report(asOf: asOf)
        let findings = report.findings.filter { $0.rule == Rules.Contract.StockDeadline.id }
        #expect(findings.count == expected)
        if expected == 1 {
            #expect(findings.first?.due == date("2026-12-31"))
            #expect(findings.first?.done == nil)
            #expect(findings.first?.event == "e1")
            #expect(report.indicators.stock.missing == 1)
        } else {
            #expect(report.indicators.stock.pending == 1)
            #expect(report.person("P1")?.deadlines.map(\.rule) == [Rules.Contract.StockDeadline.id])
        }
    }

    @Test("a contract signed from 2025-01-01 to 2026-12-31 meets it; one before 2025 or after 2026 does not", arguments: [
        ("2024-12-31", 1), ("2025-01-01", 0), ("2026-12-31", 0), ("2027-01-01", 1),
    ])
    func contractWindow(_ signed: String, _ expected: Int) {
        var s = stock()
        s.add("diagnostic_completed", "2024-07-01")
        s.add("contract_signed", signed, #""weekly_hours":15"#)
        #expect(s.findings(Rules.Contract.StockDeadline.id, asOf: "2027-03-01").count == expected)
    }

    @Test("a right opened from 2025-01-01 is not stock", arguments: [("2024-12-31", 1), ("2025-01-01", 0)])
    func cutoff(_ opened: String, _ expected: Int) {
        #expect(TestLog.entrant(opened: opened).findings(Rules.Contract.StockDeadline.id, asOf: "2027-01-01").count == expected)
    }

    @Test("closed on 2026-12-31 or not subject to duties on 2027-01-01: not concerned")
    func notConcerned() {
        var closed = stock()
        closed.add("right_closed", "2026-12-31", #""reason":"employment""#)
        #expect(closed.findings(Rules.Contract.StockDeadline.id, asOf: "2027-01-01").isEmpty)
        var offDuty = stock()
        offDuty.add("duties_changed", "2026-06-01", #""subject_to_duties":false"#)
        #expect(offDuty.findings(Rules.Contract.StockDeadline.id, asOf: "2027-01-01").isEmpty)
    }

    @Test("a closure on 2027-01-01 comes after the situation is judged")
    func closedOnTheDay() {
        var s = stock()
        s.add("right_closed", "2027-01-01", #""reason":"employment""#)
        #expect(s.findings(Rules.Contract.StockDeadline.id).count == 1)
    }

    @Test("overseas: stock_deadline 2028-01-01 by --config")
    func overseas() throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"stock_deadline":"2028-01-01"}"#))
        #expect(stock().findings(Rules.Contract.StockDeadline.id, asOf: "2027-06-01", parameters: parameters).isEmpty)
        #expect(stock().findings(Rules.Contract.StockDeadline.id, asOf: "2028-01-01", parameters: parameters).first?.due == date("2027-12-31"))
    }
}
