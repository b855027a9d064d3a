import PathwayMachinery
/// What every rule file declares: its id, its registry entry, when the state machine asks it,
/// what data it needs, and its one evaluation entry point. The state machine loops over the
/// registry (``RuleSet``): it never names a rule.
///
/// Adding a rule is its file (`Rules/<Stage>/<id>.swift`, this protocol), its test file and its
/// page; nothing else is wired by hand. `Tests/PathwayTests/Rules/TestOnlyRule.swift` proves it
/// with a rule registered only in the tests.
public protocol RuleDefinition: Sendable {
    static var id: RuleID { get }
    static var rule: Rule { get }
    /// When the state machine asks the rule.
    static var trigger: RuleTrigger { get }
    /// The event type whose absence from the whole log leaves the rule unjudged, and why
    /// (`nil`: the rule can always be judged).
    static var needs: DataNeed? { get }
    /// The rule's conditions: appends what it finds at the moment `context` describes.
    static func evaluate(_ context: RuleContext, into findings: inout [Finding])
}

extension RuleDefinition {
    public static var needs: DataNeed? { nil }
    /// A deadline rule is judged by its clock: it evaluates nothing itself.
    public static func evaluate(_ context: RuleContext, into findings: inout [Finding]) {}

    /// The law's parameters, as the registry entries' summaries read them.
    package static var law: Parameters { .law }

    /// `CASF D262-65-2 [P] ; …`: the rule's sources with their confidence, as its messages end.
    package static var cited: String { rule.cited }

    /// A finding of this rule about `event`, dated by it.
    package static func finding(_ person: String, _ event: Event, _ message: String) -> Finding {
        Finding(rule: id, severity: rule.severity, person: person, date: event.date, event: event.id, text: .text(message))
    }
}

/// When the state machine asks a rule. Each case names the moment of the transition and what
/// the ``RuleContext`` then carries.
public enum RuleTrigger: Sendable {
    /// An event other than a reopening while the right is closed: the state machine does not
    /// replay it, and the rule says what to report (`sequence.after_closure`).
    case closedRight
    /// An event of these types, before it changes the state.
    case before(Set<EventType>)
    /// An event of these types, once the clocks it completes are ended and before the state
    /// otherwise changes: ``RuleContext/completed`` holds their records.
    case completing(Set<EventType>)
    /// A sanction decision, once classified (first failing, repetition, persistence…) and
    /// before it is kept: ``RuleContext/decision``.
    case decision
    /// A suspension ended by a remobilisation: ``RuleContext/ended``.
    case suspensionEnded
    /// The report date, on the person's state then, with its intensity (`RuleContext.Moment.closing`).
    case closing
    /// A deadline started by an event: the state machine runs the clock.
    case clock(DeadlineClock)
    /// A deadline on fixed dates, judged once on the situation of its day.
    case fixedDeadline(FixedDeadline)
}

/// An event type a rule needs, and why its absence leaves the rule unjudged (in French).
public struct DataNeed: Sendable, Hashable {
    public var type: EventType
    /// What the sources then lack, in French (`aucun diagnostic`).
    public var missing: String
    /// What cannot be checked without it, in French.
    public var consequence: String

    public init(_ type: EventType, missing: String, consequence: String) {
        self.type = type
        self.missing = missing
        self.consequence = consequence
    }

    /// Why the rule is not judged on a log whose every event comes from `sources`, none of
    /// which records `type` (`la source du journal (caf) n'enregistre aucun diagnostic : …`).
    public func reason(sources: [String]) -> String {
        let list = sources.joined(separator: ", ")
        let subject = sources.count == 1 ? "la source du journal (\(list)) n'enregistre" : "les sources du journal (\(list)) n'enregistrent"
        return "\(subject) \(missing) : \(consequence)"
    }
}

/// What a rule is given: the person's state, the parameters in force, and the moment: the
/// event (with what the moment adds) or the report date.
public struct RuleContext {
    /// The person's state, borrowed from the engine for the time of the call, not copied into
    /// the context (a copy costs a count on each of its arrays, at every event a rule is asked
    /// about).
    public var state: PersonState { _read { yield lent.value } }
    private let lent: Lent<PersonState>
    public let parameters: Parameters
    public let moment: Moment

    public enum Moment {
        /// An event (`closedRight`, `before`, `completing`).
        case event(Event, completed: [DeadlineRecord])
        /// A sanction decision, classified.
        case decision(Event, ClassifiedDecision)
        /// A suspension that the remobilisation `event` ended.
        case suspensionEnded(Event, SanctionRecord)
        /// The report date, with the person's intensity then.
        case closing(asOf: CivilDate, intensity: Intensity)
    }

    /// A context valid while `state` is: only inside ``PersonState/lending(to:under:_:)``.
    fileprivate init(lent state: Lent<PersonState>, parameters: Parameters, moment: Moment) {
        lent = state
        self.parameters = parameters
        self.moment = moment
        switch moment {
        case .event(let e, _), .decision(let e, _), .suspensionEnded(let e, _): event = e
        case .closing: event = nil
        }
    }

    public var person: String { state.person }

    /// The event judged (`nil` at the report date). Kept apart when the context is made: taken
    /// out of `moment` at each rule's reading, it was copied each time through the runtime's
    /// generic copy of the case's payload (2 % of a replay's instructions). The moment's other
    /// parts are read by a few rules, at few events: kept apart too, they cost more than they
    /// save.
    public let event: Event?

    /// The records of the clocks the event completed (`completing`).
    public var completed: [DeadlineRecord] {
        if case .event(_, let completed) = moment { return completed }
        return []
    }

    /// The decision judged (`decision`).
    public var decision: ClassifiedDecision? {
        if case .decision(_, let decision) = moment { return decision }
        return nil
    }

    /// The suspension ended (`suspensionEnded`).
    public var ended: SanctionRecord? {
        if case .suspensionEnded(_, let record) = moment { return record }
        return nil
    }
}

/// A sanction decision as the sanction rules judge it: classified, with the decision before it
/// and the bounds of the regime in force on its date.
public struct ClassifiedDecision: Sendable {
    public var record: SanctionRecord
    /// The person's previous decision in the current pathway, if any.
    public var previous: SanctionRecord?
    /// The bounds in force on the decision's date.
    public var bounds: SanctionBounds
}

/// The rules a replay applies: the law's (``RuleSet/law``), or the law's with more rules
/// registered (``adding(_:)``, for a rule under test). Carried by ``Parameters/rules``.
public struct RuleSet: Sendable {
    /// `nil`: the law's table, built once.
    private let custom: RuleTable?

    /// The rules of the registry.
    public static let law = RuleSet(custom: nil)

    private init(custom: RuleTable?) { self.custom = custom }

    /// These rules and `definition` after them.
    public func adding(_ definition: any RuleDefinition.Type) -> RuleSet {
        RuleSet(custom: RuleTable(table.definitions + [definition]))
    }

    package var table: RuleTable { custom ?? RuleTable.law }

    /// Every rule, in the order of the reports.
    public var all: [Rule] { table.rules }
}

/// The registry arranged for the state machine: for each moment, the rules it asks, in the
/// registry's order. Built once; a rule's place comes from its declared ``RuleTrigger``.
package final class RuleTable: Sendable {
    /// A rule asked at some moment. Kept as its type and called through its protocol, not
    /// wrapped in a closure: a closure stored in an array takes its context indirectly, and the
    /// thunk between the two copied the whole state at every call.
    package typealias Evaluate = any RuleDefinition.Type

    package let definitions: [any RuleDefinition.Type]
    package let rules: [Rule]
    private let byID: [RuleID: Rule]
    package let closedRight: [Evaluate]
    /// By `EventType.rawValue`'s index in `EventType.allCases`.
    private let before: [[Evaluate]]
    private let completing: [[Evaluate]]
    package let decision: [Evaluate]
    package let suspensionEnded: [Evaluate]
    package let closing: [Evaluate]
    package let clocks: [DeadlineClock]
    package let fixedDeadlines: [FixedDeadline]
    /// Their `judged` functions alone, asked at every event (no copy of the rest).
    package let fixedJudged: [@Sendable (Parameters, CivilDate) -> Bool]
    package let needs: [(rule: RuleID, need: DataNeed)]
    /// The clocks each event type completes.
    private let completers: [[DeadlineClock]]
    /// The event types some rule or clock asks about.
    private let asked: [Bool]

    package static let law = RuleTable(RuleRegistry.definitions)

    package init(_ definitions: [any RuleDefinition.Type]) {
        self.definitions = definitions
        rules = definitions.map { $0.rule }
        byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let types = EventType.allCases
        var closedRight: [Evaluate] = [], decision: [Evaluate] = [], ended: [Evaluate] = [], closing: [Evaluate] = []
        var before = [[Evaluate]](repeating: [], count: types.count)
        var completing = [[Evaluate]](repeating: [], count: types.count)
        var clocks: [DeadlineClock] = [], fixed: [FixedDeadline] = []
        var needs: [(RuleID, DataNeed)] = []
        for d in definitions {
            let evaluate: Evaluate = d
            switch d.trigger {
            case .closedRight: closedRight.append(evaluate)
            case .before(let set):
                for (i, t) in types.enumerated() where set.contains(t) { before[i].append(evaluate) }
            case .completing(let set):
                for (i, t) in types.enumerated() where set.contains(t) { completing[i].append(evaluate) }
            case .decision: decision.append(evaluate)
            case .suspensionEnded: ended.append(evaluate)
            case .closing: closing.append(evaluate)
            case .clock(let clock): clocks.append(clock)
            case .fixedDeadline(let deadline): fixed.append(deadline)
            }
            if let need = d.needs { needs.append((d.id, need)) }
        }
        self.closedRight = closedRight
        self.before = before
        self.completing = completing
        self.decision = decision
        suspensionEnded = ended
        self.closing = closing
        self.clocks = clocks
        fixedDeadlines = fixed
        fixedJudged = fixed.map(\.judged)
        self.needs = needs
        let completers = types.map { t in clocks.filter { $0.completedBy.contains(t) } }
        self.completers = completers
        asked = types.indices.map { !before[$0].isEmpty || !completing[$0].isEmpty || !completers[$0].isEmpty }
        let declared = clocks.compactMap { c in c.indicator.map { (c.rule, $0) } }
            + fixed.compactMap { f in f.indicator.map { (f.rule, $0) } }
        indicators = DeadlineIndicator.Slot.allCases.compactMap { slot in declared.first { $0.1.slot == slot } }
    }

    package func before(_ type: EventType) -> [Evaluate] { before[type.ordinal] }
    package func completing(_ type: EventType) -> [Evaluate] { completing[type.ordinal] }
    package func completedBy(_ type: EventType) -> [DeadlineClock] { completers[type.ordinal] }
    /// Whether a rule or a clock reacts to events of `type` (an activity or an appointment
    /// then takes the state machine's short path when none does).
    package func reacts(to type: EventType) -> Bool { asked[type.ordinal] }

    package func clock(_ rule: RuleID) -> DeadlineClock? { clocks.first { $0.rule == rule } }
    package func rule(_ id: RuleID) -> Rule? { byID[id] }

    /// The deadline rules that fill the report's indicators, in the order of their fields (found
    /// once: the indicators ask for them at every person).
    package let indicators: [(rule: RuleID, indicator: DeadlineIndicator)]

    /// The rule whose deadlines fill the indicator `slot`.
    package func rule(for slot: DeadlineIndicator.Slot) -> RuleID? { indicators.first { $0.indicator.slot == slot }?.rule }
}

// Names of the law's values for the rule files, whose namespaces shadow them: inside
// `Rules.Contract`, `Hours` is the rule `contract.hours`; inside `Rules.Intensity`, `Intensity`
// is the namespace.
package typealias HoursValue = Hours
package typealias PersonIntensity = Intensity

extension PersonState {
    /// Runs `body` with a context holding the state as it is, borrowed for the call: `body`
    /// must not keep the context.
    package mutating func lending<R>(to moment: RuleContext.Moment, under parameters: Parameters,
                                     _ body: (RuleContext) -> R) -> R {
        Lent.lending(&self) { body(RuleContext(lent: $0, parameters: parameters, moment: moment)) }
    }

    /// The same, for a state only read (the rules asked at the report date, which change nothing).
    package func reading<R>(to moment: RuleContext.Moment, under parameters: Parameters,
                            _ body: (RuleContext) -> R) -> R {
        Lent.lending(self) { body(RuleContext(lent: $0, parameters: parameters, moment: moment)) }
    }
}
