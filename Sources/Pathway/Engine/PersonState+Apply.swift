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
    /// Events must come in the person's order: by `date`, then by position in the file. The
    /// one `switch` over event types: each case changes the state and asks the rules
    /// (`Rules/`) what the event breaks; the clocks of the deadline rules run here without
    /// knowing which rule owns them (`Rules/Clock.swift`).
    public mutating func apply(_ event: Event, under parameters: Parameters) -> Outcome {
        var findings: [Finding] = []
        switch event.kind {
        case .activity(let hours, let category):
            if recordActivity(date: event.date, hours: hours, category: category, under: parameters, into: &findings) {
                return Outcome(findings: findings, transition: nil)
            }
        case .appointment(_, let status):
            if recordAppointment(date: event.date, status: status, under: parameters, into: &findings) {
                return Outcome(findings: findings, transition: nil)
            }
        default:
            break
        }
        let before = status(on: event.date)
        Rules.Contract.StockDeadline.judge(&self, before: event.date, under: parameters, into: &findings)

        if let finding = Rules.Sequence.AfterClosure.check(self, event) {
            // Reported, not replayed.
            findings.append(finding)
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
            findings.append(contentsOf: [Rules.Sanction.Closure.check(self, event, under: parameters)].compactMap { $0 })
            stopClocks(.closure, on: event.date, under: parameters, into: &findings)
            endPlan(on: event.date)
            right = .closed(on: event.date, reason: reason)

        case .registered:
            if registeredOn == nil { registeredOn = event.date }

        case .orientationDecided(let decision):
            orient(decision, event: event, under: parameters, into: &findings)

        case .diagnosticCompleted:
            diagnosticOn = event.date

        case .situationReviewed:
            completeClocks(by: event, under: parameters, into: &findings)

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

    /// An activity done on `date`: the short path of ``apply(_:under:)`` for the event most of
    /// a log holds, which changes no state the report's status depends on. Returns `false`,
    /// with nothing changed, after the right's closure (the event then needs
    /// ``apply(_:under:)``, which reports it).
    mutating func recordActivity(date: CivilDate, hours: Hours, category: ActivityCategory, under parameters: Parameters,
                                 into findings: inout [Finding]) -> Bool {
        guard !isClosedRight else { return false }
        Rules.Contract.StockDeadline.judge(&self, before: date, under: parameters, into: &findings)
        if isOpen { activities.append(ActivityRecord(date: date, hours: hours, category: category)) }
        return true
    }

    /// An appointment on `date` with its `status`: the short path, as ``recordActivity(date:hours:category:under:into:)``.
    mutating func recordAppointment(date: CivilDate, status: AppointmentStatus, under parameters: Parameters,
                                    into findings: inout [Finding]) -> Bool {
        guard !isClosedRight else { return false }
        Rules.Contract.StockDeadline.judge(&self, before: date, under: parameters, into: &findings)
        appointments[status] += 1
        return true
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
            // The same right told again (a CAF flow sent twice, another source): the pathway goes
            // on; only a change of duties it states is taken into account. [I]
            if opening.dutiesStated && opening.subjectToDuties != subjectToDuties {
                changeDuties(to: opening.subjectToDuties, event: event, under: parameters, into: &findings)
            }
            // The day of receipt of a right opened from its application: the orientation clock
            // starts now.
            if receiptUnknown && !opening.datedFromApplication {
                receiptUnknown = false
                if subjectToDuties && orientation == nil && !running.contains(where: { $0.rule == Rules.Orientation.Deadline.id }) {
                    startClock(Rules.Orientation.Deadline.start(from: event, under: parameters))
                }
            }
            return
        }
        if isOpen {
            // A transfer into the département while open: the département starts a new pathway.
            stopClocks(.transfer, on: event.date, under: parameters, into: &findings)
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
        receiptUnknown = opening.datedFromApplication
        if subjectToDuties && orientation == nil && !receiptUnknown {
            startClock(Rules.Orientation.Deadline.start(from: event, under: parameters))
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
            stopClocks(.dutiesEnded, on: event.date, under: parameters, into: &findings)
            endPlan(on: event.date)
        } else if isOpen && orientation == nil {
            startClock(Rules.Orientation.Deadline.start(from: event, under: parameters))
        }
    }

    // MARK: Orientation

    private mutating func orient(_ decision: OrientationDecision, event: Event, under parameters: Parameters,
                                 into findings: inout [Finding]) {
        if let finding = Rules.Sequence.OrientationBeforeRegistration.check(self, event) { findings.append(finding) }
        let completed = completeClocks(by: event, under: parameters, into: &findings)
        if let finding = Rules.Orientation.Competence.check(completed.first, decision, event, person: person) {
            findings.append(finding)
        }
        // A new decision interrupts the clocks a re-orientation stops, and those of the former
        // dominante when it changes; a deadline already run out stays reported.
        stopClocks(.reorientation, on: event.date, under: parameters, into: &findings)
        if let previous = orientation, previous.decision.dominante != decision.dominante {
            stopClocks(.dominanteChanged, on: event.date, under: parameters, into: &findings)
        }

        if orientation != nil {
            reorientations += 1
            endPlan(on: event.date) // a new orientation needs its own contract [I]
        }
        orientationsInPathway += 1
        let notified = decision.notified ?? event.date
        orientation = OrientationInForce(decision: decision, date: event.date, notified: notified, event: event.id)
        contractSinceOrientation = false

        guard isOpen, subjectToDuties else { return }
        startClock(Rules.Contract.Deadline.start(notified: notified, by: event, under: parameters))
    }

    // MARK: Contract

    private mutating func sign(_ terms: ContractTerms, event: Event, under parameters: Parameters,
                               into findings: inout [Finding]) {
        findings.append(contentsOf: [
            Rules.Sequence.ContractBeforeOrientation.check(self, event),
            Rules.Sequence.ContractWithoutDiagnostic.check(self, event),
            Rules.Contract.Hours.check(terms, event, person: person, under: parameters),
            Rules.Contract.ReducedHours.check(terms, event, person: person, under: parameters),
        ].compactMap { $0 })
        completeClocks(by: event, under: parameters, into: &findings)
        contract = ContractInForce(terms: terms, date: event.date, event: event.id)
        if isOpen && subjectToDuties, let review = Rules.Review.Deadline.start(by: event, under: orientation, parameters: parameters) {
            // Each signature or revision under a social orientation restarts the review.
            stopClocks(.contractRevised, on: event.date, under: parameters, into: &findings)
            startClock(review)
        }
        contractTerms.append(terms)
        if isOpen && subjectToDuties {
            // The weekly duration is a term of the contrat d'engagement (from the reform): an
            // earlier contract, or one whose hours are not recorded, gives no plan.
            if let hours = terms.weeklyHours, parameters.minimumWeeklyHours.value(on: event.date) != nil {
                planChanges.append(PlanChange(date: event.date, weeklyHours: hours, ends: terms.ends, event: event.id))
            } else {
                endPlan(on: event.date)
            }
        }
        contractSinceOrientation = true
        if firstContractSinceReform == nil, let cutoff = parameters.stockCutoff.value(on: event.date), event.date >= cutoff {
            firstContractSinceReform = event.date
            if event.type == .contractSigned, let registered = registeredOn, registered <= event.date {
                registrationToContractDays.append(event.date.days(since: registered))
            }
        }
    }

    /// Ends the weekly plan running, if any.
    private mutating func endPlan(on date: CivilDate) {
        guard let last = planChanges.last, last.weeklyHours != nil else { return }
        planChanges.append(PlanChange(date: date, weeklyHours: nil, ends: nil, event: nil))
    }

    // MARK: Clocks

    /// Starts a clock, when its rule opened one.
    private mutating func startClock(_ deadline: Deadline?) {
        if let deadline { running.append(deadline) }
    }

    /// Ends the running clock of each rule whose step `event` is, on time or late, and returns
    /// their records.
    @discardableResult
    private mutating func completeClocks(by event: Event, under parameters: Parameters,
                                         into findings: inout [Finding]) -> [DeadlineRecord] {
        var completed: [DeadlineRecord] = []
        for clock in Clock.all where clock.completedBy.contains(event.type) {
            guard let index = running.firstIndex(where: { $0.rule == clock.rule }) else { continue }
            let deadline = running.remove(at: index)
            let targetDay = deadline.target == nil ? nil : clock.targetDay(event)
            if event.date <= deadline.due {
                completed.append(DeadlineRecord(deadline: deadline, status: .onTime, done: event.date, targetDay: targetDay))
            } else {
                completed.append(DeadlineRecord(deadline: deadline, status: .late, done: event.date, targetDay: targetDay))
                findings.append(Finding(rule: clock.rule, person: person, date: deadline.due, due: deadline.due, done: event.date,
                                        event: event.id, message: clock.late(deadline, done: event.date, under: parameters)))
            }
        }
        records.append(contentsOf: completed)
        return completed
    }

    /// Stops the running clocks that `cause` stops: one whose last day is before `date` is
    /// reported missing; the others are cancelled.
    mutating func stopClocks(_ cause: StopCause, on date: CivilDate, under parameters: Parameters, into findings: inout [Finding]) {
        var kept: [Deadline] = []
        for deadline in running {
            guard let clock = Clock.of(deadline.rule), clock.stoppedBy.contains(cause) else { kept.append(deadline); continue }
            if deadline.due < date {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(Finding(rule: deadline.rule, person: person, date: deadline.due, due: deadline.due,
                                        done: nil, event: deadline.event,
                                        message: clock.missing(deadline, before: cause, on: date, under: parameters)))
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
        Rules.Contract.StockDeadline.judge(&copy, before: asOf, under: parameters, into: &findings)
        var records = Array(copy.records.dropFirst(self.records.count))
        for deadline in copy.running {
            if deadline.due < asOf, let clock = Clock.of(deadline.rule) {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(Finding(rule: deadline.rule, person: person, date: deadline.due, due: deadline.due,
                                        done: nil, event: deadline.event, message: clock.missing(deadline, asOf: asOf, under: parameters)))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .pending, done: nil))
            }
        }
        let intensity = copy.intensity(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks)
        findings.append(contentsOf: Rules.Intensity.Shortfall.findings(intensity, person: person, asOf: asOf, under: parameters))
        if !copy.stockJudged, let stock = Rules.Contract.StockDeadline.deadline(for: copy, under: parameters) {
            records.append(copy.firstContractSinceReform.map { DeadlineRecord(deadline: stock, status: .onTime, done: $0) }
                           ?? DeadlineRecord(deadline: stock, status: .pending, done: nil))
        }
        return (findings, records, intensity)
    }
}
