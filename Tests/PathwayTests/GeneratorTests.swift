import Testing
@testable import Pathway

/// `pathway generate`: the benchmark's and the fuzzer's input holds every kind of event the
/// log knows, the procedure and the remedies included, and an imported log when asked.
@Suite("The log generator")
struct GeneratorTests {
    @Test("every event type, each appeal outcome, hearings held or not, payments resumed after more than a year; every reference resolves")
    func everything() throws {
        let text = LogGenerator(events: 60_000, seed: 4).text()
        let log = LogReader.read(text)
        #expect(log.rejected.isEmpty && log.events.count == 60_000)
        let types = Set(log.events.map(\.type))
        for type in EventType.allCases { #expect(types.contains(type), "no \(type.rawValue)") }
        var outcomes = Set<AppealOutcome>()
        var longSuspension = false
        var suspendedOn: [String: CivilDate] = [:]
        for event in log.events {
            switch event.kind {
            case .appealDecided(let answer): outcomes.insert(answer.outcome)
            case .paymentSuspended: suspendedOn[event.person] = event.date
            case .paymentResumed:
                if let from = suspendedOn[event.person], event.date > from.adding(months: 12) { longSuspension = true }
            default: break
            }
        }
        #expect(outcomes == Set(AppealOutcome.allCases))
        #expect(longSuspension, "no payment resumed after more than twelve months")
        #expect(log.events.contains { if case .appointment(.hearing, _) = $0.kind { true } else { false } })
        let report = Replay.log(log)
        // The generated appeals name decisions and appeals the log holds.
        #expect(report.findings.filter { $0.rule == Rules.Data.UnknownReference.id }.isEmpty)
        for rule in [Rules.Appeal.Late.id, Rules.Appeal.AnswerDeadline.id, Rules.Sanction.Hearing.id, Rules.Sanction.NoticeTerms.id,
                     Rules.Sanction.LegacyProcedure.id] {
            #expect(report.findings.contains { $0.rule == rule }, "no \(rule)")
        }
        #expect(report.people.contains { $0.sanctions.contains { $0.record.reform != nil } })
        #expect(report.notJudged.isEmpty, "a native log is judged in full")
        #expect(report.indicators.newEntrants.total > 0)
    }

    @Test("--sources: only what the built-in sources record, each line with its source; the rules needing a registration or a diagnostic not judged")
    func sourced() throws {
        let text = LogGenerator(events: 8_000, seed: 5, sources: true).text()
        let log = LogReader.read(text)
        #expect(log.rejected.isEmpty && log.events.count == 8_000)
        #expect(log.sources.everyEventHasSource)
        #expect(log.sources.sorted.map(\.name) == ["caf", "pilotage", "rdv-insertion"])
        for event in log.events {
            #expect(["caf", "pilotage", "rdv-insertion"].contains { SourceDeclarations.builtIn.records(of: $0)?.contains(event.type) == true })
        }
        let report = Replay.log(log)
        #expect(report.notJudged.map(\.rule) == [Rules.Sequence.ContractWithoutDiagnostic.id, Rules.Sequence.OrientationBeforeRegistration.id])
        // Deterministic, and the same events as the native log would give for what it keeps.
        #expect(LogGenerator(events: 8_000, seed: 5, sources: true).text() == text)
    }
}
