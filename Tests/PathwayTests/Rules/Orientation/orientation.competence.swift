import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Orientation/orientation.competence.swift`: an orientation decided by
/// the département after its six-week deadline had run out (the competence had passed to
/// France Travail).
@Suite("orientation.competence")
struct OrientationCompetenceTests {
    @Test("day 42 is on time, day 43 is reported beside orientation.deadline, with the same dates", arguments: [
        ("2025-04-13", 0), ("2025-04-14", 0), ("2025-04-15", 1),
    ])
    func boundary(_ decided: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("orientation_decided", decided, #""dominante":"social","organisme":"departement""#)
        let competence = s.findings(Rules.Orientation.Competence.id)
        #expect(competence.count == expected)
        let deadline = s.findings(Rules.Orientation.DeadlineRule.id)
        #expect(competence.map(\.due) == deadline.map(\.due))
        #expect(competence.map(\.done) == deadline.map(\.done))
        #expect(competence.allSatisfy { $0.severity == .info && $0.event == "e3" })
    }

    @Test("decided by France Travail: no finding; decided_by absent means the département", arguments: [
        (#","decided_by":"france_travail""#, 0), (#","decided_by":"departement""#, 1), ("", 1),
    ])
    func decider(_ field: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("orientation_decided", "2025-05-02", #""dominante":"emploi","organisme":"france_travail""# + field)
        #expect(s.findings(Rules.Orientation.Competence.id).count == expected)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id).count == 1)
    }

    @Test("a clock that started before 2025 does not exist: nothing to report; the message names the passage of competence")
    func message() {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("orientation_decided", "2025-04-20", #""dominante":"emploi","organisme":"departement""#)
        let message = s.findings(Rules.Orientation.Competence.id).first?.message ?? ""
        #expect(message.contains("6 jours après l'expiration du délai le 2025-04-14"))
        #expect(message.contains("passée à France Travail"))
        #expect(message.contains("D262-65-2"))
        var old = TestLog.entrant(opened: "2024-11-04")
        old.add("orientation_decided", "2025-02-20", #""dominante":"emploi","organisme":"departement""#)
        #expect(old.findings(Rules.Orientation.Competence.id).isEmpty)
    }
}
