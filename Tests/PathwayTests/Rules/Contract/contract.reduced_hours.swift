import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Contract/contract.reduced_hours.swift`: fewer than 15 hours a week
/// without an accepted ground is reported for review (a warning).
@Suite("contract.reduced_hours")
struct ContractReducedHoursTests {
    private func signed(_ fields: String, on day: String = "2025-02-10", type: String = "contract_signed",
                        parameters: Parameters = .law) -> [Finding] {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-20")
        s.add("orientation_decided", "2025-01-27", #""dominante":"emploi","organisme":"france_travail""#)
        s.add(type, day, fields)
        return s.findings(Rules.Contract.ReducedHours.id, parameters: parameters)
    }

    @Test("the boundary: 14.99 is reported, 15 is not", arguments: [
        ("0", 1), ("8", 1), ("14.99", 1), ("15", 0), ("15.01", 0), ("35", 0), ("40", 0),
    ])
    func boundary(_ hours: String, _ expected: Int) {
        let findings = signed(#""weekly_hours":\#(hours)"#)
        #expect(findings.count == expected)
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test("every recorded ground, proche aidant included, allows fewer hours, down to nil", arguments: ReductionReason.allCases)
    func grounds(_ reason: ReductionReason) {
        #expect(signed(#""weekly_hours":0,"reduction_reason":"\#(reason.rawValue)""#).isEmpty)
        #expect(signed(#""weekly_hours":14.99,"reduction_reason":"\#(reason.rawValue)""#).isEmpty)
    }

    @Test("the accepted grounds are a parameter [I]: a ground left out is reported, and said so")
    func groundsParameter() throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"reduction_grounds": ["health", "disability"]}"#))
        #expect(signed(#""weekly_hours":8,"reduction_reason":"health""#, parameters: parameters).isEmpty)
        let f = signed(#""weekly_hours":8,"reduction_reason":"caregiver""#, parameters: parameters)
        #expect(f.count == 1)
        #expect(f.first?.message.contains("motif non admis (« proche aidant »)") == true)
        #expect(f.first?.message.contains("motifs admis : santé, handicap") == true)
        #expect(throws: ConfigError.self) { try Parameters.law.applying(JSONValue.parse(#"{"reduction_grounds": ["age"]}"#)) }
    }

    @Test("an update is checked too; an unrecorded duration is not judged")
    func update() {
        #expect(signed(#""weekly_hours":10"#, type: "contract_updated").count == 1)
        #expect(signed("").isEmpty)
    }

    @Test("contracts before 2025-01-01 (CER) are not checked", arguments: [("2024-12-31", 0), ("2025-01-01", 1)])
    func inForce(_ day: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2024-06-03")
        s.add("diagnostic_completed", "2024-06-10")
        s.add("orientation_decided", "2024-06-17", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", day, #""weekly_hours":10"#)
        #expect(s.findings(Rules.Contract.ReducedHours.id).count == expected)
    }

    @Test("the message gives the hours, the missing ground and the article")
    func message() {
        let f = signed(#""weekly_hours":12.5"#).first
        #expect(f?.message.contains("12.5 h, inférieure à 15 h, sans motif de réduction") == true)
        #expect(f?.message.contains("L5411-6 II [S]") == true)
        #expect(f?.event == "e5")
    }
}
