import PathwayMachinery
/// A stable rule id (such as contract.deadline): it names the rule's file, its tests and its page in
/// `Docs/rules/`. Each id is declared once, in its rule's file: `Rules/Contract/contract.deadline.swift`
/// declares the id `contract.deadline` as `Rules.Contract.DeadlineRule.id`.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible,
                      ExpressibleByStringLiteral {
    public let rawValue: String
    /// A hash of `rawValue`, taken once: ids key the registry and the indicators' counts,
    /// looked up for every finding, and hashing the text each time cost more than the lookup.
    /// Never 0 (``StringTable/hash(_:)-(String)``).
    package let key: UInt64

    public init(rawValue: String) {
        self.rawValue = rawValue
        key = StringTable.hash(rawValue)
    }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.key == rhs.key && lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// How serious a finding is. A `violation` makes `pathway replay` exit 1.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case violation, warning, info

    /// From the most serious (0), as `allCases` lists them: the order of reports, and a
    /// severity's place in an array of counts.
    package var rank: Int {
        switch self {
        case .violation: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// French label for the text report.
    public var label: String {
        switch self {
        case .violation: return "violation"
        case .warning: return "avertissement"
        case .info: return "information"
        }
    }
}

/// The stage of the pathway a rule belongs to, for grouping in reports and docs. It is the
/// first part of the rule's id and the folder of its file.
public enum Stage: String, Sendable, CaseIterable {
    case orientation, contract, review, sequence, sanction, intensity, appeal, data

    /// The folder of its rules' files (`Rules/Sanction/`).
    public var folder: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A rule as the registry describes it: id, severity, what it checks, its sources and the
/// parameters it reads.
public struct Rule: Sendable {
    public let id: RuleID
    public let severity: Severity
    public let stage: Stage
    /// Short French title (`Orientation dans le délai légal`): it states no value a dated
    /// parameter sets, so that a new period never rewords past findings.
    public let title: String
    /// One French sentence: what the rule checks, built from the parameters' latest values.
    public let summary: String
    /// The legal basis, with the confidence of each source.
    public let references: [LegalReference]
    /// Keys of the parameters it reads (`orientation_deadline_days`).
    public let parameters: [String]
    /// The days it applies to: from its first day (`nil`: since always) until its last day
    /// (`nil`: still in force).
    public let inForce: InForce

    /// The rule's confidence: that of its weakest source.
    public let confidence: Confidence
    /// The citations of its sources, joined with ` ; `.
    public let citations: String
    /// The same with each source's confidence (`CASF D262-65-2 [P] ; …`), as messages cite them.
    public let cited: String

    /// A rule reading the parameters at `parameters` (key paths into ``Parameters``: the
    /// keys shown come from the parameters themselves).
    package init(id: RuleID, severity: Severity, title: String, summary: String,
         references: [LegalReference], parameters: [PartialKeyPath<Parameters>], inForce: InForce = .always) {
        self.id = id
        self.severity = severity
        stage = Stage(rawValue: String(id.rawValue.prefix { $0 != "." })) ?? .sequence
        self.title = title
        self.summary = summary
        self.references = references
        self.parameters = parameters.map { Parameters.law.key(of: $0) }
        self.inForce = inForce
        confidence = references.weakest
        citations = references.map(\.citation).joined(separator: " ; ")
        cited = references.cited
    }
}

/// The days a rule or a regime applies to.
public struct InForce: Sendable, Hashable {
    /// The first day (`nil`: since always).
    public var from: CivilDate?
    /// The last day (`nil`: still in force).
    public var until: CivilDate?

    public static let always = InForce(from: nil, until: nil)

    public init(from: CivilDate?, until: CivilDate?) {
        self.from = from
        self.until = until
    }

    /// Whether it applies on `date`.
    public func contains(_ date: CivilDate) -> Bool {
        (from.map { date >= $0 } ?? true) && (until.map { date <= $0 } ?? true)
    }
}

/// The rules, one file each, by stage: `Rules/<Stage>/<Name>.swift` declares the rule
/// `<stage>.<name>` (`Rules/Sanction/sanction.notice.swift`: `sanction.notice`, as
/// `Rules.Sanction.Notice`). Its test file is `Tests/PathwayTests/Rules/<Stage>/<id>.swift`
/// and its page `Docs/rules/<stage>.<name>.md`.
public enum Rules {
    public enum Orientation {}
    public enum Contract {}
    public enum Review {}
    public enum Sequence {}
    public enum Intensity {}
    public enum Sanction {}
    public enum Appeal {}
    public enum Data {}
}

/// Every rule Pathway applies, in the order of the reports.
public enum RuleRegistry {
    /// Every rule's definition, in the order of the reports (and of the state machine's asking).
    package static let definitions: [any RuleDefinition.Type] = [
        Rules.Orientation.DeadlineRule.self,
        Rules.Orientation.Competence.self,
        Rules.Contract.DeadlineRule.self,
        Rules.Contract.StockDeadline.self,
        Rules.Review.DeadlineRule.self,
        Rules.Contract.Hours.self,
        Rules.Contract.ReducedHours.self,
        Rules.Sequence.ContractBeforeOrientation.self,
        Rules.Sequence.ContractWithoutDiagnostic.self,
        Rules.Sequence.OrientationBeforeRegistration.self,
        Rules.Sequence.AfterClosure.self,
        Rules.Intensity.Shortfall.self,
        Rules.Sanction.NoFailing.self,
        Rules.Sanction.Notice.self,
        Rules.Sanction.Hearing.self,
        Rules.Sanction.NoticeTerms.self,
        Rules.Sanction.FirstFailing.self,
        Rules.Sanction.RepeatBounds.self,
        Rules.Sanction.HouseholdCap.self,
        Rules.Sanction.TeamOpinion.self,
        Rules.Sanction.LegacyBounds.self,
        Rules.Sanction.LegacyProcedure.self,
        Rules.Sanction.Closure.self,
        Rules.Sanction.Refund.self,
        Rules.Appeal.Late.self,
        Rules.Appeal.AnswerDeadline.self,
        Rules.Data.UnknownReference.self,
    ]

    public static let all: [Rule] = definitions.map { $0.rule }

    /// Each rule held by reference: reading one of its fields for a finding (its severity,
    /// its citations) counts one reference, where a copy of the rule retained each of its
    /// strings and arrays (600 instructions a finding).
    private final class Registered: Sendable {
        let rule: Rule
        init(_ rule: Rule) { self.rule = rule }
    }

    private static let byID: [RuleID: Registered] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, Registered($0)) })

    /// The rule with this id. Every id the engine emits is registered (checked in tests).
    public static func rule(_ id: RuleID) -> Rule? { byID[id]?.rule }

    /// The severity of the rule with this id, if registered.
    package static func severity(of id: RuleID) -> Severity? { byID[id]?.rule.severity }

    /// The citations and confidence of the rule with this id, if registered (the JSON report's
    /// `article` and `confidence` of each finding).
    package static func basis(of id: RuleID) -> (citations: String, confidence: Confidence)? {
        guard let registered = byID[id] else { return nil }
        return (registered.rule.citations, registered.rule.confidence)
    }
}
