import PathwayMachinery
/// What a log does not record is not a finding. A source that holds no registration at France
/// Travail (the steering base, a CAF flow) would make every orientation look "before
/// registration"; one that holds no diagnostic, every contract "without diagnostic". When no
/// event of the kind a rule needs exists anywhere in the log, the rule is not judged, and the
/// report says so with why, as intensity does for a person with no activity recorded.
public struct NotJudged: Sendable, Hashable {
    public var rule: RuleID
    /// In French, for the report.
    public var reason: String

    /// The rules a log with events of `types` cannot judge: those whose declared need
    /// (``RuleDefinition/needs``) no event of the log meets.
    public static func rules(given types: Set<EventType>, rules: RuleSet = .law) -> [NotJudged] {
        rules.table.needs.filter { !types.contains($0.need.type) }.map { NotJudged(rule: $0.rule, reason: $0.need.reason) }
    }

    /// The event types that decide what can be judged.
    public static var watched: Set<EventType> { RuleSet.law.watched }
}

extension RuleSet {
    /// The event types the rules need (``RuleDefinition/needs``).
    public var watched: Set<EventType> { Set(table.needs.map(\.need.type)) }
}
