import PathwayMachinery
/// What a log's sources do not record is not a finding. A log imported from sources that hold no
/// registration at France Travail (the steering base, a CAF flow) would make every orientation
/// look "before registration"; from sources that hold no diagnostic, every contract "without
/// diagnostic". Which source records what is declared (``SourceDeclarations``), never guessed
/// from the log: a rule is not judged only when every event names a source and none of those
/// sources records what the rule needs (``RuleDefinition/needs``). A log with any event
/// without a source was written by case-management software and is judged in full: a log with
/// no diagnostic at all is then a log where no diagnostic was done.
public struct NotJudged: Sendable, Hashable {
    public var rule: RuleID
    /// In French, for the report.
    public var reason: String

    /// The rules a log whose events name `sources` cannot judge, and the sources it names that
    /// `declared` does not know (whose records cannot be told: with any of them, every rule is
    /// judged).
    public static func rules(sources: SourceTally, declared: SourceDeclarations = .builtIn,
                             rules: RuleSet = .law) -> (notJudged: [NotJudged], undeclared: [String]) {
        let names = sources.sorted.map(\.name)
        let undeclared = names.filter { declared.records(of: $0) == nil }
        guard sources.everyEventHasSource, undeclared.isEmpty else { return ([], undeclared) }
        let recorded = names.reduce(into: Set<EventType>()) { $0.formUnion(declared.records(of: $1) ?? []) }
        return (rules.table.needs.filter { !recorded.contains($0.need.type) }
                    .map { NotJudged(rule: $0.rule, reason: $0.need.reason(sources: names)) }, undeclared)
    }
}
