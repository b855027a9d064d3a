import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Contract/contract.hours.swift`: at most 35 hours a week (fewer than
/// 15 is `contract.reduced_hours`).
@Suite("contract.hours")
struct ContractHoursTests {
    private func signed(_ fields: String, on day: String = "2025-02-10", type: String = "contract_signed") -> [Finding] {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-20")
        s.add("orientation_decided", "2025-01-27", #""dominante":"emploi","organisme":"france_travail""#)
        s.add(type, day, fields)
        return s.findings(Rules.Contract.Hours.id)
    }

    @Test("the boundary: 35 is allowed, 35.01 is a violation; fewer than 15 is not this rule", arguments: [
        ("34.99", 0), ("35", 0), ("35.01", 1), ("40", 1), ("168", 1), ("14.99", 0), ("0", 0),
    ])
    func boundary(_ hours: String, _ expected: Int) {
        #expect(signed(#""weekly_hours":\#(hours)"#).count == expected)
    }

    @Test("a ground of reduction never allows more than 35 hours", arguments: ReductionReason.allCases)
    func reduction(_ reason: ReductionReason) {
        #expect(signed(#""weekly_hours":36,"reduction_reason":"\#(reason.rawValue)""#).count == 1)
    }

    @Test("an update is checked too")
    func update() {
        #expect(signed(#""weekly_hours":36"#, type: "contract_updated").count == 1)
    }

    @Test("a contract whose hours are not recorded is not judged")
    func unrecorded() {
        #expect(signed("").isEmpty)
        #expect(signed(#""weekly_hours":null"#).isEmpty)
    }

    @Test("contracts before 2025-01-01 (CER) are not checked: the day before, of and after", arguments: [
        ("2024-12-31", 0), ("2025-01-01", 1), ("2025-01-02", 1),
    ])
    func inForce(_ day: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2024-06-03")
        s.add("diagnostic_completed", "2024-06-10")
        s.add("orientation_decided", "2024-06-17", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", day, #""weekly_hours":36"#)
        #expect(s.findings(Rules.Contract.Hours.id).count == expected)
    }

    @Test("the message gives the hours and the article")
    func message() {
        let f = signed(#""weekly_hours":38.5"#).first
        #expect(f?.message.contains("38.5 h, supérieure à la durée légale du travail (35 h)") == true)
        #expect(f?.message.contains("2023-858 DC §35 [P]") == true)
        #expect(f?.severity == .violation)
        #expect(f?.event == "e5")
        #expect(f?.due == nil)
    }
}
