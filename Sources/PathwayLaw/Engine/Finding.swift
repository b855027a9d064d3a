import PathwayMachinery
/// What the engine found: a rule not met (or a fact worth reporting), with its dates.
public struct Finding: Sendable, Hashable {
    /// The rule's id (`Docs/report.md`).
    public var rule: RuleID
    public var severity: Severity
    public var person: String
    /// The date the finding is sorted by: the deadline for a deadline rule, else the day of
    /// the event at fault.
    public var date: CivilDate
    /// For a deadline rule: the last day the step was due (`nil` for other rules).
    public var due: CivilDate?
    /// For a deadline rule: the day the step happened, `nil` if still missing.
    public var done: CivilDate?
    /// The id of the event at fault (the late step, or the event that opened a missed
    /// deadline).
    public var event: String?
    /// For auditors, in French, with the dates and the article.
    public var message: String {
        get { text.string }
        set { text = .text(newValue) }
    }
    /// The message as kept: its text, or the facts it states (``FindingText``).
    package var text: FindingText

    public init(rule: RuleID, person: String, date: CivilDate, due: CivilDate? = nil, done: CivilDate? = nil,
                event: String?, message: String) {
        self.init(rule: rule, person: person, date: date, due: due, done: done, event: event, text: .text(message))
    }

    package init(rule: RuleID, person: String, date: CivilDate, due: CivilDate? = nil, done: CivilDate? = nil,
         event: String?, text: FindingText) {
        self.init(rule: rule, severity: RuleRegistry.severity(of: rule) ?? .violation, person: person, date: date,
                  due: due, done: done, event: event, text: text)
    }

    package init(rule: RuleID, severity: Severity, person: String, date: CivilDate, due: CivilDate? = nil, done: CivilDate? = nil,
         event: String?, text: FindingText) {
        self.rule = rule
        self.severity = severity
        self.person = person
        self.date = date
        self.due = due
        self.done = done
        self.event = event
        self.text = text
    }

    /// Findings are equal when all they say is: their messages compare as text.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.severity == b.severity && a.person == b.person && a.date == b.date && a.due == b.due
            && a.done == b.done && a.event == b.event && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(person)
        hasher.combine(date)
        hasher.combine(due)
        hasher.combine(done)
        hasher.combine(event)
        hasher.combine(message)
    }

    /// Whether `due` and `done` apply (a deadline rule).
    public var isDeadline: Bool { due != nil }

    /// The rule's legal basis.
    public var references: [LegalReference] { RuleRegistry.rule(rule)?.references ?? [] }

    /// `CASF D262-65-2 ; Interprétation : …`: the citations of the rule's sources.
    public var article: String { RuleRegistry.basis(of: rule)?.citations ?? "" }

    /// `Docs/report.md` order: by person, then date, then rule (then event and message, so that the
    /// order is total and the output deterministic).
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.person != b.person { return a.person.utf8.lexicographicallyPrecedes(b.person.utf8) }
        if a.date != b.date { return a.date < b.date }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.event != b.event { return (a.event ?? "").utf8.lexicographicallyPrecedes((b.event ?? "").utf8) }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }
}

/// A finding's message as kept. Most are kept as their text. The most frequent one of a log,
/// an intensity shortfall (a finding for every person whose activity fell short), is kept as
/// the few numbers it states and written out when it is read (``Finding/message``) or
/// rendered (straight into the JSON report): building its French text for every finding
/// during the replay cost a twentieth of the whole run at 10^6 events, and holding it 9 MB.
package enum FindingText: Sendable {
    case text(String)
    case shortfall(ShortfallMessage)

    package var string: String {
        switch self {
        case .text(let text): return text
        case .shortfall(let facts): return facts.string
        }
    }

}

extension FindingText: Equatable {
    /// Equal when the texts are (and without writing them out when the facts are equal).
    package static func == (a: FindingText, b: FindingText) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x == y
        case (.shortfall(let x), .shortfall(let y)): return x == y || x.string == y.string
        default: return a.string == b.string
        }
    }
}

/// A legal clock running for a person: which rule, from which day, until which last day.
public struct Deadline: Sendable, Hashable {
    public var rule: RuleID
    /// Day 0 of the period: the receipt of the right's information, the notification of the
    /// orientation, the decision of a social orientation…
    public var start: CivilDate
    /// The last day the step is on time.
    public var due: CivilDate
    /// The last day the local target is met, when the département set one.
    public var target: CivilDate?
    /// The event that opened the clock.
    public var event: String
    /// What day 0 is.
    public var origin: Origin

    /// What opened a clock.
    public enum Origin: String, Sendable, Hashable {
        /// The département received the information that the right was opened.
        case rightOpened = "right_opened"
        /// The right was transferred into the département.
        case transfer
        /// The person became subject to rights and duties.
        case dutiesStarted = "duties_started"
        /// The orientation was notified to the person.
        case orientationNotified = "orientation_notified"
        /// A social orientation was decided (the review's day 0 before the law counted it from
        /// the contract; kept for reports written then).
        case socialOrientation = "social_orientation"
        /// A contrat d'engagement was signed or revised under a social orientation.
        case contract
        /// The reform came into force for the stock.
        case reform
    }

    public init(rule: RuleID, start: CivilDate, due: CivilDate, target: CivilDate? = nil, event: String, origin: Origin) {
        self.rule = rule
        self.start = start
        self.due = due
        self.target = target
        self.event = event
        self.origin = origin
    }
}

/// How one deadline ended, for the indicators.
public struct DeadlineRecord: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        /// The step happened on or before the last day.
        case onTime = "on_time"
        /// The step happened after the last day.
        case late
        /// The last day had not passed at `as_of` (left out of rates).
        case pending
        /// The last day passed and the step was not done.
        case missing
        /// The clock stopped before its last day (closure, end of duties, re-orientation).
        case cancelled
    }

    public var deadline: Deadline
    public var status: Status
    /// The day the step happened.
    public var done: CivilDate?
    /// The day compared with the local target (the orientation's notification; else `done`).
    public var targetDay: CivilDate?

    public init(deadline: Deadline, status: Status, done: CivilDate?, targetDay: CivilDate? = nil) {
        self.deadline = deadline
        self.status = status
        self.done = done
        self.targetDay = targetDay
    }

    /// Days from day 0 to the step.
    public var days: Int? { done.map { $0.days(since: deadline.start) } }

    /// Whether the local target was met (`nil` without a target or a step).
    public var targetMet: Bool? {
        guard let target = deadline.target else { return nil }
        guard let day = targetDay ?? done else { return status == .pending ? nil : false }
        return day <= target
    }
}

/// What applying one event caused.
public struct Outcome: Sendable, Hashable {
    /// Findings the event revealed (a late step, a step out of sequence…).
    public var findings: [Finding]
    /// The person's state before and after, when it changed.
    public var transition: Transition?

    public struct Transition: Sendable, Hashable {
        public var from: PathwayStatus
        public var to: PathwayStatus

        package init(from: PathwayStatus, to: PathwayStatus) {
            self.from = from
            self.to = to
        }
    }
}

/// Where a person stands in the pathway (`Docs/report.md` `people[].state`).
public enum PathwayStatus: String, Sendable, CaseIterable {
    /// Right open, subject to duties, no orientation in the current pathway.
    case awaitingOrientation = "awaiting_orientation"
    /// Oriented, no contract signed since the latest orientation (or the contract's planned
    /// end has passed).
    case awaitingContract = "awaiting_contract"
    /// A contract signed since the latest orientation is in force.
    case engaged
    /// A suspension is running.
    case suspended
    /// A suppression is running.
    case suppressed
    /// The right was closed.
    case closed
    /// Right open, not subject to rights and duties.
    case notSubject = "not_subject"
    /// Events replayed, but no `right_opened` among them: the log holds no right for this
    /// person, a data gap to show (not a closed right).
    case noRight = "no_right"

    /// French label for the text report.
    public var label: String {
        switch self {
        case .awaitingOrientation: return "en attente d'orientation"
        case .awaitingContract: return "en attente de contrat"
        case .engaged: return "engagé (contrat en vigueur)"
        case .suspended: return "suspendu"
        case .suppressed: return "supprimé"
        case .closed: return "droit clos"
        case .notSubject: return "non soumis aux droits et devoirs"
        case .noRight: return "aucun droit au journal"
        }
    }
}
