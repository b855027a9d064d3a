/// A stable rule id from REPORT.md (`contract.deadline`): it names the rule's code, its
/// tests and its page in `Docs/rules/`.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// A hash of `rawValue`, taken once: ids key the registry and the indicators' counts,
    /// looked up for every finding, and hashing the text each time cost more than the lookup.
    private let key: UInt64

    public init(rawValue: String) {
        self.rawValue = rawValue
        var text = rawValue
        key = text.withUTF8 { StringTable.hash($0) }
    }

    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.key == rhs.key && lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public static let orientationDeadline = RuleID(rawValue: "orientation.deadline")
    public static let contractDeadline = RuleID(rawValue: "contract.deadline")
    public static let contractStockDeadline = RuleID(rawValue: "contract.stock_deadline")
    public static let reviewDeadline = RuleID(rawValue: "review.deadline")
    public static let contractHours = RuleID(rawValue: "contract.hours")
    public static let contractBeforeOrientation = RuleID(rawValue: "sequence.contract_before_orientation")
    public static let contractWithoutDiagnostic = RuleID(rawValue: "sequence.contract_without_diagnostic")
    public static let orientationBeforeRegistration = RuleID(rawValue: "sequence.orientation_before_registration")
    public static let afterClosure = RuleID(rawValue: "sequence.after_closure")
    public static let intensityShortfall = RuleID(rawValue: "intensity.shortfall")
    public static let sanctionNoFailing = RuleID(rawValue: "sanction.no_failing")
    public static let sanctionNotice = RuleID(rawValue: "sanction.notice")
    public static let sanctionFirstFailing = RuleID(rawValue: "sanction.first_failing")
    public static let sanctionRepeatBounds = RuleID(rawValue: "sanction.repeat_bounds")
    public static let sanctionHouseholdCap = RuleID(rawValue: "sanction.household_cap")
    public static let sanctionTeamOpinion = RuleID(rawValue: "sanction.team_opinion")
    public static let sanctionLegacyBounds = RuleID(rawValue: "sanction.legacy_bounds")
    public static let sanctionClosure = RuleID(rawValue: "sanction.closure")
    public static let sanctionRefund = RuleID(rawValue: "sanction.refund")
}

/// How serious a finding is (REPORT.md). A `violation` makes `pathway replay` exit 1.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case violation, warning, info

    private var rank: Int {
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

/// The stage of the pathway a rule belongs to, for grouping in reports and docs.
public enum Stage: String, Sendable, CaseIterable {
    case orientation, contract, review, sequence, sanction, intensity
}

/// A rule as the registry describes it: id, severity, what it checks, its sources and the
/// parameters it reads.
public struct Rule: Sendable {
    public let id: RuleID
    public let severity: Severity
    public let stage: Stage
    /// Short French title (`Orientation dans les six semaines`).
    public let title: String
    /// One French sentence: what the rule checks.
    public let summary: String
    /// The legal basis, with the confidence of each source.
    public let references: [LegalReference]
    /// Keys of the parameters it reads.
    public let parameters: [String]

    /// The rule's confidence: that of its weakest source.
    public let confidence: Confidence
    /// The citations of its sources, joined with ` ; `.
    public let citations: String
    /// The same with each source's confidence (`CASF D262-65-2 [P] ; …`), as messages cite them.
    public let cited: String

    init(id: RuleID, severity: Severity, stage: Stage, title: String, summary: String,
         references: [LegalReference], parameters: [String]) {
        self.id = id
        self.severity = severity
        self.stage = stage
        self.title = title
        self.summary = summary
        self.references = references
        self.parameters = parameters
        confidence = references.weakest
        citations = references.map(\.citation).joined(separator: " ; ")
        cited = references.cited
    }
}

/// Every rule Pathway applies.
public enum RuleRegistry {
    public static let all: [Rule] = [
        Rule(id: .orientationDeadline, severity: .violation, stage: .orientation,
             title: "Orientation dans les six semaines",
             summary: "Une personne soumise aux droits et devoirs est orientée au plus tard le 42e jour après la réception par le département de l'information d'ouverture (ou de transfert) du droit.",
             references: [Law.orientationDeadline, Law.sixWeeksCounting],
             parameters: ["orientation_deadline_days", "orientation_target_days", "weekend_extension"]),
        Rule(id: .contractDeadline, severity: .violation, stage: .contract,
             title: "Contrat d'engagement dans le mois",
             summary: "Le contrat d'engagement est signé dans le mois qui suit la notification de chaque décision d'orientation ; une réorientation décidée avant la fin du mois l'interrompt.",
             references: [Law.contractDeadline, Law.reorientation, Law.monthCounting],
             parameters: ["contract_deadline_months", "contract_target_days", "month_end", "weekend_extension"]),
        Rule(id: .contractStockDeadline, severity: .violation, stage: .contract,
             title: "Contrat d'engagement pour le stock avant 2027",
             summary: "Une personne dont le droit a été ouvert avant le 2025-01-01, toujours ouvert et soumise aux droits et devoirs le 2027-01-01, a signé un contrat d'engagement depuis le 2025-01-01.",
             references: [Law.stockDeadline],
             parameters: ["stock_cutoff", "stock_deadline"]),
        Rule(id: .reviewDeadline, severity: .violation, stage: .review,
             title: "Réexamen de l'orientation sociale",
             summary: "Une orientation à dominante sociale est suivie d'un réexamen de la situation dans les six mois de la décision (douze mois en cas de difficultés durables).",
             references: [Law.socialReview, Law.socialReviewExtended, Law.monthCounting],
             parameters: ["review_months", "review_extended_months", "month_end", "weekend_extension"]),
        Rule(id: .contractHours, severity: .violation, stage: .contract,
             title: "Durée hebdomadaire d'activité",
             summary: "La durée hebdomadaire d'activité du contrat est d'au moins 15 heures, sauf motif légal de réduction, et d'au plus 35 heures.",
             references: [Law.fifteenHours, Law.actionPlan, Law.legalWorkingTime],
             parameters: ["minimum_weekly_hours", "maximum_weekly_hours"]),
        Rule(id: .contractBeforeOrientation, severity: .violation, stage: .sequence,
             title: "Contrat signé sans orientation",
             summary: "Un contrat d'engagement n'est signé qu'avec un organisme référent désigné par une décision d'orientation en vigueur.",
             references: [Law.orientationReferent, Law.contractDeadline],
             parameters: []),
        Rule(id: .contractWithoutDiagnostic, severity: .warning, stage: .sequence,
             title: "Contrat signé sans diagnostic",
             summary: "Le contrat d'engagement tient compte du diagnostic global : un contrat signé sans diagnostic dans le parcours en cours est signalé.",
             references: [Law.contractDiagnostic],
             parameters: []),
        Rule(id: .orientationBeforeRegistration, severity: .warning, stage: .sequence,
             title: "Orientation sans inscription à France Travail",
             summary: "L'orientation suit l'inscription sur la liste des demandeurs d'emploi : une orientation d'une personne jamais inscrite est signalée.",
             references: [Law.registration],
             parameters: []),
        Rule(id: .afterClosure, severity: .warning, stage: .sequence,
             title: "Événement après la clôture du droit",
             summary: "Après la clôture du droit, seule une nouvelle ouverture du droit est attendue : tout autre événement est signalé et n'est pas rejoué.",
             references: [Law.rightEnd],
             parameters: []),
        Rule(id: .intensityShortfall, severity: .warning, stage: .intensity,
             title: "Intensité en deçà du plan",
             summary: "La moyenne des heures d'activité faites sur la fenêtre d'évaluation (4 semaines complètes consécutives par défaut) atteint la durée hebdomadaire du contrat en vigueur.",
             references: [Law.fifteenHours, Law.actionPlan, Law.intensityTarget, Law.weeklyProration],
             parameters: ["intensity_window_weeks", "minimum_weekly_hours"]),
        Rule(id: .sanctionNoFailing, severity: .violation, stage: .sanction,
             title: "Sanction sans manquement",
             summary: "Une sanction sanctionne un manquement constaté sans motif légitime et non encore sanctionné, sauf la persistance après une suspension allée à son terme sans remobilisation.",
             references: [Law.sanctions, Law.sanctionFirst],
             parameters: []),
        Rule(id: .sanctionNotice, severity: .violation, stage: .sanction,
             title: "Préavis et délai de dix jours",
             summary: "À partir du 2025-06-01, la décision suit une notification des faits et de la sanction envisagée, et n'est prise qu'après les dix jours laissés pour les observations, sauf proposition de France Travail.",
             references: [Law.noticeProcedure],
             parameters: ["sanction_bounds", "weekend_extension"]),
        Rule(id: .sanctionFirstFailing, severity: .violation, stage: .sanction,
             title: "Bornes du premier manquement",
             summary: "À partir du 2025-06-01, un premier manquement (autre qu'un refus de contrôle) est sanctionné par une suspension d'un à deux mois, d'au moins 30 %.",
             references: [Law.sanctionFirst, Law.sanctionBreach],
             parameters: ["sanction_bounds"]),
        Rule(id: .sanctionRepeatBounds, severity: .violation, stage: .sanction,
             title: "Bornes de la persistance, de la réitération et du refus de contrôle",
             summary: "À partir du 2025-06-01, la persistance, la réitération ou le refus de contrôle est sanctionné pour un à quatre mois, d'au moins 30 %.",
             references: [Law.sanctionFirst, Law.sanctionBreach, Law.sanctions, Law.repetitionWindow, Law.repetitionStart],
             parameters: ["sanction_bounds", "repetition_window_months", "repetition_counting_from", "repetition_window_start", "repetition_reset_on_reorientation"]),
        Rule(id: .sanctionHouseholdCap, severity: .violation, stage: .sanction,
             title: "Plafond de 50 % pour un foyer",
             summary: "Le taux ne dépasse pas 50 % pour un foyer de plus d'une personne ou bénéficiant de la majoration pour isolement.",
             references: [Law.householdCap],
             parameters: ["household_cap_percent"]),
        Rule(id: .sanctionTeamOpinion, severity: .violation, stage: .sanction,
             title: "Avis de l'équipe pluridisciplinaire avant une suppression",
             summary: "Une suppression est précédée de l'avis de l'équipe pluridisciplinaire.",
             references: [Law.sanctions, Law.teamOpinion],
             parameters: []),
        Rule(id: .sanctionLegacyBounds, severity: .violation, stage: .sanction,
             title: "Bornes du régime antérieur au 2025-06-01",
             summary: "Avant le 2025-06-01, une première décision est d'au plus 80 % pour un à trois mois ; les décisions suivantes durent un à quatre mois.",
             references: [Law.legacySanctions],
             parameters: ["sanction_bounds"]),
        Rule(id: .sanctionClosure, severity: .violation, stage: .sanction,
             title: "Clôture pour sanction",
             summary: "Le droit n'est clos pour sanction qu'après une suppression totale de quatre mois allée à son terme.",
             references: [Law.sanctionFirst, Law.rightEndSanction],
             parameters: ["closure_suppression_months"]),
        Rule(id: .sanctionRefund, severity: .info, stage: .sanction,
             title: "Reversement après remobilisation",
             summary: "Une suspension close par la remobilisation donne lieu au reversement des sommes suspendues, dans la limite de trois mois.",
             references: [Law.sanctionFirst, Law.refundLimit],
             parameters: ["refund_limit_months"]),
    ]

    private static let byID: [RuleID: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The rule with this id. Every id the engine emits is registered (checked in tests).
    public static func rule(_ id: RuleID) -> Rule? { byID[id] }
}
