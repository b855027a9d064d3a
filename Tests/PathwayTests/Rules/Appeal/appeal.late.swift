import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Appeal/appeal.late.swift`
@Suite("appeal.late")
struct AppealLateTests {
    /// A suspension decided 2025-07-20 and notified `notified` (or on its day), appealed on `appealed`.
    static func log(notified: String? = "2025-07-25", appealed: String) -> TestLog {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision(extra: notified.map { #","notified":"\#($0)""# } ?? ""))
        s.add("appeal_filed", appealed, #""decision":"e8""#)
        return s
    }

    @Test("two months from the notification, plus one day franc: received on 2025-09-26 in time, 2025-09-27 late",
          arguments: [("2025-09-25", 0), ("2025-09-26", 0), ("2025-09-27", 1)])
    func franc(_ appealed: String, _ expected: Int) {
        let f = Self.log(appealed: appealed).findings(Rules.Appeal.Late.id, asOf: "2025-12-31")
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.due == date("2025-09-26") && f.first?.done == date(appealed) && f.first?.event == "e9")
            #expect(f.first?.severity == .info)
        }
    }

    @Test("without franc counting, the last day is the notification's day two months later", arguments: [("2025-09-25", 0), ("2025-09-26", 1)])
    func notFranc(_ appealed: String, _ expected: Int) throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"appeal_period_franc": false}"#))
        #expect(Self.log(appealed: appealed).findings(Rules.Appeal.Late.id, asOf: "2025-12-31", parameters: parameters).count == expected)
    }

    @Test("the period runs from the decision's day when its notification is not given; month ends fall on the last day",
          arguments: [("2025-09-21", 0), ("2025-09-22", 1)])
    func fromTheDecision(_ appealed: String, _ expected: Int) {
        #expect(Self.log(notified: nil, appealed: appealed).findings(Rules.Appeal.Late.id, asOf: "2025-12-31").count == expected)
    }
}
