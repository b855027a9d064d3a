/// The transitions of the pathway: every event type in one `switch`.
extension PersonState {
    /// What `event` would cause, without applying it: "what would this decision break?",
    /// asked before a caseworker commits a step. The state is a value; it is left unchanged.
    public func preview(_ event: Event, under parameters: Parameters) -> Outcome {
        var copy = self
        return copy.apply(event, under: parameters)
    }

    /// Folds one event into the state and returns what it caused.
    ///
    /// Events must come in the person's order: by `date`, then by position in the file.
    public mutating func apply(_ event: Event, under parameters: Parameters) -> Outcome {
        var findings: [Finding] = []
        let routine = withUnsafePointer(to: event) { applyRoutine($0, under: parameters, into: &findings) }
        if routine { return Outcome(findings: findings, transition: nil) }
        let before = status(on: event.date)
        judgeStock(before: event.date, under: parameters, into: &findings)

        if case .closed(let closedOn, _) = right, event.type != .rightOpened {
            // sequence.after_closure: reported, not replayed.
            findings.append(Finding(rule: .afterClosure, person: person, date: event.date, event: event.id,
                                    message: Messages.afterClosure(event, closedOn: closedOn)))
            return Outcome(findings: findings, transition: nil)
        }

        switch event.kind {
        case .rightOpened(let opening):
            openRight(opening, event: event, under: parameters, into: &findings)

        case .householdChanged(let change):
            if let size = change.householdSize { householdSize = size }
            if let increase = change.singleParentIncrease { singleParentIncrease = increase }
            if let amount = change.monthlyAmount {
                monthlyAmount = amount
                amountHistory.append(AmountChange(date: event.date, amount: amount))
            }

        case .dutiesChanged(let subject):
            changeDuties(to: subject, event: event, under: parameters, into: &findings)

        case .rightClosed(let reason):
            if reason == .sanction {
                checkClosureForSanction(event, under: parameters, into: &findings)
            }
            stopClocks(.closure, on: event.date, into: &findings)
            endPlan(on: event.date)
            right = .closed(on: event.date, reason: reason)

        case .registered:
            if registeredOn == nil { registeredOn = event.date }

        case .orientationDecided(let decision):
            orient(decision, event: event, under: parameters, into: &findings)

        case .diagnosticCompleted:
            diagnosticOn = event.date

        case .situationReviewed:
            complete(.reviewDeadline, on: event.date, by: event, into: &findings)

        case .contractSigned(let terms), .contractUpdated(let terms):
            sign(terms, event: event, under: parameters, into: &findings)

        case .failingRecorded(let failing, let legitimateReason):
            failings.append(FailingRecord(event: event.id, date: event.date, kind: failing,
                                          legitimateReason: legitimateReason, sanctionedBy: nil))

        case .sanctionNotice(let terms):
            notices.append(NoticeRecord(event: event.id, date: event.date, terms: terms))

        case .observationsReceived:
            observations.append(event.date)

        case .teamOpinion:
            teamOpinions.append(event.date)

        case .sanctionDecided(let decision):
            decide(decision, event: event, under: parameters, into: &findings)

        case .remobilised:
            remobilise(event, under: parameters, into: &findings)

        case .sanctionWithdrawn:
            withdraw(event)

        case .activity(let hours, let category):
            if isOpen { activities.append(ActivityRecord(date: event.date, hours: hours, category: category)) }

        case .appointment(_, let status):
            appointments[status] += 1
        }

        let after = status(on: event.date)
        return Outcome(findings: findings, transition: before == after ? nil : .init(from: before, to: after))
    }

    /// The short path of ``apply(_:under:)`` for the events most of a log holds, activities
    /// and appointments, which change no state the report's status depends on: applies
    /// `event` and returns `true`, its findings added to `findings`, or returns `false` and
    /// leaves all unchanged (the event needs ``apply(_:under:)``).
    ///
    /// The event is read where it lies: a replay of a whole log reads it in the log's array,
    /// with no copy (passing an event to ``apply(_:under:)`` copies it, retaining its strings).
    mutating func applyRoutine(_ event: UnsafePointer<Event>, under parameters: Parameters,
                               into findings: inout [Finding]) -> Bool {
        guard !isClosedRight else { return false }
        switch event.pointee.kind {
        case .activity(let hours, let category):
            let date = event.pointee.date
            judgeStock(before: date, under: parameters, into: &findings)
            if isOpen { activities.append(ActivityRecord(date: date, hours: hours, category: category)) }
            return true
        case .appointment(_, let status):
            judgeStock(before: event.pointee.date, under: parameters, into: &findings)
            appointments[status] += 1
            return true
        default:
            return false
        }
    }

    private var isClosedRight: Bool {
        if case .closed = right { return true }
        return false
    }

    // MARK: The right and the duties

    private mutating func openRight(_ opening: RightOpening, event: Event, under parameters: Parameters,
                                    into findings: inout [Finding]) {
        householdSize = opening.householdSize
        singleParentIncrease = opening.singleParentIncrease
        if let amount = opening.monthlyAmount {
            monthlyAmount = amount
            amountHistory.append(AmountChange(date: event.date, amount: amount))
        }

        if isOpen && !opening.transfer {
            // The same right told again (a CAF flow sent twice): the pathway goes on; only a
            // change of duties is taken into account. [I]
            if opening.subjectToDuties != subjectToDuties {
                changeDuties(to: opening.subjectToDuties, event: event, under: parameters, into: &findings)
            }
            return
        }
        if isOpen {
            // A transfer into the département while open: the département starts a new pathway.
            stopClocks(.transfer, on: event.date, into: &findings)
            endPlan(on: event.date)
        }
        if case .never = right {
            // Events logged before the first opening (a registration, say) belong to it.
        } else {
            startNewPathway()
        }
        right = .open(since: event.date, event: event.id)
        pathwayStart = event.date
        transferred = opening.transfer
        subjectToDuties = opening.subjectToDuties
        if subjectToDuties && orientation == nil {
            startOrientationClock(from: event, under: parameters)
        }
    }

    private mutating func startNewPathway() {
        orientation = nil
        orientationsInPathway = 0
        diagnosticOn = nil
        contract = nil
        contractSinceOrientation = false
        firstContractSinceReform = nil
        stockJudged = false
    }

    private mutating func changeDuties(to subject: Bool, event: Event, under parameters: Parameters,
                                       into findings: inout [Finding]) {
        guard subject != subjectToDuties else { return }
        subjectToDuties = subject
        if !subject {
            stopClocks(.dutiesEnded, on: event.date, into: &findings)
            endPlan(on: event.date)
        } else if isOpen && orientation == nil {
            startOrientationClock(from: event, under: parameters)
        }
    }

    // MARK: Orientation

    private mutating func startOrientationClock(from event: Event, under parameters: Parameters) {
        guard let days = parameters.orientationDeadlineDays.value(on: event.date) else { return }
        let target = parameters.orientationTargetDays.value(on: event.date).map { event.date.adding(days: $0) }
        let origin: Deadline.Origin
        if case .rightOpened(let opening) = event.kind {
            origin = opening.transfer ? .transfer : .rightOpened
        } else {
            origin = .dutiesStarted
        }
        running.append(Deadline(rule: .orientationDeadline, start: event.date,
                                due: parameters.lastDay(after: event.date, days: days), target: target,
                                event: event.id, origin: origin))
    }

    private mutating func orient(_ decision: OrientationDecision, event: Event, under parameters: Parameters,
                                 into findings: inout [Finding]) {
        if registeredOn == nil {
            findings.append(Finding(rule: .orientationBeforeRegistration, person: person, date: event.date,
                                    event: event.id, message: Messages.orientationBeforeRegistration(event)))
        }
        complete(.orientationDeadline, on: event.date, by: event, into: &findings)
        // A new decision interrupts the month for the contract and the social review; a
        // deadline already run out stays reported.
        stopClocks(.reorientation, on: event.date, into: &findings, only: [.contractDeadline, .reviewDeadline])

        if orientation != nil {
            reorientations += 1
            endPlan(on: event.date) // a new orientation needs its own contract [I]
        }
        orientationsInPathway += 1
        let notified = decision.notified ?? event.date
        orientation = OrientationInForce(decision: decision, date: event.date, notified: notified, event: event.id)
        contractSinceOrientation = false

        guard isOpen, subjectToDuties else { return }
        if let months = parameters.contractDeadlineMonths.value(on: notified) {
            let target = parameters.contractTargetDays.value(on: notified).map { notified.adding(days: $0) }
            running.append(Deadline(rule: .contractDeadline, start: notified,
                                    due: parameters.lastDay(after: notified, months: months), target: target,
                                    event: event.id, origin: .orientationNotified))
        }
        if decision.dominante == .social {
            let months = decision.extendedReview
                ? parameters.reviewExtendedMonths.value(on: event.date)
                : parameters.reviewMonths.value(on: event.date)
            if let months {
                running.append(Deadline(rule: .reviewDeadline, start: event.date,
                                        due: parameters.lastDay(after: event.date, months: months),
                                        event: event.id, origin: .socialOrientation))
            }
        }
    }

    // MARK: Contract

    private mutating func sign(_ terms: ContractTerms, event: Event, under parameters: Parameters,
                               into findings: inout [Finding]) {
        if event.type == .contractSigned {
            if orientation == nil {
                findings.append(Finding(rule: .contractBeforeOrientation, person: person, date: event.date,
                                        event: event.id, message: Messages.contractBeforeOrientation(event)))
            }
            if diagnosticOn == nil {
                findings.append(Finding(rule: .contractWithoutDiagnostic, person: person, date: event.date,
                                        event: event.id, message: Messages.contractWithoutDiagnostic(event)))
            }
        }
        if let minimum = parameters.minimumWeeklyHours.value(on: event.date),
           let maximum = parameters.maximumWeeklyHours.value(on: event.date) {
            if terms.weeklyHours < minimum && terms.reductionReason == nil {
                findings.append(Finding(rule: .contractHours, person: person, date: event.date, event: event.id,
                                        message: Messages.hoursBelow(event, terms.weeklyHours, minimum: minimum)))
            } else if terms.weeklyHours > maximum {
                findings.append(Finding(rule: .contractHours, person: person, date: event.date, event: event.id,
                                        message: Messages.hoursAbove(event, terms.weeklyHours, maximum: maximum)))
            }
        }
        complete(.contractDeadline, on: event.date, by: event, into: &findings)
        contract = ContractInForce(terms: terms, date: event.date, event: event.id)
        contractTerms.append(terms)
        if isOpen && subjectToDuties {
            planChanges.append(PlanChange(date: event.date, weeklyHours: terms.weeklyHours, ends: terms.ends, event: event.id))
        }
        contractSinceOrientation = true
        if firstContractSinceReform == nil, let cutoff = parameters.stockCutoff.value(on: event.date), event.date >= cutoff {
            firstContractSinceReform = event.date
            if event.type == .contractSigned, let registered = registeredOn, registered <= event.date {
                registrationToContractDays.append(event.date.days(since: registered))
            }
        }
    }

    /// The stock deadline is judged on the situation at the end of the day before it.
    private mutating func judgeStock(before date: CivilDate, under parameters: Parameters, into findings: inout [Finding]) {
        guard !stockJudged, let deadline = parameters.stockDeadline.value(on: date), date >= deadline else { return }
        stockJudged = true
        guard let stock = stockDeadline(under: parameters) else { return }
        if let done = firstContractSinceReform {
            records.append(DeadlineRecord(deadline: stock, status: .onTime, done: done))
        } else {
            records.append(DeadlineRecord(deadline: stock, status: .missing, done: nil))
            findings.append(Finding(rule: .contractStockDeadline, person: person, date: stock.due, due: stock.due,
                                    done: nil, event: stock.event, message: Messages.stockMissing(stock, opened: stock.start)))
        }
    }

    /// Ends the weekly plan running, if any.
    private mutating func endPlan(on date: CivilDate) {
        guard let last = planChanges.last, last.weeklyHours != nil else { return }
        planChanges.append(PlanChange(date: date, weeklyHours: nil, ends: nil, event: nil))
    }

    // MARK: Clocks

    /// Why a clock stopped before its step.
    enum StopCause {
        case closure, dutiesEnded, transfer, reorientation
    }

    /// Ends the running clock of `rule` with its step done on `date`.
    private mutating func complete(_ rule: RuleID, on date: CivilDate, by event: Event, into findings: inout [Finding]) {
        guard let index = running.firstIndex(where: { $0.rule == rule }) else { return }
        let deadline = running.remove(at: index)
        if date <= deadline.due {
            records.append(DeadlineRecord(deadline: deadline, status: .onTime, done: date))
        } else {
            records.append(DeadlineRecord(deadline: deadline, status: .late, done: date))
            findings.append(Finding(rule: rule, person: person, date: deadline.due, due: deadline.due, done: date,
                                    event: event.id, message: Messages.late(deadline, done: date)))
        }
    }

    /// Stops the running clocks (all, or those of `only`): one whose last day is before
    /// `date` is reported missing; the others are cancelled.
    mutating func stopClocks(_ cause: StopCause, on date: CivilDate, into findings: inout [Finding], only rules: Set<RuleID>? = nil) {
        var kept: [Deadline] = []
        for deadline in running {
            guard rules?.contains(deadline.rule) ?? true else { kept.append(deadline); continue }
            if deadline.due < date {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(Finding(rule: deadline.rule, person: person, date: deadline.due, due: deadline.due,
                                        done: nil, event: deadline.event,
                                        message: Messages.missingBefore(deadline, cause: cause, on: date)))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .cancelled, done: nil))
            }
        }
        running = kept
    }

    // MARK: Closing at a report date

    /// The findings and records of the clocks still running at `asOf`, without changing the
    /// state: a last day before `asOf` is missing, the others are pending.
    public func closing(asOf: CivilDate, under parameters: Parameters) -> (findings: [Finding], records: [DeadlineRecord], intensity: Intensity) {
        closing(asOf: asOf, under: parameters, keepingWeeks: true)
    }

    /// The same; with `keepingWeeks` false, the intensity has its sums and episodes but not its
    /// weeks (``Intensity/withoutWeeks()``).
    func closing(asOf: CivilDate, under parameters: Parameters,
                 keepingWeeks: Bool) -> (findings: [Finding], records: [DeadlineRecord], intensity: Intensity) {
        var copy = self
        var findings: [Finding] = []
        copy.judgeStock(before: asOf, under: parameters, into: &findings)
        var records = Array(copy.records.dropFirst(self.records.count))
        for deadline in copy.running {
            if deadline.due < asOf {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(Finding(rule: deadline.rule, person: person, date: deadline.due, due: deadline.due,
                                        done: nil, event: deadline.event, message: Messages.missing(deadline, asOf: asOf)))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .pending, done: nil))
            }
        }
        let intensity = copy.intensity(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks)
        let window = parameters.intensityWindowWeeks.value(on: asOf) ?? 4
        for episode in intensity.episodes {
            findings.append(Finding(rule: .intensityShortfall, person: person, date: episode.firstMonday, event: episode.contractEvent,
                                    text: .shortfall(ShortfallMessage(episode, window: window))))
        }
        if !copy.stockJudged, let stock = copy.stockDeadline(under: parameters) {
            records.append(copy.firstContractSinceReform.map { DeadlineRecord(deadline: stock, status: .onTime, done: $0) }
                           ?? DeadlineRecord(deadline: stock, status: .pending, done: nil))
        }
        return (findings, records, intensity)
    }
}
