import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sequence/sequence.orientation_before_registration.swift`
@Suite("sequence.orientation_before_registration")
struct OrientationBeforeRegistrationTests {
    @Test("sequence.orientation_before_registration: never registered at France Travail")
    func orientationBeforeRegistration() {
        var s = TestLog(person: "P1")
        s.add("right_opened", "2025-01-06")
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("registered", "2025-01-21")
        s.add("orientation_decided", "2025-02-20", #""dominante":"social","organisme":"departement""#)
        let f = s.findings(Rules.Sequence.OrientationBeforeRegistration.id)
        #expect(f.map(\.event) == ["e2"])
        #expect(f.first?.severity == .warning)
    }
}
