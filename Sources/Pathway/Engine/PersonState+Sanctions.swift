/// The droits-et-devoirs sanction regime (LAW.md section 4; REPORT.md "Precise readings"):
/// classification of each decision, its bounds under the regime in force on its date, the
/// procedure, remobilisation, withdrawal and closure for sanction.
extension PersonState {
    /// Decisions that count in the current pathway (a reopening starts afresh).
    private var pathwaySanctions: [SanctionRecord] {
        guard let start = pathwayStart else { return sanctions }
        return sanctions.filter { $0.date >= start }
    }

    // MARK: Decision

    mutating func decide(_ decision: SanctionDecision, event: Event, under parameters: Parameters,
                         into findings: inout [Finding]) {
        let bounds = parameters.sanctionBounds.value(on: event.date) ?? .legacy
        let earlier = pathwaySanctions
        let previous = earlier.last
        let previousInForce = earlier.last { !$0.isWithdrawn }

        // The basis: every failing up to this day, without a legitimate reason, not sanctioned yet.
        let basis = failings.indices.filter {
            failings[$0].date <= event.date && !failings[$0].legitimateReason && failings[$0].sanctionedBy == nil
        }
        var record = SanctionRecord(event: event.id, date: event.date, decision: decision, starts: decision.starts ?? event.date,
                                    basis: .none, failings: basis.map { failings[$0].event },
                                    failingDate: basis.first.map { failings[$0].date }, regime: bounds.regime,
                                    endedBy: nil, endedOn: nil, opensRepetitionWindow: false, repeats: nil)
        let countingFrom = parameters.repetitionCountingFrom.value(on: event.date) ?? CivilDate.ymd(2025, 6, 1)
        var countsForRepetition = basis.contains { failings[$0].date >= countingFrom }

        if let first = basis.first {
            let failing = failings[first]
            if failing.kind == .controlRefusal {
                record.basis = .controlRefusal
            } else if let prior = repetitionWindow(for: failing.date, under: parameters) {
                record.basis = .repetition
                record.repeats = prior.event
            } else {
                record.basis = .first
            }
            for index in basis { failings[index].sanctionedBy = event.id }
        } else if let prior = previousInForce, prior.decision.measure == .suspension, prior.endedBy == nil, prior.term <= event.date {
            // Persistence: the suspension ran to its term without remobilisation.
            record.basis = .persistence
            record.failings = prior.failings
            record.failingDate = prior.failingDate
            record.repeats = prior.event
            countsForRepetition = prior.opensRepetitionWindow
        } else {
            findings.append(Finding(rule: .sanctionNoFailing, person: person, date: event.date, event: event.id,
                                    message: Messages.noFailing(event, decision)))
        }
        record.opensRepetitionWindow = countsForRepetition

        switch bounds.regime {
        case .decree2025:
            checkNotice(decision, event: event, previous: previous, bounds: bounds, parameters: parameters, into: &findings)
            checkDecreeBounds(record, event: event, bounds: bounds, into: &findings)
        case .legacy:
            let isFirst = previousInForce == nil
            let months = isFirst ? bounds.firstMonths : bounds.laterMonths
            let tooHigh = isFirst && bounds.firstMaximumPercent.map { decision.percent > $0 } == true
            if tooHigh || !months.contains(decision.months) {
                findings.append(Finding(rule: .sanctionLegacyBounds, person: person, date: event.date, event: event.id,
                                        message: Messages.legacyBounds(event, decision, isFirst: isFirst, bounds: bounds)))
            }
        }
        if let cap = parameters.householdCapPercent.value(on: event.date),
           householdSize > 1 || singleParentIncrease, decision.percent > cap {
            findings.append(Finding(rule: .sanctionHouseholdCap, person: person, date: event.date, event: event.id,
                                    message: Messages.householdCap(event, decision, cap: cap, size: householdSize,
                                                                   singleParent: singleParentIncrease)))
        }
        if decision.measure == .suppression {
            let since = previous?.date
            let opinion = teamOpinions.last { day in day <= event.date && since.map { day > $0 } ?? true }
            if opinion == nil {
                findings.append(Finding(rule: .sanctionTeamOpinion, person: person, date: event.date, event: event.id,
                                        message: Messages.teamOpinionMissing(event, since: since)))
            }
        }
        sanctions.append(record)
    }

    /// The decision whose repetition window holds a failing recorded on `date`, if any.
    private func repetitionWindow(for date: CivilDate, under parameters: Parameters) -> SanctionRecord? {
        guard let months = parameters.repetitionWindowMonths.value(on: date) else { return nil }
        let reset = parameters.repetitionResetOnReorientation.value(on: date) ?? true
        let since = reset ? (orientation?.date ?? pathwayStart) : pathwayStart
        let start = parameters.repetitionStart.value(on: date) ?? .decision
        return pathwaySanctions.last { prior in
            guard !prior.isWithdrawn, prior.opensRepetitionWindow,
                  since.map({ prior.date >= $0 }) ?? true else { return false }
            let opens = start == .decision ? prior.date : prior.starts
            return date >= opens && date <= parameters.lastDay(after: opens, months: months)
        }
    }

    private func checkNotice(_ decision: SanctionDecision, event: Event, previous: SanctionRecord?, bounds: SanctionBounds,
                             parameters: Parameters, into findings: inout [Finding]) {
        guard let days = bounds.noticeDays, !decision.proposedByFranceTravail else { return }
        let notice = notices.last { n in n.date <= event.date && previous.map { n.date > $0.date } ?? true }
        guard let notice else {
            findings.append(Finding(rule: .sanctionNotice, person: person, date: event.date, event: event.id,
                                    message: Messages.noNotice(event, since: previous?.date)))
            return
        }
        let lastDay = parameters.lastDay(after: notice.date, days: days)
        if event.date <= lastDay {
            findings.append(Finding(rule: .sanctionNotice, person: person, date: event.date, event: event.id,
                                    message: Messages.noticeTooEarly(event, notice: notice, lastDay: lastDay, days: days)))
        }
    }

    private func checkDecreeBounds(_ record: SanctionRecord, event: Event, bounds: SanctionBounds, into findings: inout [Finding]) {
        let decision = record.decision
        var problems: [String] = []
        if let minimum = bounds.minimumPercent, decision.percent < minimum {
            problems.append("un taux de \(decision.percent) %, inférieur au minimum de \(minimum) %")
        }
        switch record.basis {
        case .first:
            if decision.measure == .suppression && !bounds.firstMaySuppress {
                problems.append("une suppression, alors qu'un premier manquement n'ouvre qu'une suspension")
            }
            if !bounds.firstMonths.contains(decision.months) {
                problems.append("une durée de \(decision.months) mois, hors de \(bounds.firstMonths.lowerBound) à \(bounds.firstMonths.upperBound) mois")
            }
            if !problems.isEmpty {
                findings.append(Finding(rule: .sanctionFirstFailing, person: person, date: event.date, event: event.id,
                                        message: Messages.bounds(event, record, problems: problems, failing: failingSummary(record))))
            }
        case .repetition, .persistence, .controlRefusal:
            if !bounds.laterMonths.contains(decision.months) {
                problems.append("une durée de \(decision.months) mois, hors de \(bounds.laterMonths.lowerBound) à \(bounds.laterMonths.upperBound) mois")
            }
            if !problems.isEmpty {
                findings.append(Finding(rule: .sanctionRepeatBounds, person: person, date: event.date, event: event.id,
                                        message: Messages.bounds(event, record, problems: problems, failing: failingSummary(record))))
            }
        case .none:
            break
        }
    }

    private func failingSummary(_ record: SanctionRecord) -> String {
        guard let id = record.failings.first, let failing = failings.first(where: { $0.event == id }) else { return "" }
        return "manquement « \(failing.kind.rawValue) » constaté le \(failing.date) (événement \(failing.event))"
    }

    // MARK: Remobilisation, withdrawal, closure

    mutating func remobilise(_ event: Event, under parameters: Parameters, into findings: inout [Finding]) {
        // The suspension running, or decided and not yet started (REPORT.md).
        guard let index = sanctions.lastIndex(where: {
            !$0.isWithdrawn && $0.endedBy == nil && $0.decision.measure == .suspension && event.date < $0.term
        }) else { return }
        sanctions[index].endedBy = .remobilised
        sanctions[index].endedOn = event.date
        let record = sanctions[index]
        let limit = parameters.refundLimitMonths.value(on: record.date) ?? 3
        let amounts = record.amounts(monthlyAmount: monthlyAmount(on: record.starts), asOf: event.date, refundLimitMonths: limit)
        findings.append(Finding(rule: .sanctionRefund, person: person, date: event.date, event: event.id,
                                message: Messages.refund(event, record, amounts: amounts, limit: limit)))
    }

    mutating func withdraw(_ event: Event) {
        guard let index = sanctions.lastIndex(where: { !$0.isWithdrawn }) else { return }
        sanctions[index].endedOn = min(sanctions[index].endedOn ?? event.date, event.date)
        sanctions[index].endedBy = .withdrawn
    }

    func checkClosureForSanction(_ event: Event, under parameters: Parameters, into findings: inout [Finding]) {
        let months = parameters.closureSuppressionMonths.value(on: event.date) ?? 4
        let completed = pathwaySanctions.contains {
            !$0.isWithdrawn && $0.decision.measure == .suppression && $0.decision.percent == 100
                && $0.decision.months >= months && $0.term <= event.date
        }
        if !completed {
            findings.append(Finding(rule: .sanctionClosure, person: person, date: event.date, event: event.id,
                                    message: Messages.closure(event, months: months, suppressions: pathwaySanctions.filter { $0.decision.measure == .suppression && !$0.isWithdrawn })))
        }
    }
}
