import Testing
@testable import Pathway

/// contract.hours: at least 15 hours a week without a legal reduction, at most 35.
@Suite("contract.hours")
struct ContractHoursTests {
    private func signed(_ fields: String, on day: String = "2025-02-10", type: String = "contract_signed") -> [Finding] {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-20")
        s.add("orientation_decided", "2025-01-27", #""dominante":"emploi","organisme":"france_travail""#)
        s.add(type, day, fields)
        return s.findings(Rules.Contract.Hours.id)
    }

    @Test("the boundaries: 14.99 and 35.01 are violations, 15 and 35 are not", arguments: [
        ("14.99", 1), ("15", 0), ("20", 0), ("35", 0), ("35.01", 1), ("40", 1), ("0", 1),
    ])
    func boundary(_ hours: String, _ expected: Int) {
        #expect(signed(#""weekly_hours":\#(hours)"#).count == expected)
    }

    @Test("a legal reduction allows fewer hours, down to nil, never more than 35", arguments: ReductionReason.allCases)
    func reduction(_ reason: ReductionReason) {
        #expect(signed(#""weekly_hours":0,"reduction_reason":"\#(reason.rawValue)""#).isEmpty)
        #expect(signed(#""weekly_hours":8,"reduction_reason":"\#(reason.rawValue)""#).isEmpty)
        #expect(signed(#""weekly_hours":36,"reduction_reason":"\#(reason.rawValue)""#).count == 1)
    }

    @Test("an update is checked too")
    func update() {
        #expect(signed(#""weekly_hours":10"#, type: "contract_updated").count == 1)
    }

    @Test("contracts before 2025-01-01 (CER) are not checked", arguments: [("2024-12-31", 0), ("2025-01-01", 1)])
    func inForce(_ day: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2024-06-03")
        s.add("diagnostic_completed", "2024-06-10")
        s.add("orientation_decided", "2024-06-17", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", day, #""weekly_hours":10"#)
        #expect(s.findings(Rules.Contract.Hours.id).count == expected)
    }

    @Test("the message gives the hours and the article")
    func message() {
        let f = signed(#""weekly_hours":12.5"#).first
        #expect(f?.message.contains("12.5 h") == true)
        #expect(f?.message.contains("L5411-6 II [S]") == true)
        #expect(f?.event == "e5")
        #expect(f?.due == nil)
    }
}
