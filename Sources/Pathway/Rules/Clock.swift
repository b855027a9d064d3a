/// A deadline rule's clock, declared in the rule's file: what completes it, what stops it
/// before its step, and how its step and period read. The rule's file also says what starts
/// it (a function returning the ``Deadline``); the state machine runs every clock the same
/// way without knowing which rule owns it:
/// - started: the rule's `start` function appends a ``Deadline`` to `PersonState.running`;
/// - completed: an event whose type is in `completedBy` ends it, on time or late;
/// - stopped: a cause in `stoppedBy` ends it, reported missing when its last day had passed
///   on that day, cancelled otherwise;
/// - judged at the report date (`as_of`): missing when its last day is before it, else pending.
struct Clock: Sendable {
    let rule: RuleID
    /// The event types whose step completes the clock.
    let completedBy: Set<EventType>
    /// What ends the clock before its step.
    let stoppedBy: Set<StopCause>
    /// The step done (`Orientation décidée`) and missing (`Aucune orientation`), in French.
    let done: String
    let missing: String
    /// The period after "le délai", from the parameters in force on day 0 (`de six semaines`).
    let period: @Sendable (Parameters, CivilDate) -> String
    /// The day compared with a local target when `event` completes the clock (the day of the
    /// event, unless the rule says otherwise).
    var targetDay: @Sendable (Event) -> CivilDate = { $0.date }

    /// The clocks of the deadline rules that run from an event (the stock's deadline is a
    /// fixed date: `Rules.Contract.StockDeadline`).
    static let all: [Clock] = [Rules.Orientation.Deadline.clock, Rules.Contract.Deadline.clock, Rules.Review.Deadline.clock]

    static func of(_ rule: RuleID) -> Clock? { all.first { $0.rule == rule } }
}

/// Why a clock stopped before its step.
enum StopCause: Sendable, Hashable {
    case closure, dutiesEnded, transfer, reorientation
    /// A re-orientation to another dominante.
    case dominanteChanged
    /// A new signature or revision of the contrat d'engagement (the social review restarts).
    case contractRevised

    /// `la clôture du droit le 2025-03-03`.
    func phrase(on date: CivilDate) -> String {
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
    var phrase: String {
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
extension Clock {
    private static func days(_ n: Int) -> String { n == 1 ? "1 jour" : "\(n) jours" }
    private static func cite(_ rule: RuleID) -> String { RuleRegistry.rule(rule)?.cited ?? "" }

    func late(_ deadline: Deadline, done date: CivilDate, under parameters: Parameters) -> String {
        "\(done) le \(date), \(Clock.days(date.days(since: deadline.start))) après \(deadline.origin.phrase) du \(deadline.start) : "
            + "le délai \(period(parameters, deadline.start)) expirait le \(deadline.due) (\(Clock.days(date.days(since: deadline.due))) de retard). "
            + Clock.cite(rule) + "."
    }

    func missing(_ deadline: Deadline, asOf: CivilDate, under parameters: Parameters) -> String {
        "\(missing) au \(asOf) : le délai \(period(parameters, deadline.start)) ouvert par \(deadline.origin.phrase) du \(deadline.start) "
            + "a expiré le \(deadline.due). " + Clock.cite(rule) + "."
    }

    func missing(_ deadline: Deadline, before cause: StopCause, on date: CivilDate, under parameters: Parameters) -> String {
        "\(missing) avant \(cause.phrase(on: date)) : le délai \(period(parameters, deadline.start)) ouvert par \(deadline.origin.phrase) du \(deadline.start) "
            + "avait expiré le \(deadline.due). " + Clock.cite(rule) + "."
    }
}
