import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Sanction/sanction.legacy_procedure.swift`
@Suite("sanction.legacy_procedure")
struct SanctionLegacyProcedureTests {
    /// A person engaged in 2024, a failing on 2025-03-01, the letter on 2025-03-03 when `notice`.
    static func log(notice: Bool = true, opinion: String? = nil, referral: String? = nil, decided: String) -> TestLog {
        var s = TestLog(person: "P1")
        s.add("right_opened", "2024-09-02", #""monthly_amount":607.75"#)
        s.add("registered", "2024-09-02")
        s.add("orientation_decided", "2024-09-16", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", "2024-10-01")
        s.add("failing_recorded", "2025-03-01", #""failing":"obligation_breach""#)
        if notice { s.add("sanction_notice", "2025-03-03") }
        if let referral { s.add("team_referral", referral) }
        if let opinion { s.add("team_opinion", opinion) }
        s.add("sanction_decided", decided, decision("suspension", 50, 1))
        return s
    }

    @Test("the team's opinion deemed given the day after referral + 1 month: the decision on that day is regular, the day before is not",
          arguments: [("2025-04-04", 1), ("2025-04-05", 1), ("2025-04-06", 0), ("2025-05-20", 0)])
    func deemedOpinion(_ decided: String, _ expected: Int) {
        // Referred 2025-03-05: one month runs to 2025-04-05; deemed given from 2025-04-06.
        let f = Self.log(referral: "2025-03-05", decided: decided).findings(Rules.Sanction.LegacyProcedure.id)
        #expect(f.count == expected, "\(decided)")
        if expected == 1 { #expect(f.first?.message.contains("réputée l'avoir rendu qu'à partir du 2025-04-06") == true) }
    }

    @Test("an opinion given after the letter and on or before the decision is enough; one before the letter is not",
          arguments: [("2025-03-10", 0), ("2025-03-20", 0), ("2025-03-03", 1), ("2025-03-02", 1)])
    func opinion(_ day: String, _ expected: Int) {
        #expect(Self.log(opinion: day, decided: "2025-03-20").findings(Rules.Sanction.LegacyProcedure.id).count == expected, "\(day)")
    }

    @Test("no letter before the decision, and no opinion or referral at all, are violations")
    func missing() {
        let noLetter = Self.log(notice: false, opinion: "2025-03-10", decided: "2025-03-20").findings(Rules.Sanction.LegacyProcedure.id)
        #expect(noLetter.map(\.event) == ["e7"])
        #expect(noLetter.first?.message.contains("sans information préalable") == true)
        let noOpinion = Self.log(decided: "2025-03-20").findings(Rules.Sanction.LegacyProcedure.id)
        #expect(noOpinion.first?.message.contains("ni avis de l'équipe pluridisciplinaire ni saisine") == true)
        #expect(noOpinion.first?.severity == .violation)
    }

    @Test("decisions from 2025-06-01 fall under the notice of the décret, not this rule", arguments: [("2025-05-31", 1), ("2025-06-01", 0)])
    func inForce(_ decided: String, _ expected: Int) {
        #expect(Self.log(decided: decided).findings(Rules.Sanction.LegacyProcedure.id).count == expected)
    }
}
