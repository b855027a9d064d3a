import PathwayMachinery
/// A deadline rule's clock, declared in the rule's file (its ``RuleTrigger/clock(_:)``): what
/// starts it, what completes it, what stops it before its step, and how its step and period
/// read. The state machine runs every clock the same way without knowing which rule owns it:
/// - started: when the pathway reaches a moment in `startedBy` (`StartCause`), the clock's
///   `start` function gives the ``Deadline`` it opens, if any; a rule has one clock running at
///   a time (a clock started again while it runs restarts it when the moment's restart cause
///   stops it, and is left running otherwise);
/// - completed: an event whose type is in `completedBy` ends it, on time or late;
/// - stopped: a cause in `stoppedBy` ends it, reported missing when its last day had passed
///   on that day, cancelled otherwise;
/// - judged at the report date (`as_of`): missing when its last day is before it, else pending.
///
/// A class: the engine looks clocks up at each step of the pathway, and a reference costs one
/// count where a copy of the value retained every closure and set it holds.
public final class DeadlineClock: Sendable {
    package let rule: RuleID
    /// The deadline it opens at such a moment, on the state then (`nil`: none, e.g. before the
    /// rule is in force, or under another dominante).
    package let start: @Sendable (RuleContext) -> Deadline?
    /// The event types whose step completes the clock.
    package let completedBy: Set<EventType>
    /// The step done (`Orientation décidée`) and missing (`Aucune orientation`), in French.
    package let done: String
    package let missing: String
    /// The period after "le délai", from the parameters in force on day 0 (`de six semaines`).
    package let period: @Sendable (Parameters, CivilDate) -> String
    /// The day compared with a local target when `event` completes the clock (the day of the
    /// event, unless the rule says otherwise).
    package let targetDay: @Sendable (Event) -> CivilDate
    /// Where its counts go in the report's indicators, if anywhere.
    package let indicator: DeadlineIndicator?
    /// The moments of the pathway that start it (`startedBy`) and what ends it before its step
    /// (`stoppedBy`), as bits: asked at every step, where a set would hash its element.
    private let startBits: UInt8, stopBits: UInt8

    package init(rule: RuleID, startedBy: Set<StartCause>, start: @escaping @Sendable (RuleContext) -> Deadline?,
                 completedBy: Set<EventType>, stoppedBy: Set<StopCause>, done: String, missing: String,
                 period: @escaping @Sendable (Parameters, CivilDate) -> String,
                 targetDay: @escaping @Sendable (Event) -> CivilDate = { $0.date }, indicator: DeadlineIndicator? = nil) {
        self.rule = rule
        self.start = start
        self.completedBy = completedBy
        self.done = done
        self.missing = missing
        self.period = period
        self.targetDay = targetDay
        self.indicator = indicator
        startBits = startedBy.reduce(0) { $0 | $1.bit }
        stopBits = stoppedBy.reduce(0) { $0 | $1.bit }
    }

    /// Whether the moment `cause` starts the clock.
    package func isStarted(by cause: StartCause) -> Bool { startBits & cause.bit != 0 }
    /// Whether `cause` stops the clock.
    package func isStopped(by cause: StopCause) -> Bool { stopBits & cause.bit != 0 }
}

/// A deadline on fixed dates (`contract.stock_deadline`): it concerns a person when `deadline`
/// gives one, is met by the day `done` gives, and is judged once, on the situation at the end
/// of its last day.
public struct FixedDeadline: Sendable {
    package let rule: RuleID
    /// The deadline for the person's state, if it concerns them.
    package let deadline: @Sendable (PersonState, Parameters) -> Deadline?
    /// Whether the deadline is judged by `date` (its last day has passed).
    package let judged: @Sendable (Parameters, CivilDate) -> Bool
    /// The earliest day `judged` may hold (`nil`: never): no day before it is judged.
    package let earliest: @Sendable (Parameters) -> CivilDate?
    /// The day the step was done, if it was.
    package let done: @Sendable (PersonState) -> CivilDate?
    /// The message of a missed deadline.
    package let missing: @Sendable (Deadline) -> String
    package var indicator: DeadlineIndicator? = nil
}

/// A deadline's place in the report's indicators: the field of `indicators` (fixed by the
/// report's contract, in this order) and the heading of its line in the text report.
public struct DeadlineIndicator: Sendable {
    public var slot: Slot
    /// `Orientation (6 semaines)`, from the parameters.
    public var heading: @Sendable (Parameters) -> String
    /// The local target's parameter, if the rule has one.
    public var target: (@Sendable (Parameters) -> Int?)?

    public enum Slot: String, Sendable, CaseIterable {
        case orientation, contract, review, stock
    }
}

/// A moment of the pathway that may start a clock.
package enum StartCause: Sendable, Hashable {
    /// The person, subject to duties with an open right, awaits an orientation: the right was
    /// opened (or transferred in, or its receipt became known) or the person entered the duties.
    case orientationDue
    /// An orientation was decided and its notification starts what follows it.
    case orientationNotified
    /// A contrat d'engagement was signed or revised.
    case contractSigned

    fileprivate var bit: UInt8 {
        switch self {
        case .orientationDue: return 1
        case .orientationNotified: return 2
        case .contractSigned: return 4
        }
    }

    /// What stops a clock of the same rule still running when this moment starts it again.
    package var restart: StopCause? {
        switch self {
        case .orientationDue: return nil
        case .orientationNotified: return .reorientation
        case .contractSigned: return .contractRevised
        }
    }
}

/// Why a clock stopped before its step.
package enum StopCause: Sendable, Hashable {
    case closure, dutiesEnded, transfer, reorientation
    /// A re-orientation to another dominante.
    case dominanteChanged
    /// A new signature or revision of the contrat d'engagement (the social review restarts).
    case contractRevised

    fileprivate var bit: UInt8 {
        switch self {
        case .closure: return 1
        case .dutiesEnded: return 2
        case .transfer: return 4
        case .reorientation: return 8
        case .dominanteChanged: return 16
        case .contractRevised: return 32
        }
    }

    /// `la clôture du droit le 2025-03-03`.
    package func phrase(on date: CivilDate) -> String {
        switch self {
        case .closure: return "la clôture du droit le \(date)"
        case .dutiesEnded: return "la sortie des droits et devoirs le \(date)"
        case .transfer: return "le transfert du droit le \(date)"
        case .reorientation: return "la réorientation décidée le \(date)"
        case .dominanteChanged: return "la réorientation vers une autre dominante décidée le \(date)"
        case .contractRevised: return "la nouvelle signature ou révision du contrat d'engagement le \(date)"
        }
    }
}

extension Deadline.Origin {
    /// What day 0 was, in French.
    package var phrase: String {
        switch self {
        case .rightOpened: return "la réception de l'information d'ouverture du droit"
        case .transfer: return "la réception de l'information de transfert du droit"
        case .dutiesStarted: return "l'entrée dans les droits et devoirs"
        case .orientationNotified: return "la notification de l'orientation"
        case .socialOrientation: return "la décision d'orientation sociale"
        case .contract: return "la signature ou la révision du contrat d'engagement"
        case .reform: return "l'entrée en vigueur de la réforme"
        }
    }
}

/// The messages of every clock: its step and period come from its declaration.
extension DeadlineClock {
    private static func cite(_ rule: RuleID, _ parameters: Parameters) -> String { parameters.rules.table.rule(rule)?.cited ?? "" }

    package func late(_ deadline: Deadline, done date: CivilDate, under parameters: Parameters) -> String {
        let text: Phrase = "\(done) le \(date), \(days: date.days(since: deadline.start)) après \(deadline.origin.phrase) du \(deadline.start) : "
            + "le délai \(period(parameters, deadline.start)) expirait le \(deadline.due) (\(days: date.days(since: deadline.due)) de retard). \(DeadlineClock.cite(rule, parameters))."
        return text.string
    }

    package func missing(_ deadline: Deadline, asOf: CivilDate, under parameters: Parameters) -> String {
        let text: Phrase = "\(missing) au \(asOf) : le délai \(period(parameters, deadline.start)) ouvert par \(deadline.origin.phrase) du \(deadline.start) "
            + "a expiré le \(deadline.due). \(DeadlineClock.cite(rule, parameters))."
        return text.string
    }

    package func missing(_ deadline: Deadline, before cause: StopCause, on date: CivilDate, under parameters: Parameters) -> String {
        let text: Phrase = "\(missing) avant \(cause.phrase(on: date)) : le délai \(period(parameters, deadline.start)) ouvert par \(deadline.origin.phrase) du \(deadline.start) "
            + "avait expiré le \(deadline.due). \(DeadlineClock.cite(rule, parameters))."
        return text.string
    }
}
