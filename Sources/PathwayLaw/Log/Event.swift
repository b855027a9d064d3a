import PathwayMachinery
/// One event of the log (`Docs/events.md`, version 1): who, what, and the day it took legal effect.
public struct Event: Sendable, Hashable {
    /// Unique id of the event in the source system (1–128 characters).
    public var id: String
    /// The beneficiary: an opaque, pseudonymous identifier (1–128 characters).
    public var person: String
    // The date after the kind (20 bytes, its case in spare bits): the four bytes of the date
    // fill the gap before the line, and an event takes 64 bytes (a log holds millions). Every
    // kind's fields are laid out to fit in 20 bytes: the small numbers in a byte each.
    /// The type and its fields.
    public var kind: EventKind
    /// The day the event took legal effect.
    public var date: CivilDate
    /// 1-based line of the event in its file (0 for events built in code). Orders events of
    /// the same person and the same date.
    public var line: Int

    public init(id: String, person: String, date: CivilDate, kind: EventKind, line: Int = 0) {
        self.id = id
        self.person = person
        self.date = date
        self.kind = kind
        self.line = line
    }

    /// The value of `type` in the log.
    public var type: EventType { kind.type }
}

/// The 19 values of `type` in the event log v1.
public enum EventType: String, Sendable, CaseIterable {
    case rightOpened = "right_opened"
    case householdChanged = "household_changed"
    case dutiesChanged = "duties_changed"
    case rightClosed = "right_closed"
    case registered
    case orientationDecided = "orientation_decided"
    case diagnosticCompleted = "diagnostic_completed"
    case situationReviewed = "situation_reviewed"
    case contractSigned = "contract_signed"
    case contractUpdated = "contract_updated"
    case activity
    case appointment
    case failingRecorded = "failing_recorded"
    case sanctionNotice = "sanction_notice"
    case observationsReceived = "observations_received"
    case teamOpinion = "team_opinion"
    case hearingRequested = "hearing_requested"
    case teamReferral = "team_referral"
    case appealFiled = "appeal_filed"
    case appealReferred = "appeal_referred"
    case appealOpinion = "appeal_opinion"
    case appealDecided = "appeal_decided"
    case paymentSuspended = "payment_suspended"
    case paymentResumed = "payment_resumed"
    case sanctionDecided = "sanction_decided"
    case remobilised
    case sanctionWithdrawn = "sanction_withdrawn"
}

extension Event {
    /// The terms of a `contract_signed` or `contract_updated`.
    public var contractTerms: ContractTerms? {
        switch kind {
        case .contractSigned(let terms), .contractUpdated(let terms): return terms
        default: return nil
        }
    }
}

extension EventType {
    /// The type's position in `allCases`, for tables indexed by type (the rule table).
    package var ordinal: Int {
        switch self {
        case .rightOpened: return 0
        case .householdChanged: return 1
        case .dutiesChanged: return 2
        case .rightClosed: return 3
        case .registered: return 4
        case .orientationDecided: return 5
        case .diagnosticCompleted: return 6
        case .situationReviewed: return 7
        case .contractSigned: return 8
        case .contractUpdated: return 9
        case .activity: return 10
        case .appointment: return 11
        case .failingRecorded: return 12
        case .sanctionNotice: return 13
        case .observationsReceived: return 14
        case .teamOpinion: return 15
        case .hearingRequested: return 16
        case .teamReferral: return 17
        case .appealFiled: return 18
        case .appealReferred: return 19
        case .appealOpinion: return 20
        case .appealDecided: return 21
        case .paymentSuspended: return 22
        case .paymentResumed: return 23
        case .sanctionDecided: return 24
        case .remobilised: return 25
        case .sanctionWithdrawn: return 26
        }
    }
}

/// An event's type with the fields that type carries.
public enum EventKind: Sendable, Hashable {
    /// `right_opened`: the département received the CAF/MSA information that the right was
    /// opened or transferred in (`DATE_NOTIFICATION_DEPARTEMENT`).
    case rightOpened(RightOpening)
    /// `household_changed`: at least one of the three fields is present.
    case householdChanged(HouseholdChange)
    /// `duties_changed`: the person enters (`true`) or leaves the droits-et-devoirs regime.
    case dutiesChanged(subjectToDuties: Bool)
    /// `right_closed`.
    case rightClosed(reason: ClosureReason)
    /// `registered` at France Travail.
    case registered(category: String?)
    /// `orientation_decided`: an orientation or re-orientation.
    case orientationDecided(OrientationDecision)
    /// `diagnostic_completed`: the diagnostic global.
    case diagnosticCompleted(barriers: [String])
    /// `situation_reviewed`: re-examination of a person oriented to the social dominante.
    case situationReviewed
    /// `contract_signed`: a contrat d'engagement.
    case contractSigned(ContractTerms)
    /// `contract_updated`: the contract is actualisé.
    case contractUpdated(ContractTerms)
    /// `activity`: hours done that day.
    case activity(hours: Hours, category: ActivityCategory)
    /// `appointment`.
    case appointment(purpose: AppointmentPurpose, status: AppointmentStatus)
    /// `failing_recorded`: a manquement.
    case failingRecorded(failing: FailingKind, legitimateReason: Bool)
    /// `sanction_notice`: notification of the facts and the envisaged sanction.
    case sanctionNotice(SanctionTerms)
    /// `observations_received`.
    case observationsReceived
    /// `team_opinion`: the équipe pluridisciplinaire's opinion.
    case teamOpinion
    /// `hearing_requested`: the person asked to be heard; the day the département received it.
    case hearingRequested
    /// `team_referral`: the équipe pluridisciplinaire was referred (saisie) for its opinion.
    case teamReferral
    /// `appeal_filed`: the person's appeal (RAPO) against the decision whose id is `decision`;
    /// the day the PCD received it.
    case appealFiled(decision: String)
    /// `appeal_referred`: the appeal `appeal` was sent to the commission de recours amiable.
    case appealReferred(appeal: String)
    /// `appeal_opinion`: the commission's opinion on the appeal `appeal`.
    case appealOpinion(appeal: String)
    /// `appeal_decided`: the PCD's answer to an appeal.
    case appealDecided(AppealDecision)
    /// `payment_suspended`: the CAF/MSA suspended the right or its payment (`ETATDOSRSA` 3 or 4),
    /// with its code when given: the right stays open, not payable.
    case paymentSuspended(reason: String?)
    /// `payment_resumed`: the right is payable again.
    case paymentResumed
    /// `sanction_decided`: the PCD's decision.
    case sanctionDecided(SanctionDecision)
    /// `remobilised`: the person complied before the end of a suspension.
    case remobilised
    /// `sanction_withdrawn`: the latest decision not yet withdrawn is withdrawn.
    case sanctionWithdrawn

    public var type: EventType {
        switch self {
        case .rightOpened: return .rightOpened
        case .householdChanged: return .householdChanged
        case .dutiesChanged: return .dutiesChanged
        case .rightClosed: return .rightClosed
        case .registered: return .registered
        case .orientationDecided: return .orientationDecided
        case .diagnosticCompleted: return .diagnosticCompleted
        case .situationReviewed: return .situationReviewed
        case .contractSigned: return .contractSigned
        case .contractUpdated: return .contractUpdated
        case .activity: return .activity
        case .appointment: return .appointment
        case .failingRecorded: return .failingRecorded
        case .sanctionNotice: return .sanctionNotice
        case .observationsReceived: return .observationsReceived
        case .teamOpinion: return .teamOpinion
        case .hearingRequested: return .hearingRequested
        case .teamReferral: return .teamReferral
        case .appealFiled: return .appealFiled
        case .appealReferred: return .appealReferred
        case .appealOpinion: return .appealOpinion
        case .appealDecided: return .appealDecided
        case .paymentSuspended: return .paymentSuspended
        case .paymentResumed: return .paymentResumed
        case .sanctionDecided: return .sanctionDecided
        case .remobilised: return .remobilised
        case .sanctionWithdrawn: return .sanctionWithdrawn
        }
    }
}

/// How an import dated an opening (`dated_from`).
public enum DatedFrom: String, Sendable, CaseIterable {
    /// From the application (`DTDEMRSA`), the receipt of the information being unknown.
    case application
}

public struct RightOpening: Sendable, Hashable {
    // The amount first, then the one-byte fields in its padding: an opening lies in every event
    // of the log's array, whose size is its largest kind's.
    /// Monthly allowance due, if known.
    public var monthlyAmount: Cents?
    /// Transferred from another département.
    public var transfer: Bool
    /// People in the RSA household (1 to 99).
    @InByte public var householdSize: Int
    /// Majoration pour isolement (CASF L262-9).
    public var singleParentIncrease: Bool
    /// Soumis aux droits et devoirs (CASF L262-28); `true` unless said otherwise.
    public var subjectToDuties: Bool
    /// Whether `subject_to_duties` was written (not its default): a right told again changes
    /// the duties only when it says so.
    public var dutiesStated: Bool
    /// `subject_to_duties: null`: the source does not say (an MSA flow without
    /// `TOPPERSDRODEVORSA`): no deadline clock starts until a `duties_changed` says.
    public var dutiesUnknown: Bool
    /// `dated_from: application`: an import dated the opening from the application because the
    /// day the département received the information is not known (a first import of history).
    /// The right is open from then, but no orientation clock starts until a later
    /// `right_opened` of the same right gives the day of receipt.
    public var datedFromApplication: Bool

    public init(transfer: Bool = false, householdSize: Int = 1, singleParentIncrease: Bool = false,
                subjectToDuties: Bool = true, monthlyAmount: Cents? = nil, dutiesStated: Bool = true,
                datedFromApplication: Bool = false, dutiesUnknown: Bool = false) {
        self.transfer = transfer
        self.householdSize = householdSize
        self.dutiesUnknown = dutiesUnknown
        self.singleParentIncrease = singleParentIncrease
        self.subjectToDuties = subjectToDuties
        self.monthlyAmount = monthlyAmount
        self.dutiesStated = dutiesStated
        self.datedFromApplication = datedFromApplication
    }
}

public struct HouseholdChange: Sendable, Hashable {
    public var monthlyAmount: Cents?
    public var singleParentIncrease: Bool?
    /// People in the RSA household (1 to 99), when it changed.
    @OptionalInByte public var householdSize: Int?

    public init(householdSize: Int? = nil, singleParentIncrease: Bool? = nil, monthlyAmount: Cents? = nil) {
        self.householdSize = householdSize
        self.singleParentIncrease = singleParentIncrease
        self.monthlyAmount = monthlyAmount
    }
}

public enum ClosureReason: String, Sendable, CaseIterable {
    case resources, employment, moved, sanction, deceased, other
}

/// The three parcours. Départements name them differently (`Docs/glossary.md`): Emploi /
/// Équilibre / Remobilisation; the log uses these three values only.
public enum Dominante: String, Sendable, CaseIterable, Comparable {
    /// Emploi (professionnel).
    case emploi
    /// Socio-professionnel (Équilibre).
    case socioPro = "socio_pro"
    /// Social (Remobilisation).
    case social

    /// Order of the parcours from the most to the least professional.
    package var rank: Int {
        switch self {
        case .emploi: return 0
        case .socioPro: return 1
        case .social: return 2
        }
    }

    public static func < (lhs: Dominante, rhs: Dominante) -> Bool { lhs.rank < rhs.rank }
}

/// The organisme référent (CASF L262-29).
public enum Organisme: String, Sendable, CaseIterable {
    case franceTravail = "france_travail"
    case departement
    case delegataire
    case missionLocale = "mission_locale"
    case capEmploi = "cap_emploi"
}

/// Who took the orientation decision: the PCD, or France Travail after six weeks.
public enum Decider: String, Sendable, CaseIterable {
    case departement
    case franceTravail = "france_travail"
}

public struct OrientationDecision: Sendable, Hashable {
    public var dominante: Dominante
    public var organisme: Organisme
    /// When the decision was notified to the person (defaults to the decision's date): it
    /// starts the one-month contract clock.
    public var notified: CivilDate?
    public var decidedBy: Decider
    /// Social orientation reviewed after twelve months (CASF D262-65-2-1).
    public var extendedReview: Bool

    public init(dominante: Dominante, organisme: Organisme, notified: CivilDate? = nil,
                decidedBy: Decider = .departement, extendedReview: Bool = false) {
        self.dominante = dominante
        self.organisme = organisme
        self.notified = notified
        self.decidedBy = decidedBy
        self.extendedReview = extendedReview
    }
}

/// The grounds recorded for fewer than 15 hours a week (C. trav. L5411-6 II [S]; proche aidant
/// from government statements [S]). Which are accepted is the parameter `reduction_grounds` [I].
public enum ReductionReason: String, Sendable, CaseIterable {
    case health, disability, invalidity
    case singleParentChildcare = "single_parent_childcare"
    /// Proche aidant.
    case caregiver
}

public struct ContractTerms: Sendable, Hashable {
    /// Weekly activity duration in the plan d'action, as recorded (0–168); `nil` when the
    /// source does not record it (the contract is then judged by no rule of hours and gives no
    /// plan for intensity).
    public var weeklyHours: Hours?
    public var reductionReason: ReductionReason?
    /// Planned end.
    public var ends: CivilDate?

    public init(weeklyHours: Hours?, reductionReason: ReductionReason? = nil, ends: CivilDate? = nil) {
        self.weeklyHours = weeklyHours
        self.reductionReason = reductionReason
        self.ends = ends
    }
}

/// The six kinds of activity of C. trav. R5411-15.
public enum ActivityCategory: String, Sendable, CaseIterable {
    case workPlacement = "work_placement"
    case training
    case jobSearch = "job_search"
    case support
    case accessToRights = "access_to_rights"
    case professionalActivity = "professional_activity"
}

public enum AppointmentPurpose: String, Sendable, CaseIterable {
    case orientation, diagnostic, accompaniment, contract, hearing, other
}

public enum AppointmentStatus: String, Sendable, CaseIterable {
    case attended, missed, excused
}

/// The manquements of CASF L262-37.
public enum FailingKind: String, Sendable, CaseIterable {
    /// Refusal to draw up or update the contract (L262-37 I 1°).
    case contractRefusal = "contract_refusal"
    /// The contract's obligations not respected (L262-37 I 2°).
    case obligationBreach = "obligation_breach"
    /// Refusal of controls (L262-37 II 3°).
    case controlRefusal = "control_refusal"
}

public enum SanctionMeasure: String, Sendable, CaseIterable {
    case suspension, suppression
}

/// The sanction envisaged in a notice: every field optional.
public struct SanctionTerms: Sendable, Hashable {
    public var measure: SanctionMeasure?
    /// Share of the allowance envisaged, 1–100.
    @OptionalInByte public var percent: Int?
    /// Duration envisaged, 1–12 months.
    @OptionalInByte public var months: Int?

    public init(measure: SanctionMeasure? = nil, percent: Int? = nil, months: Int? = nil) {
        self.measure = measure
        self.percent = percent
        self.months = months
    }
}

public struct SanctionDecision: Sendable, Hashable {
    // Laid out so that the one-byte fields fill the dates' padding: a decision lies in every
    // event of the log's array, whose size is its largest kind's.
    /// First day of the sanction (defaults to the decision's date).
    public var starts: CivilDate?
    public var measure: SanctionMeasure
    /// Follows a France Travail proposal (CASF L262-37 IV).
    public var proposedByFranceTravail: Bool
    /// Share of the allowance, 1–100.
    @InByte public var percent: Int
    /// The day the decision was notified to the person (defaults to the decision's date): the
    /// two months to appeal run from it.
    public var notified: CivilDate?
    /// Duration, 1–12 months.
    @InByte public var months: Int
    /// The share France Travail proposed, when known (1–100).
    @OptionalInByte public var proposedPercent: Int?
    /// The duration France Travail proposed, when known (1–12 months).
    @OptionalInByte public var proposedMonths: Int?

    public init(measure: SanctionMeasure, percent: Int, months: Int, starts: CivilDate? = nil,
                proposedByFranceTravail: Bool = false, proposedPercent: Int? = nil, proposedMonths: Int? = nil,
                notified: CivilDate? = nil) {
        self.measure = measure
        self.starts = starts
        self.notified = notified
        self.proposedByFranceTravail = proposedByFranceTravail
        self.percent = percent
        self.months = months
        self.proposedPercent = proposedPercent
        self.proposedMonths = proposedMonths
    }
}

/// What an appeal's answer decides.
public enum AppealOutcome: String, Sendable, CaseIterable {
    /// The decision stands.
    case rejected
    /// The decision is annulled: a withdrawal on the answer's day.
    case granted
    /// New terms replace the decision's own.
    case reformed
}

/// `appeal_decided`: the PCD's answer to the appeal `appeal`, with the new terms of a reformed
/// decision (those given replace the decision's own).
public struct AppealDecision: Sendable, Hashable {
    public var appeal: String
    public var outcome: AppealOutcome
    public var measure: SanctionMeasure?
    @OptionalInByte public private(set) var percent: Int?
    @OptionalInByte public private(set) var months: Int?

    public init(appeal: String, outcome: AppealOutcome, measure: SanctionMeasure? = nil, percent: Int? = nil, months: Int? = nil) {
        self.appeal = appeal
        self.outcome = outcome
        self.measure = measure
        self.percent = percent
        self.months = months
    }
}
