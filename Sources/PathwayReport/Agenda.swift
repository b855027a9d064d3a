import PathwayMachinery
import PathwayLaw
/// A caseworker's agenda: the deadlines falling due in a window, per person, soonest first
/// (`pathway due`).
public struct AgendaItem: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A legal deadline still running (orientation, contract, social review, stock).
        case deadline
        /// The term of a suspension running: the allowance is paid in full again, and a
        /// decision for persistence becomes possible if the person has not complied.
        case suspensionEnd = "suspension_end"
    }

    public var person: String
    public var kind: Kind
    /// The rule, for a deadline (`nil` for the end of a suspension).
    public var rule: RuleID?
    /// The last day of the deadline, or the first day after the suspension.
    public var due: CivilDate
    /// Day 0 of the deadline, or the first day of the suspension.
    public var start: CivilDate
    /// The event that opened it.
    public var event: String
    /// Whether `due` is before the agenda's date (only with overdue items).
    public var passed: Bool

    /// French label.
    public var label: String {
        guard let rule, let registered = RuleRegistry.rule(rule) else {
            return "Fin de la suspension (décision \(event), commencée le \(start))"
        }
        return "\(registered.title) (délai ouvert le \(start), événement \(event))"
    }
}

extension Report {
    /// The deadlines falling due from `asOf` to `asOf` + `within` days inclusive (and, with
    /// `overdue`, those already passed and still open), sorted by date, then person, then rule.
    public func agenda(within days: Int, overdue: Bool = false) -> [AgendaItem] {
        guard let asOf else { return [] }
        let until = asOf.adding(days: days)
        var items: [AgendaItem] = []
        for person in people {
            for deadline in person.deadlines {
                let passed = deadline.due < asOf
                guard deadline.due <= until, overdue || !passed else { continue }
                items.append(AgendaItem(person: person.person, kind: .deadline, rule: deadline.rule, due: deadline.due,
                                        start: deadline.start, event: deadline.event, passed: passed))
            }
            for sanction in person.sanctions where sanction.record.decision.measure == .suspension {
                let record = sanction.record
                guard record.isRunning(on: asOf), record.ends <= until else { continue }
                items.append(AgendaItem(person: person.person, kind: .suspensionEnd, rule: nil, due: record.ends,
                                        start: record.starts, event: record.event, passed: false))
            }
        }
        return items.sorted {
            if $0.due != $1.due { return $0.due < $1.due }
            if $0.person != $1.person { return $0.person.utf8.lexicographicallyPrecedes($1.person.utf8) }
            return ($0.rule?.rawValue ?? "~") < ($1.rule?.rawValue ?? "~")
        }
    }
}
