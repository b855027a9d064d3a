import PathwayMachinery
/// Everything the engine knows about one person after some of their events.
///
/// A plain value: ``apply(_:under:)`` (in `PersonState+Apply.swift`) folds one event into it
/// and returns what it caused; ``closing(asOf:under:)`` judges the clocks still running at a
/// report date without changing the state.
public struct PersonState: Sendable {
    /// The person's pseudonymous id.
    public let person: String

    // MARK: The right

    /// The RSA right as the log tells it.
    public enum Right: Sendable, Hashable {
        /// No `right_opened` seen yet.
        case never
        /// Open since the département received the information on that day.
        case open(since: CivilDate, event: String)
        /// Closed on that day.
        case closed(on: CivilDate, reason: ClosureReason)
    }

    public package(set) var right: Right = .never
    /// Day 0 of the current pathway: the latest `right_opened` that started one.
    public package(set) var pathwayStart: CivilDate?
    /// Whether the right was transferred in from another département.
    public package(set) var transferred = false
    /// The right is open from a day an import took from the application (`dated_from`): the
    /// day the département received the information is not known yet, and no orientation clock
    /// runs until a later `right_opened` of the same right gives it.
    public package(set) var receiptUnknown = false
    /// Subject to rights and duties (CASF L262-28).
    public package(set) var subjectToDuties = true
    /// Whether the log leaves the duties unknown (`subject_to_duties: null` at the opening and no
    /// `duties_changed` since): no deadline is judged; the person reads as not subject.
    public package(set) var dutiesUnknown = false
    public package(set) var householdSize = 1
    public package(set) var singleParentIncrease = false
    public package(set) var monthlyAmount: Cents?

    // MARK: Registration, orientation, diagnostic

    /// First registration at France Travail (registration is never lost in the log).
    public package(set) var registeredOn: CivilDate?
    /// The orientation in force in the current pathway.
    public package(set) var orientation: OrientationInForce?
    /// Orientation decisions in the current pathway.
    public package(set) var orientationsInPathway = 0
    /// Re-orientations in the whole log (decisions after a first one in the same pathway).
    public package(set) var reorientations = 0
    /// The latest diagnostic global in the current pathway.
    public package(set) var diagnosticOn: CivilDate?

    // MARK: Contract

    /// The latest contract (signed or updated) in the current pathway.
    public package(set) var contract: ContractInForce?
    /// The first signature of a contrat d'engagement in the current pathway (`contract` is the
    /// terms in force, after any update).
    public package(set) var signed: ContractInForce?
    /// The day the département received the information that opens the right (the orientation
    /// clock's day 0); `nil` while it is not known (a right dated from its application).
    public package(set) var receivedOn: CivilDate?
    /// Whether a contract was signed or updated since the latest orientation.
    public package(set) var contractSinceOrientation = false
    /// First contract signed or updated on or after the reform in the current pathway.
    public package(set) var firstContractSinceReform: CivilDate?
    /// Days from registration to the signature of each pathway's first contrat
    /// d'engagement (national indicator, instruction of 20 March 2025, annexe 3).
    public package(set) var registrationToContractDays: [Int] = []

    // MARK: Intensity

    /// The weekly plan over time: contracts from their date, ends of plan (closure, end of
    /// duties, re-orientation, new pathway).
    public package(set) var planChanges: [PlanChange] = []
    /// Activities done while the right was open.
    public package(set) var activities: [ActivityRecord] = []
    /// Every contract signed or updated (its terms), for the share planning 15 hours.
    public package(set) var contractTerms: [ContractTerms] = []
    /// Appointments by status.
    public package(set) var appointments = AppointmentCounts()

    // MARK: Sanctions

    /// Every failing recorded, in order.
    public package(set) var failings: [FailingRecord] = []
    /// Every sanction notice (the "date certaine" of the notification), in order.
    public package(set) var notices: [NoticeRecord] = []
    /// Days the équipe pluridisciplinaire gave its opinion.
    public package(set) var teamOpinions: [CivilDate] = []
    /// Written observations or hearings received.
    public package(set) var observations: [CivilDate] = []
    /// Days the département received a request to be heard (`hearing_requested`).
    public package(set) var hearingRequests: [CivilDate] = []
    /// Days the équipe pluridisciplinaire was referred for its opinion (`team_referral`).
    public package(set) var teamReferrals: [CivilDate] = []
    /// Hearings: appointments of purpose `hearing`, with their status.
    public package(set) var hearings: [HearingRecord] = []
    /// Appeals against the person's decisions, in order.
    public package(set) var appeals: [AppealRecord] = []
    /// The current follow-up (`nil` before the first opening), the day a payment suspension
    /// began if one is running, and the person's entries (the new-entrant indicator).
    public package(set) var followUp: FollowUp?
    public package(set) var paymentSuspendedSince: CivilDate?
    public package(set) var newEntries: [NewEntry] = []
    /// The periods the right was closed: from a `right_closed` to the next `right_opened`, if
    /// any. No allowance is due then, so no sanction withholds anything.
    public package(set) var closures: [ClosedPeriod] = []
    /// Every decision, in order, with how it ended.
    public package(set) var sanctions: [SanctionRecord] = []
    /// Every monthly amount known, with the day it became known.
    public package(set) var amountHistory: [AmountChange] = []

    // MARK: Clocks

    /// Deadlines running, in the order they were opened.
    public package(set) var running: [Deadline] = []
    /// Deadlines that ended (met, late, missed or cancelled).
    public package(set) var records: [DeadlineRecord] = []
    /// The fixed-date deadlines judged already (bit i: the rule table's i-th).
    package var judgedFixedDeadlines: UInt64 = 0
    /// The earliest day a fixed-date deadline may be judged, under the parameters of the
    /// first event (`nil`: not found yet): before it, none is asked.
    package var fixedDeadlinesFrom: CivilDate?

    public init(person: String) {
        self.person = person
    }

    /// Whether the right is open.
    public var isOpen: Bool {
        if case .open = right { return true }
        return false
    }

    /// The state of `Docs/report.md` on `date` (a contract whose planned end is before `date` is no
    /// longer in force).
    public func status(on date: CivilDate) -> PathwayStatus {
        if case .never = right { return .noRight }
        guard isOpen else { return .closed }
        if let running = sanctions.last(where: { $0.isRunning(on: date) }) {
            return running.decision.measure == .suspension ? .suspended : .suppressed
        }
        guard subjectToDuties else { return .notSubject }
        guard orientation != nil else { return .awaitingOrientation }
        guard contractSinceOrientation, let contract else { return .awaitingContract }
        if let ends = contract.terms.ends, ends < date { return .awaitingContract }
        return .engaged
    }

    /// The deadlines running on `date`, soonest first, with the stock deadline when it
    /// still concerns the person.
    public func deadlines(asOf date: CivilDate, under parameters: Parameters) -> [Deadline] {
        var result = running
        for (i, f) in parameters.rules.table.fixedDeadlines.enumerated() where judgedFixedDeadlines & (1 << i) == 0 && f.done(self) == nil {
            if let deadline = f.deadline(self, parameters) { result.append(deadline) }
        }
        return result.sorted { ($0.due, $0.rule) < ($1.due, $1.rule) }
    }
}

/// A sanction notice.
public struct NoticeRecord: Sendable, Hashable {
    public var event: String
    public var date: CivilDate
    public var terms: SanctionTerms
}

/// A period the right was closed: from the day of its closure to its reopening (`nil`: still
/// closed).
public struct ClosedPeriod: Sendable, Hashable {
    public var from: CivilDate
    public var until: CivilDate?

    /// Whether the right was closed on `date`.
    public func contains(_ date: CivilDate) -> Bool { date >= from && until.map { date < $0 } ?? true }
}

/// A hearing (an appointment of purpose `hearing`) and how it went.
public struct HearingRecord: Sendable, Hashable {
    public var date: CivilDate
    public var status: AppointmentStatus
}

/// A monthly amount known from a day on (`right_opened` or `household_changed`).
public struct AmountChange: Sendable, Hashable {
    public var date: CivilDate
    public var amount: Cents
}

extension PersonState {
    /// The latest monthly amount known on `date` (`Docs/report.md`: "the latest `monthly_amount`
    /// known on the sanction's start").
    public func monthlyAmount(on date: CivilDate) -> Cents? {
        amountHistory.last { $0.date <= date }?.amount
    }
}

/// The orientation decision in force.
public struct OrientationInForce: Sendable, Hashable {
    public var decision: OrientationDecision
    /// The day of the decision.
    public var date: CivilDate
    /// The day it was notified (the decision's date when not given).
    public var notified: CivilDate
    public var event: String
}

/// The latest contract.
public struct ContractInForce: Sendable, Hashable {
    public var terms: ContractTerms
    /// The day it was signed or last updated.
    public var date: CivilDate
    public var event: String
}
