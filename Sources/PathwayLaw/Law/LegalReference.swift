import PathwayMachinery
/// How sure Pathway is of a rule or a value, as tagged in the rule reference (`Docs/rules/`, `Docs/README.md`).
public enum Confidence: String, Sendable, CaseIterable, Comparable {
    /// [P] read in the primary legal text.
    case primary = "P"
    /// [S] known from secondary sources only (instruction, debates, press).
    case secondary = "S"
    /// [I] an interpretation made where the text is silent: always an overridable parameter.
    case interpretation = "I"

    /// `[P]`.
    public var tag: String { "[\(rawValue)]" }

    /// What the tag means, in French, for the report and the rule reference.
    public var meaning: String {
        switch self {
        case .primary: return "texte primaire lu"
        case .secondary: return "source secondaire seulement"
        case .interpretation: return "interprétation du projet, paramétrable"
        }
    }

    private var rank: Int {
        switch self {
        case .primary: return 0
        case .secondary: return 1
        case .interpretation: return 2
        }
    }

    /// Ordered from the firmest (P) to the weakest (I).
    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}

/// A legal source: a code and an article (or a text), with the confidence of our reading.
public struct LegalReference: Sendable, Hashable, CustomStringConvertible {
    /// `CASF`, `C. trav.`, `Décret`, `Cons. const.`, `Instruction`.
    public var code: String
    /// `D262-65-2`, `n° 2024-1244`, `2023-858 DC`.
    public var article: String
    /// The text that created or changed it, when useful (`décret n° 2024-1244 du 30 décembre 2024`).
    public var source: String?
    public var confidence: Confidence

    public init(_ code: String, _ article: String, source: String? = nil, _ confidence: Confidence) {
        self.code = code
        self.article = article
        self.source = source
        self.confidence = confidence
    }

    /// Whether this is one of the project's interpretations rather than a legal text.
    public var isInterpretation: Bool { code == Law.interpretation }

    /// Whether `article` is a sentence rather than an article number (an interpretation, a
    /// secondary source).
    public var isNarrative: Bool { isInterpretation || code == Law.secondarySource }

    /// `CASF D262-65-2`; `Interprétation : six semaines = 42 jours`.
    public var citation: String { isNarrative ? "\(code) : \(article)" : "\(code) \(article)" }

    /// `CASF D262-65-2 [P]`.
    public var description: String { "\(citation) \(confidence.tag)" }
}

extension Array where Element == LegalReference {
    /// `CASF D262-65-2 [P] ; C. trav. D5411-14-1 [S]`.
    package var cited: String { map(\.description).joined(separator: " ; ") }

    /// The weakest confidence among the references (a rule is only as firm as its weakest
    /// source).
    package var weakest: Confidence { map(\.confidence).max() ?? .interpretation }
}

/// The legal sources Pathway cites, in one place, with the confidence the rule reference gives them (`Docs/rules/`).
public enum Law {
    /// The `code` of a reference that is an interpretation of the project, not a text.
    public static let interpretation = "Interprétation"
    /// The `code` of a reference known from secondary sources only, with no article read.
    public static let secondarySource = "Source secondaire"

    public static let orientationDeadline = LegalReference("CASF", "D262-65-2", source: "décret n° 2024-1244 du 30 décembre 2024", .primary)
    public static let sixWeeksCounting = LegalReference(interpretation, "six semaines = 42 jours, jour 0 = réception", .interpretation)
    public static let orientationReferent = LegalReference("CASF", "L262-29", .primary)
    public static let registration = LegalReference("C. trav.", "L5411-1 2°", .primary)
    public static let contractDeadline = LegalReference("C. trav.", "D5411-14-1", source: "décret n° 2024-1244 du 30 décembre 2024", .secondary)
    public static let reorientation = LegalReference("C. trav.", "D5411-8-2", .secondary)
    public static let monthCounting = LegalReference(interpretation, "un mois = du jour J du mois M au jour J du mois M+1 (ou son dernier jour)", .interpretation)
    public static let contractDiagnostic = LegalReference("C. trav.", "L5411-5-2", .primary)
    public static let actionPlan = LegalReference("C. trav.", "R5411-15", .primary)
    public static let fifteenHours = LegalReference("C. trav.", "L5411-6 II", .secondary)
    public static let legalWorkingTime = LegalReference("Cons. const.", "2023-858 DC §35", .primary)
    public static let socialReview = LegalReference("CASF", "L262-31", source: "loi n° 2023-1196 du 18 décembre 2023", .primary)
    public static let reductionGrounds = LegalReference(interpretation, "motifs de réduction admis : ceux des sources secondaires de L5411-6 II, et proche aidant", .interpretation)
    public static let competence = LegalReference("CASF", "D262-65-2 (compétence de France Travail après six semaines)", source: "décret n° 2024-1244 du 30 décembre 2024", .primary)
    public static let socialReviewExtended = LegalReference("CASF", "D262-65-2-1", .primary)
    public static let stockDeadline = LegalReference("Instruction", "DGEFP/DFT/2025/10 annexes 1 et 5", .secondary)
    public static let dutiesRegime = LegalReference("CASF", "L262-28", .primary)
    public static let rightEnd = LegalReference("CASF", "R262-40", .primary)

    public static let localTargets = LegalReference(secondarySource, "pratique départementale : orientation en 15 jours, repli à un mois (Alpes-Maritimes, Nord ; seeds 003 et 004)", .secondary)
    public static let intensityTarget = LegalReference("Instruction", "DGEFP/DFT/2025/10 annexe 2 (15 heures d'activité programmée par semaine)", .secondary)
    public static let activitiesRecorded = LegalReference(interpretation, "intensité mesurée seulement si le journal enregistre des activités", .interpretation)
    public static let weeklyProration = LegalReference(interpretation, "semaines ISO du lundi au dimanche ; semaines partielles proratisées par jours", .interpretation)

    // Sanctions (`Docs/rules/sanction.*.md`)
    public static let sanctions = LegalReference("CASF", "L262-37", source: "loi n° 2023-1196 du 18 décembre 2023", .primary)
    public static let sanctionFirst = LegalReference("CASF", "R262-68", source: "décret n° 2025-478 du 30 mai 2025", .primary)
    public static let sanctionBreach = LegalReference("CASF", "R262-68-1", source: "décret n° 2025-478 du 30 mai 2025", .primary)
    public static let repetitionWindow = LegalReference("CASF", "R262-68-4 1°", source: "décret n° 2025-478, art. 12 III", .primary)
    public static let repetitionStart = LegalReference(interpretation, "fenêtre de réitération comptée depuis la décision, remise à zéro par une réorientation (par parallèle avec C. trav. R5412-3-4 1°)", .interpretation)
    public static let householdCap = LegalReference("CASF", "R262-68-6", .primary)
    public static let repetitionAnchor = LegalReference(interpretation, "fenêtre de réitération ancrée à la décision du premier manquement du cycle (C. trav. R5412-3-4 1°, par parallèle)", .interpretation)
    public static let sanctionAmounts = LegalReference("CASF", "R262-69-8 (nota : taux appliqué au montant du dernier mois du trimestre de référence jusqu'à l'arrêté, au plus tard le 2027-07-01)", source: "décret n° 2025-478 du 30 mai 2025", .primary)
    /// The notice procedure, with the days of `sanction_notice_days` in words.
    public static var noticeProcedure: LegalReference {
        LegalReference("CASF", "L262-37 (procédure : préavis et délai d'observations, proposition de France Travail IV)", .primary)
    }
    /// The article of the notice's days.
    public static let noticeArticle = LegalReference("CASF", "L262-37", source: "loi n° 2023-1196 du 18 décembre 2023", .primary)
    public static let teamOpinion = LegalReference("CASF", "L262-39", .primary)
    // Appeals (`Docs/rules/appeal.*.md`)
    public static let appealRequired = LegalReference("CASF", "L262-47", .primary)
    public static let appealPeriod = LegalReference("CASF", "R262-88", .primary)
    public static let appealFranc = LegalReference(interpretation, "délai de recours compté franc : un jour de plus", .interpretation)
    public static let appealAnswer = LegalReference("CASF", "R262-89", .primary)
    public static let appealCommission = LegalReference("CASF", "R262-90 (avis de la commission de recours amiable sous un mois, réputé rendu ; réponse sous un mois après l'avis)", .primary)
    public static let implicitRejection = LegalReference(secondarySource, "CRPA L231-4 : deux mois de silence valent rejet", .secondary)
    public static let newEntrants = LegalReference(secondarySource, "paramétrage des indicateurs du volet 2 (nouveaux entrants, orientés en 15 jours et moins ; suivi clos après plus de 12 mois de suspension)", .secondary)
    public static let dataReferences = LegalReference(interpretation, "un événement qui nomme un événement absent du journal de la personne n'est pas rejoué", .interpretation)
    /// The notice article of décret 2025-478: the right to ask to be heard within the days left for observations.
    public static let hearingRight = LegalReference("CASF", "article de la notification créé par le décret n° 2025-478 (LEGIARTI000051678976 : observations écrites ou demande d'être entendu dans le délai)", .primary)
    public static let hearingBeforeDecision = LegalReference(interpretation, "une personne qui a demandé à être entendue l'est avant la décision ; une audition manquée vaut audition, une audition excusée non", .interpretation)
    public static let noticeTerms = LegalReference(interpretation, "une décision plus lourde que la sanction annoncée prive la personne de s'en expliquer : signalée, jamais tenue pour une violation", .interpretation)
    public static let legacyProcedure = LegalReference("CASF", "R262-69 et R262-71 (rédaction antérieure au 2025-06-01 : information, avis de l'équipe pluridisciplinaire, réputé rendu un mois après la saisine)", .primary)
    public static let legacySanctions = LegalReference("CASF", "R262-68 (rédaction antérieure au 2025-06-01)", .primary)
    public static let refundLimit = LegalReference(secondarySource, "débats parlementaires, reversement dans la limite de trois mois (probablement CASF R262-69-8, non lu)", .secondary)
    public static let rightEndSanction = LegalReference("CASF", "R262-40 3°", .primary)
}
