import PathwayMachinery
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
    /// one `switch` over event types changes the state; the rules are asked from the registry
    /// (`RuleTable`) at the moments they declare (``RuleTrigger``): before the event changes
    /// the state, once its clocks are completed, on a classified decision, on a suspension
    /// ended; the clocks of the deadline rules run here without knowing which rule owns them
    /// (`Rules/Clock.swift`).
    public mutating func apply(_ event: Event, under parameters: Parameters) -> Outcome {
        apply(event, under: parameters, rules: parameters.rules.table)
    }

    /// The same, with the rules' table of `parameters` taken by the caller (the replay's loop
    /// takes it once a person: both threads wrote its count of references at every event).
    /// With `transition` false, the status before and after the event is not worked out and
    /// the outcome has no transition (the replay's loop keeps the findings only: 230
    /// instructions each time, twice an event other than an activity or an appointment).
    package mutating func apply(_ event: Event, under parameters: Parameters, rules: RuleTable,
                                transition: Bool = true) -> Outcome {
        var findings: [Finding] = []
        if let routine = Routine(event.kind),
           applyRoutine(routine, on: event.date, under: parameters, rules: rules, into: &findings) {
            return Outcome(findings: findings, transition: nil)
        }
        let before = transition ? status(on: event.date) : nil
        if mayJudgeFixedDeadlines(on: event.date) { judgeFixedDeadlines(before: event.date, under: parameters, rules: rules, into: &findings) }

        if isClosedRight && event.type != .rightOpened {
            // Reported, not replayed.
            ask(rules.closedRight, .event(event, completed: []), under: parameters, into: &findings)
            return Outcome(findings: findings, transition: nil)
        }
        ask(rules.before(event.type), .event(event, completed: []), under: parameters, into: &findings)
        let rightWasOpen = isOpen
        let rightWasNever: Bool = if case .never = right { true } else { false }
        // The clocks whose step the event is, ended before it changes the state.
        completeClocks(by: event, under: parameters, rules: rules, into: &findings)

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
            stopClocks(.closure, on: event.date, under: parameters, into: &findings)
            endPlan(on: event.date)
            right = .closed(on: event.date, reason: reason)
            closures.append(ClosedPeriod(from: event.date, until: nil))

        case .registered:
            if registeredOn == nil { registeredOn = event.date }

        case .orientationDecided(let decision):
            orient(decision, event: event, under: parameters, into: &findings)

        case .diagnosticCompleted:
            diagnosticOn = event.date

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

        case .hearingRequested:
            hearingRequests.append(event.date)

        case .teamReferral:
            teamReferrals.append(event.date)

        case .paymentSuspended, .paymentResumed:
            break // the follow-up's (below)

        case .appealFiled, .appealReferred, .appealOpinion, .appealDecided:
            // An unknown reference is reported (data.unknown_reference) and not replayed.
            if resolves(event) { recordAppeal(event) }

        case .sanctionDecided(let decision):
            decide(decision, event: event, under: parameters, into: &findings)

        case .remobilised:
            remobilise(event, under: parameters, into: &findings)

        case .sanctionWithdrawn:
            withdraw(event)

        case .situationReviewed:
            break

        case .activity, .appointment:
            // One a rule asks about comes here rather than by the short path.
            if let routine = Routine(event.kind) { record(routine, on: event.date) }
        }

        trackFollowUp(event, rightWasOpen: rightWasOpen, rightWasNever: rightWasNever, under: parameters)
        guard let before else { return Outcome(findings: findings, transition: nil) }
        let after = status(on: event.date)
        return Outcome(findings: findings, transition: before == after ? nil : .init(from: before, to: after))
    }

    /// An event of the short path: what an activity or an appointment carries.
    package enum Routine {
        case activity(Hours, ActivityCategory)
        case appointment(AppointmentPurpose, AppointmentStatus)

        /// The routine of an event of that kind, if it is one.
        package init?(_ kind: EventKind) {
            switch kind {
            case .activity(let hours, let category): self = .activity(hours, category)
            case .appointment(let purpose, let status): self = .appointment(purpose, status)
            default: return nil
            }
        }

        package var type: EventType {
            switch self {
            case .activity: return .activity
            case .appointment: return .appointment
            }
        }
    }

    /// The short path of ``apply(_:under:)`` for the events most of a log holds, activities and
    /// appointments, which change no state the report's status depends on: taken when no rule
    /// asks about them and the right is not closed. Returns `false`, with nothing changed, when
    /// the event needs the full path (after the closure, it is reported there). The replay's
    /// loop (`Machinery/ReplayLoop.swift`) calls it with the values read where the event lies.
    package mutating func applyRoutine(_ routine: Routine, on date: CivilDate, under parameters: Parameters,
                                       rules: RuleTable, into findings: inout [Finding]) -> Bool {
        guard !isClosedRight else { return false }
        guard !rules.reacts(to: routine.type) else { return false }
        if mayJudgeFixedDeadlines(on: date) { judgeFixedDeadlines(before: date, under: parameters, rules: rules, into: &findings) }
        record(routine, on: date)
        return true
    }

    /// Keeps an activity (while the right is open) or counts an appointment.
    private mutating func record(_ routine: Routine, on date: CivilDate) {
        switch routine {
        case .activity(let hours, let category):
            if isOpen { activities.append(ActivityRecord(date: date, hours: hours, category: category)) }
        case .appointment(let purpose, let status):
            appointments[status] += 1
            if purpose == .hearing { hearings.append(HearingRecord(date: date, status: status)) }
        }
    }

    private var isClosedRight: Bool {
        if case .closed = right { return true }
        return false
    }

    /// Asks `rules` at `moment`, on the state as it is. The moment is made only when some rule
    /// is asked (it copies the event).
    package mutating func ask(_ rules: [RuleTable.Evaluate], _ moment: @autoclosure () -> RuleContext.Moment, under parameters: Parameters,
                      into findings: inout [Finding]) {
        guard !rules.isEmpty else { return }
        lending(to: moment(), under: parameters) { context in
            for rule in rules { rule.evaluate(context, into: &findings) }
        }
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
            if opening.dutiesStated && (opening.subjectToDuties != subjectToDuties || dutiesUnknown) {
                changeDuties(to: opening.subjectToDuties, event: event, under: parameters, into: &findings)
            }
            // The day of receipt of a right opened from its application: the orientation clock
            // starts now.
            if receiptUnknown && !opening.datedFromApplication {
                receiptUnknown = false
                receivedOn = event.date
                if subjectToDuties && orientation == nil {
                    startClocks(.orientationDue, by: event, under: parameters, into: &findings)
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
        if case .closed = right, let last = closures.indices.last { closures[last].until = event.date }
        right = .open(since: event.date, event: event.id)
        pathwayStart = event.date
        transferred = opening.transfer
        // Duties the source does not state (`subject_to_duties: null`) start no clock until a
        // `duties_changed` says.
        dutiesUnknown = opening.dutiesUnknown
        subjectToDuties = opening.subjectToDuties && !opening.dutiesUnknown
        receiptUnknown = opening.datedFromApplication
        receivedOn = receiptUnknown ? nil : event.date
        if subjectToDuties && orientation == nil && !receiptUnknown {
            startClocks(.orientationDue, by: event, under: parameters, into: &findings)
        }
    }

    private mutating func startNewPathway() {
        orientation = nil
        orientationsInPathway = 0
        diagnosticOn = nil
        contract = nil
        signed = nil
        contractSinceOrientation = false
        firstContractSinceReform = nil
        judgedFixedDeadlines = 0
    }

    private mutating func changeDuties(to subject: Bool, event: Event, under parameters: Parameters,
                                       into findings: inout [Finding]) {
        dutiesUnknown = false
        guard subject != subjectToDuties else { return }
        subjectToDuties = subject
        if !subject {
            stopClocks(.dutiesEnded, on: event.date, under: parameters, into: &findings)
            endPlan(on: event.date)
        } else if isOpen && orientation == nil {
            startClocks(.orientationDue, by: event, under: parameters, into: &findings)
        }
    }

    // MARK: Orientation

    private mutating func orient(_ decision: OrientationDecision, event: Event, under parameters: Parameters,
                                 into findings: inout [Finding]) {
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
        startClocks(.orientationNotified, by: event, under: parameters, into: &findings)
    }

    // MARK: Contract

    private mutating func sign(_ terms: ContractTerms, event: Event, under parameters: Parameters,
                               into findings: inout [Finding]) {
        contract = ContractInForce(terms: terms, date: event.date, event: event.id)
        if event.type == .contractSigned && signed == nil { signed = contract }
        if isOpen && subjectToDuties {
            // Each signature or revision under a social orientation restarts the review.
            startClocks(.contractSigned, by: event, under: parameters, into: &findings)
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

    /// Starts the clocks that `cause` starts, each when its rule opens a deadline on the state
    /// as it is. A rule has one clock running at a time: one still running is restarted when
    /// `cause` stops it (a new contract restarts the review), and kept otherwise.
    private mutating func startClocks(_ cause: StartCause, by event: Event, under parameters: Parameters,
                                      into findings: inout [Finding]) {
        for clock in parameters.rules.table.clocks where clock.isStarted(by: cause) {
            guard let deadline = lending(to: .event(event, completed: []), under: parameters, clock.start) else { continue }
            if running.contains(where: { $0.rule == clock.rule }) {
                guard let restart = cause.restart, clock.isStopped(by: restart) else { continue }
                stopClocks(restart, of: clock.rule, on: event.date, under: parameters, into: &findings)
            }
            running.append(deadline)
        }
    }

    /// Whether a fixed-date deadline may be judged on `date`: not before the earliest day any of
    /// them may be, once it is known. Asked by the callers before the judging: most events come
    /// before that day, and the judging's call cost 230 instructions an event to return at once.
    package func mayJudgeFixedDeadlines(on date: CivilDate) -> Bool {
        guard let from = fixedDeadlinesFrom else { return true }
        return date >= from
    }

    /// Judges the fixed-date deadlines whose day `date` has reached, once each: met when their
    /// step was done, else missing with a finding.
    package mutating func judgeFixedDeadlines(before date: CivilDate, under parameters: Parameters, rules: RuleTable,
                                      into findings: inout [Finding]) {
        // None can be judged before the earliest day any of them may be (found once).
        if fixedDeadlinesFrom == nil {
            fixedDeadlinesFrom = rules.fixedDeadlines.compactMap { $0.earliest(parameters) }.min() ?? CivilDate(dayNumber: .max)
        }
        guard let from = fixedDeadlinesFrom, date >= from else { return }
        let judges = rules.fixedJudged
        for i in judges.indices where judgedFixedDeadlines & (1 << i) == 0 && judges[i](parameters, date) {
            judgedFixedDeadlines |= 1 << i
            let f = rules.fixedDeadlines[i]
            guard let deadline = f.deadline(self, parameters) else { continue }
            if let done = f.done(self) {
                records.append(DeadlineRecord(deadline: deadline, status: .onTime, done: done))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(deadlineFinding(deadline, done: nil, event: deadline.event, under: parameters,
                                                message: f.missing(deadline)))
            }
        }
    }

    /// Ends the running clock of each rule whose step `event` is, on time or late, and returns
    /// their records.
    @discardableResult
    private mutating func completeClocks(by event: Event, under parameters: Parameters, rules: RuleTable,
                                         into findings: inout [Finding]) -> [DeadlineRecord] {
        let clocks = rules.completedBy(event.type), asked = rules.completing(event.type)
        guard !clocks.isEmpty || !asked.isEmpty else { return [] }
        var completed: [DeadlineRecord] = []
        for clock in clocks {
            guard let index = running.firstIndex(where: { $0.rule == clock.rule }) else { continue }
            let deadline = running.remove(at: index)
            let targetDay = deadline.target == nil ? nil : clock.targetDay(event)
            if event.date <= deadline.due {
                completed.append(DeadlineRecord(deadline: deadline, status: .onTime, done: event.date, targetDay: targetDay))
            } else {
                completed.append(DeadlineRecord(deadline: deadline, status: .late, done: event.date, targetDay: targetDay))
                findings.append(deadlineFinding(deadline, done: event.date, event: event.id, under: parameters,
                                                message: clock.late(deadline, done: event.date, under: parameters)))
            }
        }
        records.append(contentsOf: completed)
        ask(asked, .event(event, completed: completed), under: parameters, into: &findings)
        return completed
    }

    /// Stops the running clocks that `cause` stops (only `rule`'s, when given): one whose last
    /// day is before `date` is reported missing; the others are cancelled.
    package mutating func stopClocks(_ cause: StopCause, of rule: RuleID? = nil, on date: CivilDate, under parameters: Parameters,
                             into findings: inout [Finding]) {
        var kept: [Deadline] = []
        let rules = parameters.rules.table
        for deadline in running {
            guard rule.map({ $0 == deadline.rule }) ?? true, let clock = rules.clock(deadline.rule),
                  clock.isStopped(by: cause) else { kept.append(deadline); continue }
            if deadline.due < date {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(deadlineFinding(deadline, done: nil, event: deadline.event, under: parameters,
                                                message: clock.missing(deadline, before: cause, on: date, under: parameters)))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .cancelled, done: nil))
            }
        }
        running = kept
    }

    /// A finding of the deadline rule whose `deadline` was late or missed, dated by its last day.
    private func deadlineFinding(_ deadline: Deadline, done: CivilDate?, event: String, under parameters: Parameters,
                                 message: String) -> Finding {
        Finding(rule: deadline.rule, severity: parameters.rules.table.rule(deadline.rule)?.severity ?? .violation,
                person: person, date: deadline.due, due: deadline.due, done: done, event: event, text: .text(message))
    }

    // MARK: Closing at a report date

    /// The findings and records of the clocks still running at `asOf`, without changing the
    /// state: a last day before `asOf` is missing, the others are pending.
    public func closing(asOf: CivilDate, under parameters: Parameters) -> (findings: [Finding], records: [DeadlineRecord], intensity: Intensity) {
        closing(asOf: asOf, under: parameters, keepingWeeks: true)
    }

    /// The same; with `keepingWeeks` false, the intensity has its sums and episodes but not its
    /// weeks (``Intensity/withoutWeeks()``).
    package func closing(asOf: CivilDate, under parameters: Parameters,
                 keepingWeeks: Bool) -> (findings: [Finding], records: [DeadlineRecord], intensity: Intensity) {
        // The fixed-date deadlines are judged on a copy, the state itself left as it is. Before
        // the earliest day one may be judged (most reports), nothing would change: the state is
        // read where it is (a copy counted a reference on each of its arrays, for every person).
        guard mayJudgeFixedDeadlines(on: asOf) else {
            return closed(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks, recordsBefore: records.count, findings: [])
        }
        var copy = self
        var findings: [Finding] = []
        copy.judgeFixedDeadlines(before: asOf, under: parameters, rules: parameters.rules.table, into: &findings)
        return copy.closed(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks, recordsBefore: records.count, findings: findings)
    }

    /// The closing of a state whose fixed-date deadlines are judged: its records from
    /// `recordsBefore` on (those the judgement added), then its running clocks, judged at `asOf`,
    /// its intensity, the closing's rules, and the fixed-date deadlines not judged yet.
    private func closed(asOf: CivilDate, under parameters: Parameters, keepingWeeks: Bool, recordsBefore: Int,
                        findings: consuming [Finding]) -> (findings: [Finding], records: [DeadlineRecord], intensity: Intensity) {
        var findings = findings
        let rules = parameters.rules.table
        var records = Array(self.records.dropFirst(recordsBefore))
        for deadline in running {
            if deadline.due < asOf, let clock = rules.clock(deadline.rule) {
                records.append(DeadlineRecord(deadline: deadline, status: .missing, done: nil))
                findings.append(deadlineFinding(deadline, done: nil, event: deadline.event, under: parameters,
                                                message: clock.missing(deadline, asOf: asOf, under: parameters)))
            } else {
                records.append(DeadlineRecord(deadline: deadline, status: .pending, done: nil))
            }
        }
        let intensity = self.intensity(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks)
        if !rules.closing.isEmpty {
            reading(to: .closing(asOf: asOf, intensity: intensity), under: parameters) { context in
                for rule in rules.closing { rule.evaluate(context, into: &findings) }
            }
        }
        for (i, f) in rules.fixedDeadlines.enumerated() where judgedFixedDeadlines & (1 << i) == 0 {
            guard let deadline = f.deadline(self, parameters) else { continue }
            records.append(f.done(self).map { DeadlineRecord(deadline: deadline, status: .onTime, done: $0) }
                           ?? DeadlineRecord(deadline: deadline, status: .pending, done: nil))
        }
        return (findings, records, intensity)
    }
}
