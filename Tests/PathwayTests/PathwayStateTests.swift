import Testing
@testable import Pathway

@Suite("Pathway state machine")
struct PathwayStateTests {
    private func event(_ kind: EventKind, _ day: String, _ id: String) -> Event {
        Event(id: id, person: "P1", date: date(day), kind: kind)
    }

    @Test("a whole pathway, event by event: transitions and findings")
    func walk() {
        var state = PersonState(person: "P1")
        let p = Parameters.law
        var outcome = state.apply(event(.registered(category: nil), "2025-03-03", "e1"), under: p)
        #expect(outcome.transition == nil) // no right yet, before and after
        #expect(state.status(on: date("2025-03-03")) == .noRight)
        outcome = state.apply(event(.rightOpened(RightOpening(monthlyAmount: Cents(64652))), "2025-03-03", "e2"), under: p)
        #expect(outcome.transition == .init(from: .noRight, to: .awaitingOrientation))
        #expect(state.running == [Deadline(rule: Rules.Orientation.DeadlineRule.id, start: date("2025-03-03"), due: date("2025-04-14"), event: "e2", origin: .rightOpened)])

        outcome = state.apply(event(.orientationDecided(OrientationDecision(dominante: .emploi, organisme: .franceTravail, notified: date("2025-04-11"))), "2025-04-10", "e3"), under: p)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.transition == .init(from: .awaitingOrientation, to: .awaitingContract))
        #expect(state.running == [Deadline(rule: Rules.Contract.DeadlineRule.id, start: date("2025-04-11"), due: date("2025-05-11"), event: "e3", origin: .orientationNotified)])
        #expect(state.records.map(\.status) == [.onTime])

        outcome = state.apply(event(.diagnosticCompleted(barriers: ["mobilite"]), "2025-04-22", "e4"), under: p)
        outcome = state.apply(event(.contractSigned(ContractTerms(weeklyHours: Hours(15))), "2025-05-16", "e5"), under: p)
        #expect(outcome.transition == .init(from: .awaitingContract, to: .engaged))
        #expect(outcome.findings.map(\.rule) == [Rules.Contract.DeadlineRule.id])
        #expect(outcome.findings.first?.due == date("2025-05-11"))
        #expect(outcome.findings.first?.done == date("2025-05-16"))
        #expect(state.running.isEmpty)

        outcome = state.apply(event(.dutiesChanged(subjectToDuties: false), "2025-06-01", "e6"), under: p)
        #expect(outcome.transition == .init(from: .engaged, to: .notSubject))
        outcome = state.apply(event(.dutiesChanged(subjectToDuties: true), "2025-07-01", "e7"), under: p)
        #expect(outcome.transition == .init(from: .notSubject, to: .engaged))
        #expect(state.running.isEmpty) // already oriented: no new clock

        outcome = state.apply(event(.rightClosed(reason: .employment), "2025-09-01", "e8"), under: p)
        #expect(outcome.transition == .init(from: .engaged, to: .closed))
        #expect(state.right == .closed(on: date("2025-09-01"), reason: .employment))
        #expect(state.monthlyAmount == Cents(64652))
        #expect(state.registrationToContractDays == [74])
    }

    @Test("the replay's loop, which skips the transitions, leaves the same state and findings")
    func withoutTransitions() {
        let p = Parameters.law
        let events: [(EventKind, String)] = [
            (.registered(category: nil), "2025-03-03"),
            (.rightOpened(RightOpening(monthlyAmount: Cents(64652))), "2025-03-03"),
            (.orientationDecided(OrientationDecision(dominante: .emploi, organisme: .franceTravail, notified: date("2025-04-30"))), "2025-04-29"),
            (.activity(hours: Hours(7), category: .training), "2025-05-02"),
            (.contractSigned(ContractTerms(weeklyHours: Hours(15))), "2025-06-16"),
            (.failingRecorded(failing: .obligationBreach, legitimateReason: false), "2025-07-01"),
            (.sanctionNotice(SanctionTerms()), "2025-07-02"),
            (.dutiesChanged(subjectToDuties: false), "2025-08-01"),
            (.rightClosed(reason: .employment), "2025-09-01"),
            (.appointment(purpose: .accompaniment, status: .attended), "2025-09-02"),
        ]
        var tracked = PersonState(person: "P1"), untracked = PersonState(person: "P1")
        var transitions = 0
        for (k, (kind, day)) in events.enumerated() {
            let e = event(kind, day, "e\(k)")
            let a = tracked.apply(e, under: p)
            let b = untracked.apply(e, under: p, rules: p.rules.table, transition: false)
            #expect(a.findings == b.findings, "event \(k)")
            #expect(b.transition == nil)
            if a.transition != nil { transitions += 1 }
            #expect(tracked.status(on: date(day)) == untracked.status(on: date(day)), "event \(k)")
        }
        #expect(transitions >= 4) // the walk does change the status, and the loop only skips saying so
        let asOf = date("2025-12-31")
        let (a, b) = (Replay.report(of: tracked, findings: [], replayed: 0, afterAsOf: 0, asOf: asOf, parameters: p).report,
                      Replay.report(of: untracked, findings: [], replayed: 0, afterAsOf: 0, asOf: asOf, parameters: p).report)
        #expect(a.findings == b.findings)
        #expect(a.status == b.status)
        #expect(a.records == b.records)
        #expect(a.sanctions == b.sanctions)
        #expect(a.deadlines == b.deadlines)
        #expect(a.newEntrants.map(\.entry) == b.newEntrants.map(\.entry))
        #expect(!a.newEntrants.isEmpty)
    }

    @Test("a contract past its planned end is no longer in force")
    func contractEnds() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-10")
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", "2025-02-01", #""weekly_hours":15,"ends":"2025-07-31""#)
        #expect(s.report(asOf: "2025-07-31").person("P1")?.status == .engaged)
        #expect(s.report(asOf: "2025-08-01").person("P1")?.status == .awaitingContract)
    }

    @Test("events after as_of are counted, not replayed")
    func afterAsOf() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-03-20", #""dominante":"emploi","organisme":"france_travail""#)
        let report = s.report(asOf: "2025-03-01")
        #expect(report.input.events == 3)
        #expect(report.input.replayed == 2)
        #expect(report.input.afterAsOf == 1)
        #expect(report.person("P1")?.status == .awaitingOrientation)
        #expect(report.findings.map(\.rule) == [Rules.Orientation.DeadlineRule.id])
        #expect(report.findings.first?.done == nil)
    }

    @Test("as of a date, people whose events all come later are not listed; with no right_opened, the state is no_right")
    func knownAsOf() {
        var s = TestLog.entrant(opened: "2025-03-03")
        var later = TestLog.entrant(opened: "2025-05-05", person: "P2")
        later.add("orientation_decided", "2025-05-20", #""dominante":"emploi","organisme":"france_travail""#)
        var gap = TestLog(person: "P3")
        gap.add("registered", "2025-03-10")
        gap.add("orientation_decided", "2025-03-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.lines += later.lines + gap.lines
        let early = s.report(asOf: "2025-05-04")
        #expect(early.people.map(\.person) == ["P1", "P3"])
        #expect(early.input.people == 3)
        #expect(early.input.afterAsOf == 3)
        #expect(early.person("P3")?.status == .noRight)
        #expect(early.indicators.states[.noRight] == 1)
        #expect(early.indicators.states[.closed] == nil)
        let all = s.report(asOf: "2025-05-05")
        #expect(all.people.map(\.person) == ["P1", "P2", "P3"])
    }

    @Test("next deadlines as of a date, soonest first, for case-management screens")
    func nextDeadlines() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-02-03", #""dominante":"social","organisme":"departement""#)
        s.add("contract_updated", "2025-02-05", #""weekly_hours":15"#, id: "c0")
        var other = TestLog.entrant(opened: "2025-01-06", person: "P2")
        other.add("orientation_decided", "2025-02-03", #""dominante":"social","organisme":"departement""#)
        let person = Replay.person("P2", events: LogReader.read(other.text).events, asOf: date("2025-02-10"))
        #expect(person.deadlines.map(\.rule) == [Rules.Contract.DeadlineRule.id])
        #expect(person.deadlines.map(\.due) == [date("2025-03-03")])
        let reviewed = Replay.person("P1", events: LogReader.read(s.text).events, asOf: date("2025-02-10"))
        #expect(reviewed.deadlines.map(\.rule) == [Rules.Review.DeadlineRule.id])
        #expect(reviewed.deadlines.map(\.due) == [date("2025-08-05")])
        #expect(person.findings.isEmpty)
    }

    @Test("preview: a sanction decided too early is flagged before it is applied, and the state is unchanged")
    func preview() {
        var state = PersonState(person: "P1")
        let p = Parameters.law
        let setup: [(EventKind, String)] = [
            (.rightOpened(RightOpening(monthlyAmount: Cents(64652))), "2025-01-06"),
            (.registered(category: nil), "2025-01-06"),
            (.orientationDecided(OrientationDecision(dominante: .emploi, organisme: .franceTravail)), "2025-01-20"),
            (.diagnosticCompleted(barriers: []), "2025-01-27"),
            (.contractSigned(ContractTerms(weeklyHours: Hours(15))), "2025-02-03"),
            (.failingRecorded(failing: .obligationBreach, legitimateReason: false), "2025-07-01"),
            (.sanctionNotice(SanctionTerms()), "2025-07-02"),
        ]
        for (i, (kind, day)) in setup.enumerated() { _ = state.apply(event(kind, day, "e\(i + 1)"), under: p) }
        let decision = SanctionDecision(measure: .suspension, percent: 30, months: 1)
        let early = state.preview(event(.sanctionDecided(decision), "2025-07-12", "e8"), under: p)
        #expect(early.findings.map(\.rule) == [Rules.Sanction.Notice.id])
        #expect(state.sanctions.isEmpty)
        #expect(state.failings.first?.sanctionedBy == nil)
        let lawful = state.preview(event(.sanctionDecided(decision), "2025-07-13", "e8"), under: p)
        #expect(lawful.findings.isEmpty)
        #expect(lawful.transition == .init(from: .engaged, to: .suspended))
    }
}
