import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Sanction/sanction.hearing.swift`
@Suite("sanction.hearing")
struct SanctionHearingTests {
    /// Failing 2025-07-01, notice received 2025-07-02 (observations until 2025-07-12 inclusive),
    /// a request to be heard on `requested`, a hearing on `heard` with `status`, a decision on 2025-07-20.
    static func log(requested: String?, heard: String? = nil, status: String = "attended", decided: String = "2025-07-20",
                    extra: String = "") -> TestLog {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02", #""measure":"suspension","percent":30,"months":1"#)
        if let requested { s.add("hearing_requested", requested) }
        if let heard { s.add("appointment", heard, #""purpose":"hearing","status":"\#(status)""#) }
        s.add("sanction_decided", decided, decision(extra: extra))
        return s
    }

    @Test("a request received on the last day of the observations counts, the day after does not",
          arguments: [("2025-07-11", 1), ("2025-07-12", 1), ("2025-07-13", 0)])
    func requestWithinTheDays(_ requested: String, _ expected: Int) {
        let f = Self.log(requested: requested).findings(Rules.Sanction.Hearing.id)
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.due == date("2025-07-20") && f.first?.done == nil && f.first?.event == "e9")
            #expect(f.first?.severity == .violation)
            #expect(f.first?.message.contains("demandé à être entendue le \(requested)") == true)
        }
    }

    @Test("a hearing attended or missed between the request and the decision discharges the duty; excused, before the request or after the decision, not",
          arguments: [("2025-07-15", "attended", 0), ("2025-07-15", "missed", 0), ("2025-07-15", "excused", 1),
                      ("2025-07-20", "attended", 0), ("2025-07-08", "attended", 1), ("2025-07-10", "attended", 0)])
    func hearing(_ heard: String, _ status: String, _ expected: Int) {
        let f = Self.log(requested: "2025-07-10", heard: heard, status: status).findings(Rules.Sanction.Hearing.id)
        #expect(f.count == expected, "\(heard) \(status)")
        if status == "excused" { #expect(f.first?.message.contains("l'audition excusée ne vaut pas audition") == true) }
    }

    @Test("no request, no finding; a decision exempt from the notice, or before 2025-06-01, is not judged")
    func notJudged() {
        #expect(Self.log(requested: nil).findings(Rules.Sanction.Hearing.id).isEmpty)
        #expect(Self.log(requested: "2025-07-05", extra: #","proposed_by_france_travail":true"#)
            .findings(Rules.Sanction.Hearing.id).isEmpty)
        var s = engaged()
        s.add("failing_recorded", "2025-04-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-04-02")
        s.add("hearing_requested", "2025-04-05")
        s.add("sanction_decided", "2025-05-31", decision())
        #expect(s.findings(Rules.Sanction.Hearing.id).isEmpty)
    }

    @Test("a request made for an earlier decision does not count for the next one")
    func earlierDecision() {
        var s = Self.log(requested: "2025-07-05", heard: "2025-07-10")
        s.add("failing_recorded", "2025-09-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-09-02")
        s.add("sanction_decided", "2025-09-20", decision("suspension", 30, 2))
        #expect(s.findings(Rules.Sanction.Hearing.id).isEmpty)
    }
}
