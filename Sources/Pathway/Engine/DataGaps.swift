/// What a log does not record is not a finding. A source that holds no registration at France
/// Travail (the steering base, a CAF flow) would make every orientation look "before
/// registration"; one that holds no diagnostic, every contract "without diagnostic". When no
/// event of the kind a rule needs exists anywhere in the log, the rule is not judged, and the
/// report says so with why, as intensity does for a person with no activity recorded.
public struct NotJudged: Sendable, Hashable {
    public var rule: RuleID
    /// In French, for the report.
    public var reason: String

    /// The rules a log with events of `types` cannot judge.
    public static func rules(given types: Set<EventType>) -> [NotJudged] {
        var out: [NotJudged] = []
        if !types.contains(.registered) {
            out.append(NotJudged(rule: Rules.Sequence.OrientationBeforeRegistration.id,
                                 reason: "le journal n'enregistre aucune inscription à France Travail : l'ordre inscription puis orientation ne peut pas être vérifié"))
        }
        if !types.contains(.diagnosticCompleted) {
            out.append(NotJudged(rule: Rules.Sequence.ContractWithoutDiagnostic.id,
                                 reason: "le journal n'enregistre aucun diagnostic : un contrat sans diagnostic ne peut pas être signalé"))
        }
        return out
    }

    /// The event types that decide what can be judged.
    public static let watched: Set<EventType> = [.registered, .diagnosticCompleted]
}
