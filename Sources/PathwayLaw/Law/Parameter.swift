import PathwayMachinery
/// A legal or local constant whose value depends on the date it is applied to.
///
/// Every legal constant is dated by when it takes effect, with its references beside each
/// value (the openfisca model): a new decree adds a period, it never copies the rule. Before
/// the first period the parameter is not in force, and the rules that use it do not apply.
public struct Parameter<Value: Sendable & Equatable>: Sendable {
    /// The key of `--config` and of the rule reference (`orientation_deadline_days`).
    public let key: String
    /// What it is, in French.
    public let summary: String
    /// Periods ordered by start date; each lasts until the next one starts.
    public private(set) var periods: [ParameterPeriod<Value>]
    /// Whether a département may override it with `--config` ([I] choices, unsettled [S]
    /// values, local targets).
    public let overridable: Bool
    /// A local target (never a legal deadline): reported beside the law, never instead of it.
    public let isLocal: Bool
    /// Where the parameter comes from when it has no period yet (a local target unset).
    public let basis: [LegalReference]

    public init(key: String, summary: String, periods: [ParameterPeriod<Value>], overridable: Bool, isLocal: Bool = false,
                basis: [LegalReference] = []) {
        self.key = key
        self.summary = summary
        self.periods = periods
        self.overridable = overridable
        self.isLocal = isLocal
        self.basis = basis
    }

    /// The value in force on `date`, or `nil` before the first period.
    public func value(on date: CivilDate) -> Value? {
        // By index, without copying the period: its references and note would be retained,
        // and the parameters are shared by every thread of a replay.
        periodIndex(on: date).map { periods[$0].value }
    }

    /// The period in force on `date`.
    public func period(on date: CivilDate) -> ParameterPeriod<Value>? {
        periodIndex(on: date).map { periods[$0] }
    }

    /// The index of the period in force on `date`: the last one started on or before it.
    private func periodIndex(on date: CivilDate) -> Int? {
        var found: Int?
        for index in periods.indices {
            if let from = periods[index].from, from > date { break }
            found = index
        }
        return found
    }

    /// The value of the latest period (what `pathway rules` shows by default).
    public var current: Value? { periods.last?.value }

    /// The value of the latest period, for a parameter of the law (never an unset local
    /// target): titles and summaries are built from it. Every parameter a rule's title reads
    /// has a period (checked by the tests of the registry).
    package var latest: Value { periods[periods.count - 1].value }

    /// The days the parameter is in force: from its first period on.
    package var inForce: InForce { InForce(from: periods.first?.from, until: nil) }

    /// The first day of the first period (`2025-06-01`), or an empty text when the parameter
    /// is in force since always.
    package var firstDay: String { periods.first?.from?.description ?? "" }

    /// The same parameter with every period's value replaced by `value` (a `--config`
    /// override), its references kept and the override noted.
    package func overridden(with value: Value) -> Parameter<Value> {
        var copy = self
        copy.periods = periods.isEmpty
            ? [ParameterPeriod(from: nil, value: value, references: basis, note: "valeur locale (--config)")]
            : periods.map { period in
                var changed = period
                changed.value = value
                changed.note = "remplacé par --config (valeur légale ou retenue : \(period.value))"
                return changed
            }
        return copy
    }
}

/// A parameter whatever its value type, for its key.
package protocol NamedParameter {
    var key: String { get }
}

extension Parameter: NamedParameter {}

/// One dated value of a parameter.
public struct ParameterPeriod<Value: Sendable & Equatable>: Sendable {
    /// First day the value applies (`nil`: since always).
    public var from: CivilDate?
    public var value: Value
    /// Where the value comes from, with its confidence.
    public var references: [LegalReference]
    /// A short note (French) on the value or on how it was chosen.
    public var note: String

    public init(from: CivilDate?, value: Value, references: [LegalReference], note: String = "") {
        self.from = from
        self.value = value
        self.references = references
        self.note = note
    }

    /// The weakest confidence of its references.
    public var confidence: Confidence { references.weakest }
}

/// A parameter described without its value type, for listings and checks.
public struct ParameterDescription: Sendable {
    /// A value as a French reader reads it, the word `--config` takes in parentheses:
    /// `non (false)`, `dernier jour du mois (last_day)`, `santé, handicap (health, disability)`;
    /// numbers, dates and the sanction bounds (already in French) as they are.
    public static func french(_ value: String) -> String {
        let words: [String: String] = [
            "true": "oui", "false": "non",
            "last_day": "dernier jour du mois", "next_day": "premier jour du mois suivant",
            "first_decision": "première décision", "latest_decision": "dernière décision",
            "decision": "date de la décision", "sanction_start": "premier jour de la sanction",
            "amount_on_start": "montant du premier mois", "each_month": "montant de chaque mois",
        ]
        let grounds = Dictionary(uniqueKeysWithValues: ReductionReason.allCases.map { ($0.rawValue, FrenchWords.reduction($0)) })
        let tokens = value.split(separator: ", ").map(String.init)
        let shown = tokens.map { words[$0] ?? grounds[$0] }
        guard !tokens.isEmpty, shown.allSatisfy({ $0 != nil }) else { return value }
        return shown.compactMap { $0 }.joined(separator: ", ") + " (\(value))"
    }

    public var key: String
    public var summary: String
    public var overridable: Bool
    public var isLocal: Bool
    public var periods: [(from: CivilDate?, value: String, references: [LegalReference], note: String)]
    /// Every source of the parameter: its periods' references, or its basis.
    public var references: [LegalReference]

    /// The period in force on `date` (`nil` before the first, or for an unset local target).
    public func period(on date: CivilDate) -> (from: CivilDate?, value: String, references: [LegalReference], note: String)? {
        var found: (from: CivilDate?, value: String, references: [LegalReference], note: String)?
        for period in periods {
            if let from = period.from, from > date { break }
            found = period
        }
        return found
    }

    package init<Value>(_ parameter: Parameter<Value>, render: (Value) -> String) {
        key = parameter.key
        summary = parameter.summary
        overridable = parameter.overridable
        isLocal = parameter.isLocal
        periods = parameter.periods.map { ($0.from, render($0.value), $0.references, $0.note) }
        var seen = Set<LegalReference>()
        references = (parameter.periods.flatMap(\.references) + parameter.basis).filter { seen.insert($0).inserted }
    }
}
