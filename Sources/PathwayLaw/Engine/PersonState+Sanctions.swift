import PathwayMachinery
/// The droits-et-devoirs sanction regime (`Docs/rules/sanction.*.md`):
/// classification of each decision, its bounds under the regime in force on its date, the
/// procedure, remobilisation, withdrawal and closure for sanction.
extension PersonState {
    /// Decisions that count in the current pathway (a reopening starts afresh).
    package var pathwaySanctions: [SanctionRecord] {
        guard let start = pathwayStart else { return sanctions }
        return sanctions.filter { $0.date >= start }
    }

    // MARK: Decision

    /// Classifies a decision (its basis: first failing, repetition, persistence, refusal of
    /// controls, or none), asks the rules that judge a decision (``RuleTrigger/decision``) what
    /// it breaks under the regime in force on its date, and keeps it.
    package mutating func decide(_ decision: SanctionDecision, event: Event, under parameters: Parameters,
                         into findings: inout [Finding]) {
        guard let bounds = parameters.sanctionBounds.value(on: event.date),
              let countingFrom = parameters.repetitionCountingFrom.value(on: event.date),
              let anchor = parameters.repetitionAnchor.value(on: event.date) else { return }
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
        var countsForRepetition = basis.contains { failings[$0].date >= countingFrom }

        if let first = basis.first {
            let failing = failings[first]
            let window = repetitionWindow(for: failing.date, under: parameters)
            if failing.kind == .controlRefusal {
                record.basis = .controlRefusal
            } else if let prior = window {
                record.basis = .repetition
                record.repeats = prior.event
            } else {
                record.basis = .first
            }
            // Anchored to the first failing's decision, a window is opened only by the decision
            // that starts a cycle: a failing outside any window.
            if anchor == .firstDecision && window != nil { countsForRepetition = false }
            for index in basis { failings[index].sanctionedBy = event.id }
        } else if let prior = previousInForce, prior.decision.measure == .suspension, prior.endedBy == nil, prior.term <= event.date {
            // Persistence: the suspension ran to its term without remobilisation.
            record.basis = .persistence
            record.failings = prior.failings
            record.failingDate = prior.failingDate
            record.repeats = prior.event
            countsForRepetition = anchor == .latestDecision && prior.opensRepetitionWindow
        }
        record.opensRepetitionWindow = countsForRepetition

        let classified = ClassifiedDecision(record: record, previous: previous, bounds: bounds)
        ask(parameters.rules.table.decision, .decision(event, classified), under: parameters, into: &findings)
        sanctions.append(record)
    }

    /// The decision whose repetition window holds a failing recorded on `date`, if any.
    private func repetitionWindow(for date: CivilDate, under parameters: Parameters) -> SanctionRecord? {
        guard let months = parameters.repetitionWindowMonths.value(on: date),
              let reset = parameters.repetitionResetOnReorientation.value(on: date),
              let start = parameters.repetitionStart.value(on: date) else { return nil }
        let since = reset ? (orientation?.date ?? pathwayStart) : pathwayStart
        return pathwaySanctions.last { prior in
            guard !prior.isWithdrawn, prior.opensRepetitionWindow,
                  since.map({ prior.date >= $0 }) ?? true else { return false }
            let opens = start == .decision ? prior.date : prior.starts
            return date >= opens && date <= parameters.lastDay(after: opens, months: months)
        }
    }

    // MARK: Remobilisation, withdrawal, closure

    /// Ends every suspension running, or decided and not yet started, on the day of `event`,
    /// each with its refund.
    package mutating func remobilise(_ event: Event, under parameters: Parameters, into findings: inout [Finding]) {
        for index in sanctions.indices where !sanctions[index].isWithdrawn && sanctions[index].endedBy == nil
            && sanctions[index].decision.measure == .suspension && event.date < sanctions[index].term {
            sanctions[index].endedBy = .remobilised
            sanctions[index].endedOn = event.date
            let ended = sanctions[index]
            ask(parameters.rules.table.suspensionEnded, .suspensionEnded(event, ended), under: parameters, into: &findings)
        }
    }

    /// The monthly amount each month of `record` applies its rate to, by the law in force on
    /// its start (`sanction_amount_base`): the amount known on the start for every month, or
    /// each month's own; `nil` for a month with no amount known.
    package func monthlyAmounts(for record: SanctionRecord, under parameters: Parameters) -> [Cents?] {
        // A reformed decision's months under either terms.
        let months = max(record.decision.months, record.reform?.original.months ?? 0)
        switch parameters.sanctionAmountBase.value(on: record.starts) {
        case .eachMonth?:
            return (0..<months).map { monthlyAmount(on: record.monthStart($0)) }
        case .amountOnStart?, nil:
            return Array(repeating: monthlyAmount(on: record.starts), count: months)
        }
    }

    /// The amounts of `record` as of `asOf` (`Docs/report.md`, "Les montants des sanctions"): a
    /// month that begins while the right is closed withholds nothing, even once it reopens.
    package func amounts(of record: SanctionRecord, asOf: CivilDate, under parameters: Parameters) -> SanctionAmounts? {
        guard let limit = parameters.refundLimitMonths.value(on: record.date) else { return nil }
        return record.amounts(monthlyAmounts: monthlyAmounts(for: record, under: parameters), asOf: asOf,
                              refundLimitMonths: limit, closures: closures)
    }

    package mutating func withdraw(_ event: Event) {
        guard let index = sanctions.lastIndex(where: { !$0.isWithdrawn }) else { return }
        sanctions[index].endedOn = min(sanctions[index].endedOn ?? event.date, event.date)
        sanctions[index].endedBy = .withdrawn
    }
}
