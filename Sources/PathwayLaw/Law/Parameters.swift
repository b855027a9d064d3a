import PathwayMachinery
/// The table of every constant Pathway applies, dated and referenced: the law in force by
/// date, the project's interpretations ([I], overridable) and the département's local targets.
///
/// ``Parameters/law`` is the table as the rule reference (`Docs/rules/`, `Docs/README.md`) reads it. A `--config` file
/// returns a copy with some values replaced (``Parameters/applying(_:)``).
public struct Parameters: Sendable {
    // MARK: Orientation

    /// Six weeks from the département's receipt of the CAF/MSA information (CASF D262-65-2,
    /// in force 2025-01-01), counted as 42 days [I].
    public var orientationDeadlineDays: Parameter<Int> {
        _read { yield storage.values.orientationDeadlineDays }
        _modify {
            var values = storage.values
            yield &values.orientationDeadlineDays
            storage = Storage(values)
        }
    }
    /// Local target for orientation, in days (e.g. 15): reported beside the legal deadline.
    public var orientationTargetDays: Parameter<Int> {
        _read { yield storage.values.orientationTargetDays }
        _modify {
            var values = storage.values
            yield &values.orientationTargetDays
            storage = Storage(values)
        }
    }

    // MARK: Contract

    /// One month from the notification of the orientation (C. trav. D5411-14-1) [S].
    public var contractDeadlineMonths: Parameter<Int> {
        _read { yield storage.values.contractDeadlineMonths }
        _modify {
            var values = storage.values
            yield &values.contractDeadlineMonths
            storage = Storage(values)
        }
    }
    /// Local target for the contract, in days from the notification of the orientation.
    public var contractTargetDays: Parameter<Int> {
        _read { yield storage.values.contractTargetDays }
        _modify {
            var values = storage.values
            yield &values.contractTargetDays
            storage = Storage(values)
        }
    }
    /// At least 15 hours a week (C. trav. L5411-6 II) [S].
    public var minimumWeeklyHours: Parameter<Hours> {
        _read { yield storage.values.minimumWeeklyHours }
        _modify {
            var values = storage.values
            yield &values.minimumWeeklyHours
            storage = Storage(values)
        }
    }
    /// At most the legal working time, 35 hours (Cons. const. 2023-858 DC §35) [P].
    public var maximumWeeklyHours: Parameter<Hours> {
        _read { yield storage.values.maximumWeeklyHours }
        _modify {
            var values = storage.values
            yield &values.maximumWeeklyHours
            storage = Storage(values)
        }
    }
    /// The grounds accepted for fewer than 15 hours a week [I] (C. trav. L5411-6 II known only
    /// through secondary sources).
    public var reductionGrounds: Parameter<[ReductionReason]> {
        _read { yield storage.values.reductionGrounds }
        _modify {
            var values = storage.values
            yield &values.reductionGrounds
            storage = Storage(values)
        }
    }

    /// Consecutive full weeks over which the average hours done are compared with the plan
    /// (local parameter, default 4).
    public var intensityWindowWeeks: Parameter<Int> {
        _read { yield storage.values.intensityWindowWeeks }
        _modify {
            var values = storage.values
            yield &values.intensityWindowWeeks
            storage = Storage(values)
        }
    }
    /// Whether intensity is measured only for people whose log records activities [I].
    public var intensityRequiresActivity: Parameter<Bool> {
        _read { yield storage.values.intensityRequiresActivity }
        _modify {
            var values = storage.values
            yield &values.intensityRequiresActivity
            storage = Storage(values)
        }
    }

    // MARK: Social review

    /// Six months after the signature or revision of the contrat d'engagement, a person
    /// oriented to the social dominante is re-examined (CASF L262-31 as amended, 2025-01-01) [P].
    public var reviewMonths: Parameter<Int> {
        _read { yield storage.values.reviewMonths }
        _modify {
            var values = storage.values
            yield &values.reviewMonths
            storage = Storage(values)
        }
    }
    /// Twelve months with `extended_review` (CASF D262-65-2-1) [P].
    public var reviewExtendedMonths: Parameter<Int> {
        _read { yield storage.values.reviewExtendedMonths }
        _modify {
            var values = storage.values
            yield &values.reviewExtendedMonths
            storage = Storage(values)
        }
    }

    // MARK: Stock

    /// Rights opened before this day are the "stock" (the reform's start, 2025-01-01) [S].
    public var stockCutoff: Parameter<CivilDate> {
        _read { yield storage.values.stockCutoff }
        _modify {
            var values = storage.values
            yield &values.stockCutoff
            storage = Storage(values)
        }
    }
    /// The stock must have a contract before this day: 2027-01-01 (2028-01-01 overseas) [S].
    public var stockDeadline: Parameter<CivilDate> {
        _read { yield storage.values.stockDeadline }
        _modify {
            var values = storage.values
            yield &values.stockDeadline
            storage = Storage(values)
        }
    }

    // MARK: Sanctions

    /// The bounds of a decision: former R262-68 before 2025-06-01, décret 2025-478 after.
    public var sanctionBounds: Parameter<SanctionBounds> {
        _read { yield storage.values.sanctionBounds }
        _modify {
            var values = storage.values
            yield &values.sanctionBounds
            storage = Storage(values)
        }
    }
    /// Days left for observations after the notice, before which no decision may be taken
    /// (CASF L262-37, from 2025-06-01; not in force before).
    public var sanctionNoticeDays: Parameter<Int> {
        _read { yield storage.values.sanctionNoticeDays }
        _modify {
            var values = storage.values
            yield &values.sanctionNoticeDays
            storage = Storage(values)
        }
    }
    /// The share cannot exceed 50 % for a household of more than one person or with the
    /// single-parent increase (R262-68-6; former R262-68).
    public var householdCapPercent: Parameter<Int> {
        _read { yield storage.values.householdCapPercent }
        _modify {
            var values = storage.values
            yield &values.householdCapPercent
            storage = Storage(values)
        }
    }
    /// Repetition window: 24 months (R262-68-4 1°) [P]; its start and reset are [I].
    public var repetitionWindowMonths: Parameter<Int> {
        _read { yield storage.values.repetitionWindowMonths }
        _modify {
            var values = storage.values
            yield &values.repetitionWindowMonths
            storage = Storage(values)
        }
    }
    /// Only failings recorded from this day can start a repetition window (décret 2025-478, art. 12 III).
    public var repetitionCountingFrom: Parameter<CivilDate> {
        _read { yield storage.values.repetitionCountingFrom }
        _modify {
            var values = storage.values
            yield &values.repetitionCountingFrom
            storage = Storage(values)
        }
    }
    /// What day the repetition window counts from [I].
    public var repetitionStart: Parameter<RepetitionStart> {
        _read { yield storage.values.repetitionStart }
        _modify {
            var values = storage.values
            yield &values.repetitionStart
            storage = Storage(values)
        }
    }
    /// Whether a new orientation decision restarts the count of decisions [I].
    public var repetitionResetOnReorientation: Parameter<Bool> {
        _read { yield storage.values.repetitionResetOnReorientation }
        _modify {
            var values = storage.values
            yield &values.repetitionResetOnReorientation
            storage = Storage(values)
        }
    }
    /// Which decision the repetition window runs from: the one that sanctioned the cycle's
    /// first failing (C. trav. R5412-3-4 1°, by parallel) or the latest [I].
    public var repetitionAnchor: Parameter<RepetitionAnchor> {
        _read { yield storage.values.repetitionAnchor }
        _modify {
            var values = storage.values
            yield &values.repetitionAnchor
            storage = Storage(values)
        }
    }
    /// Which monthly amount each month of a sanction applies its rate to: the amount known on
    /// the sanction's start, until the arrêté of décret 2025-478 (2027-07-01 at the latest),
    /// then each month's own [P].
    public var sanctionAmountBase: Parameter<SanctionAmountBase> {
        _read { yield storage.values.sanctionAmountBase }
        _modify {
            var values = storage.values
            yield &values.sanctionAmountBase
            storage = Storage(values)
        }
    }
    /// Suspended sums are paid back after remobilisation within this many months [S].
    public var refundLimitMonths: Parameter<Int> {
        _read { yield storage.values.refundLimitMonths }
        _modify {
            var values = storage.values
            yield &values.refundLimitMonths
            storage = Storage(values)
        }
    }
    /// The total suppression that must have run before the right may be ended (R262-68) [P].
    public var closureSuppressionMonths: Parameter<Int> {
        _read { yield storage.values.closureSuppressionMonths }
        _modify {
            var values = storage.values
            yield &values.closureSuppressionMonths
            storage = Storage(values)
        }
    }
    /// Under the regime before 2025-06-01, the équipe pluridisciplinaire's opinion is deemed given
    /// this many months after its referral when it has not given it (former R262-71) [P].
    public var teamOpinionDeemedMonths: Parameter<Int> {
        _read { yield storage.values.teamOpinionDeemedMonths }
        _modify {
            var values = storage.values
            yield &values.teamOpinionDeemedMonths
            storage = Storage(values)
        }
    }

    // MARK: Counting

    /// How a month count lands on a shorter month [I].
    public var monthEnd: Parameter<CivilDate.MonthEnd> {
        _read { yield storage.values.monthEnd }
        _modify {
            var values = storage.values
            yield &values.monthEnd
            storage = Storage(values)
        }
    }
    /// Whether a deadline falling on a Saturday or Sunday moves to the Monday [I] (default: no).
    public var weekendExtension: Parameter<Bool> {
        _read { yield storage.values.weekendExtension }
        _modify {
            var values = storage.values
            yield &values.weekendExtension
            storage = Storage(values)
        }
    }

    /// The values a configuration file replaced, by key (rendered as in the file).
    public package(set) var overrides: [String: String] {
        _read { yield storage.values.overrides }
        _modify {
            var values = storage.values
            yield &values.overrides
            storage = Storage(values)
        }
    }

    /// The rules applied with these parameters: the registry's (``RuleSet/law``), or more for a
    /// rule under test (``RuleSet/adding(_:)``). Not a parameter: no file sets it.
    public var rules: RuleSet {
        _read { yield storage.values.rules }
        _modify {
            var values = storage.values
            yield &values.rules
            storage = Storage(values)
        }
    }

    /// The table of the law, as the rule reference reads it.
    public static let law = Parameters()

    /// The values, shared between copies until one changes (a replay copies its parameters
    /// into every rule's context: one reference, not thirty tables).
    private var storage: Storage

    private init() { storage = Storage(Values()) }


    // MARK: Deadlines

    /// The last day of a period of `days` days from `start` (day 0): `start + days`, moved to
    /// the Monday when it falls on a weekend and ``weekendExtension`` is on.
    public func lastDay(after start: CivilDate, days: Int) -> CivilDate {
        extendPastWeekend(start.adding(days: days), from: start)
    }

    /// The last day of a period of `months` months from `start`.
    public func lastDay(after start: CivilDate, months: Int) -> CivilDate {
        extendPastWeekend(start.adding(months: months, monthEnd: monthEnd.value(on: start) ?? .lastDay), from: start)
    }

    private func extendPastWeekend(_ due: CivilDate, from start: CivilDate) -> CivilDate {
        guard weekendExtension.value(on: start) == true else { return due }
        switch due.isoWeekday {
        case 6: return due.adding(days: 2)
        case 7: return due.adding(days: 1)
        default: return due
        }
    }

    // MARK: Listing

    /// The key of the parameter at `path` (`\.orientationDeadlineDays` → `orientation_deadline_days`).
    package func key(of path: PartialKeyPath<Parameters>) -> String {
        (self[keyPath: path] as? any NamedParameter)?.key ?? ""
    }

    /// Every parameter, in the order of the rule reference.
    public var all: [ParameterDescription] {
        let int: (Int) -> String = { String($0) }
        return [
            ParameterDescription(orientationDeadlineDays, render: int),
            ParameterDescription(orientationTargetDays, render: int),
            ParameterDescription(contractDeadlineMonths, render: int),
            ParameterDescription(contractTargetDays, render: int),
            ParameterDescription(minimumWeeklyHours, render: { $0.description }),
            ParameterDescription(maximumWeeklyHours, render: { $0.description }),
            ParameterDescription(reductionGrounds, render: { $0.map(\.rawValue).joined(separator: ", ") }),
            ParameterDescription(intensityWindowWeeks, render: int),
            ParameterDescription(intensityRequiresActivity, render: { String($0) }),
            ParameterDescription(reviewMonths, render: int),
            ParameterDescription(reviewExtendedMonths, render: int),
            ParameterDescription(stockCutoff, render: { $0.description }),
            ParameterDescription(stockDeadline, render: { $0.description }),
            ParameterDescription(sanctionBounds, render: { $0.description }),
            ParameterDescription(sanctionNoticeDays, render: int),
            ParameterDescription(householdCapPercent, render: int),
            ParameterDescription(repetitionWindowMonths, render: int),
            ParameterDescription(repetitionCountingFrom, render: { $0.description }),
            ParameterDescription(repetitionStart, render: { $0.rawValue }),
            ParameterDescription(repetitionResetOnReorientation, render: { String($0) }),
            ParameterDescription(repetitionAnchor, render: { $0.rawValue }),
            ParameterDescription(sanctionAmountBase, render: { $0.rawValue }),
            ParameterDescription(refundLimitMonths, render: int),
            ParameterDescription(closureSuppressionMonths, render: int),
            ParameterDescription(teamOpinionDeemedMonths, render: int),
            ParameterDescription(monthEnd, render: { $0.rawValue }),
            ParameterDescription(weekendExtension, render: { String($0) }),
        ]
    }
}

extension CivilDate {
    /// A date known to be valid, for constants written in code.
    package static func ymd(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(dayNumber: Int32(daysFromCivil(year: year, month: month, day: day)))
    }
}

extension Parameters {
    /// The stored values of ``Parameters``, each described where its accessor is.
    package struct Values: Sendable {
        package var orientationDeadlineDays: Parameter<Int>
        package var orientationTargetDays: Parameter<Int>
        package var contractDeadlineMonths: Parameter<Int>
        package var contractTargetDays: Parameter<Int>
        package var minimumWeeklyHours: Parameter<Hours>
        package var maximumWeeklyHours: Parameter<Hours>
        package var reductionGrounds: Parameter<[ReductionReason]>
        package var intensityWindowWeeks: Parameter<Int>
        package var intensityRequiresActivity: Parameter<Bool>
        package var reviewMonths: Parameter<Int>
        package var reviewExtendedMonths: Parameter<Int>
        package var stockCutoff: Parameter<CivilDate>
        package var stockDeadline: Parameter<CivilDate>
        package var sanctionBounds: Parameter<SanctionBounds>
        package var sanctionNoticeDays: Parameter<Int>
        package var householdCapPercent: Parameter<Int>
        package var repetitionWindowMonths: Parameter<Int>
        package var repetitionCountingFrom: Parameter<CivilDate>
        package var repetitionStart: Parameter<RepetitionStart>
        package var repetitionResetOnReorientation: Parameter<Bool>
        package var repetitionAnchor: Parameter<RepetitionAnchor>
        package var sanctionAmountBase: Parameter<SanctionAmountBase>
        package var refundLimitMonths: Parameter<Int>
        package var closureSuppressionMonths: Parameter<Int>
        package var teamOpinionDeemedMonths: Parameter<Int>
        package var monthEnd: Parameter<CivilDate.MonthEnd>
        package var weekendExtension: Parameter<Bool>
        package var overrides: [String: String] = [:]
        package var rules: RuleSet = .law

        package init() {
            let reform = CivilDate.ymd(2025, 1, 1)
            orientationDeadlineDays = Parameter(
                key: "orientation_deadline_days",
                summary: "Délai d'orientation : six semaines après la réception de l'information CAF/MSA, en jours.",
                periods: [ParameterPeriod(from: reform, value: 42, references: [Law.orientationDeadline, Law.sixWeeksCounting],
                                          note: "six semaines comptées 42 jours ; jour 0 = date de réception ; orientation au jour 42 dans le délai")],
                overridable: true)
            orientationTargetDays = Parameter(
                key: "orientation_target_days",
                summary: "Cible locale d'orientation, en jours après la réception (ex. 15) ; jamais un délai légal.",
                periods: [], overridable: true, isLocal: true, basis: [Law.localTargets])
            contractDeadlineMonths = Parameter(
                key: "contract_deadline_months",
                summary: "Délai de signature du contrat d'engagement après la notification de l'orientation, en mois.",
                periods: [ParameterPeriod(from: reform, value: 1, references: [Law.contractDeadline, Law.reorientation],
                                          note: "une réorientation interrompt le délai et en ouvre un nouveau")],
                overridable: false)
            contractTargetDays = Parameter(
                key: "contract_target_days",
                summary: "Cible locale de signature du contrat, en jours après la notification de l'orientation ; jamais un délai légal.",
                periods: [], overridable: true, isLocal: true, basis: [Law.localTargets])
            minimumWeeklyHours = Parameter(
                key: "minimum_weekly_hours",
                summary: "Durée hebdomadaire d'activité minimale du contrat, sauf motif légal de réduction.",
                periods: [ParameterPeriod(from: reform, value: Hours(15), references: [Law.fifteenHours, Law.actionPlan],
                                          note: "moins, ou zéro, pour raison de santé, handicap, invalidité, ou parent isolé sans solution de garde d'un enfant de moins de 12 ans")],
                overridable: false)
            maximumWeeklyHours = Parameter(
                key: "maximum_weekly_hours",
                summary: "Durée hebdomadaire d'activité maximale : la durée légale du travail.",
                periods: [ParameterPeriod(from: reform, value: Hours(35), references: [Law.legalWorkingTime],
                                          note: "réserve d'interprétation du Conseil constitutionnel")],
                overridable: false)
            reductionGrounds = Parameter(
                key: "reduction_grounds",
                summary: "Motifs admis pour une durée hebdomadaire inférieure à 15 heures (ou nulle) ; un contrat en deçà sans l'un d'eux est signalé (contract.reduced_hours).",
                periods: [ParameterPeriod(from: reform, value: ReductionReason.allCases, references: [Law.fifteenHours, Law.reductionGrounds],
                                          note: "santé, handicap, invalidité, parent isolé sans solution de garde d'un enfant de moins de 12 ans (L5411-6 II, sources secondaires) ; proche aidant (déclarations gouvernementales)")],
                overridable: true)
            intensityWindowWeeks = Parameter(
                key: "intensity_window_weeks",
                summary: "Fenêtre d'évaluation de l'intensité : nombre de semaines complètes consécutives sur lesquelles la moyenne des heures faites est comparée au plan.",
                periods: [ParameterPeriod(from: nil, value: 4, references: [Law.intensityTarget],
                                          note: "paramètre local ; la première et la dernière semaine partielles sont proratisées par jours, mais seules les semaines complètes forment une fenêtre")],
                overridable: true, isLocal: true)
            intensityRequiresActivity = Parameter(
                key: "intensity_requires_activity",
                summary: "L'intensité n'est mesurée que pour les personnes dont le journal enregistre au moins une activité (sinon : non mesurée, plutôt que zéro heure).",
                periods: [ParameterPeriod(from: nil, value: true, references: [Law.activitiesRecorded],
                                          note: "beaucoup de départements n'exportent pas les activités ; false compte zéro heure pour tous")],
                overridable: true)
            reviewMonths = Parameter(
                key: "review_months",
                summary: "Délai de réexamen d'une personne orientée vers la dominante sociale, en mois après la signature ou la révision du contrat d'engagement.",
                periods: [ParameterPeriod(from: reform, value: 6, references: [Law.socialReview],
                                          note: "chaque signature ou révision du contrat fait repartir les six mois")],
                overridable: false)
            reviewExtendedMonths = Parameter(
                key: "review_extended_months",
                summary: "Délai de réexamen d'une orientation sociale prolongé (difficultés durables), en mois.",
                periods: [ParameterPeriod(from: reform, value: 12, references: [Law.socialReviewExtended])],
                overridable: false)
            stockCutoff = Parameter(
                key: "stock_cutoff",
                summary: "Date d'entrée en vigueur de la réforme : un droit ouvert avant relève du « stock ».",
                periods: [ParameterPeriod(from: nil, value: reform, references: [Law.registration, Law.stockDeadline])],
                overridable: false)
            stockDeadline = Parameter(
                key: "stock_deadline",
                summary: "Date avant laquelle tout le stock doit avoir signé un contrat d'engagement (2028-01-01 outre-mer).",
                periods: [ParameterPeriod(from: nil, value: CivilDate.ymd(2027, 1, 1), references: [Law.stockDeadline],
                                          note: "2028-01-01 dans les départements d'outre-mer : à régler par --config")],
                overridable: true)
            let decree = CivilDate.ymd(2025, 6, 1)
            sanctionBounds = Parameter(
                key: "sanction_bounds",
                summary: "Bornes d'une décision de sanction (taux, durée, procédure), selon le régime en vigueur à la date de la décision.",
                periods: [
                    ParameterPeriod(from: nil, value: .legacy, references: [Law.legacySanctions],
                                    note: "première décision : au plus 80 %, 1 à 3 mois ; décisions suivantes : 1 à 4 mois"),
                    ParameterPeriod(from: decree, value: .decree2025, references: [Law.sanctionFirst, Law.sanctionBreach, Law.sanctions],
                                    note: "au moins 30 % ; premier manquement : suspension de 1 à 2 mois ; persistance, réitération, refus de contrôle : 1 à 4 mois"),
                ],
                overridable: false)
            sanctionNoticeDays = Parameter(
                key: "sanction_notice_days",
                summary: "Délai laissé pour présenter des observations après la notification des faits et de la sanction envisagée, en jours ; la décision est prise le lendemain du dernier jour au plus tôt.",
                periods: [ParameterPeriod(from: decree, value: 10, references: [Law.noticeArticle],
                                          note: "jour 0 = notification ; aucune procédure préalable sous le régime antérieur")],
                overridable: false)
            householdCapPercent = Parameter(
                key: "household_cap_percent",
                summary: "Taux maximal pour un foyer de plus d'une personne ou bénéficiant de la majoration pour isolement.",
                periods: [
                    ParameterPeriod(from: nil, value: 50, references: [Law.legacySanctions]),
                    ParameterPeriod(from: decree, value: 50, references: [Law.householdCap]),
                ],
                overridable: false)
            repetitionWindowMonths = Parameter(
                key: "repetition_window_months",
                summary: "Fenêtre de réitération : un manquement constaté dans ce délai après une décision sanctionnant un manquement antérieur est une réitération.",
                periods: [ParameterPeriod(from: decree, value: 24, references: [Law.repetitionWindow, Law.repetitionStart])],
                overridable: true)
            repetitionCountingFrom = Parameter(
                key: "repetition_counting_from",
                summary: "Seuls les manquements constatés à partir de cette date ouvrent une fenêtre de réitération.",
                periods: [ParameterPeriod(from: nil, value: decree, references: [Law.repetitionWindow])],
                overridable: false)
            repetitionStart = Parameter(
                key: "repetition_window_start",
                summary: "Point de départ de la fenêtre de réitération : la décision antérieure (decision) ou le début de la sanction (sanction_start).",
                periods: [ParameterPeriod(from: nil, value: .decision, references: [Law.repetitionStart])],
                overridable: true)
            repetitionResetOnReorientation = Parameter(
                key: "repetition_reset_on_reorientation",
                summary: "Une nouvelle décision d'orientation remet à zéro le compte des décisions pour la réitération.",
                periods: [ParameterPeriod(from: nil, value: true, references: [Law.repetitionStart])],
                overridable: true)
            repetitionAnchor = Parameter(
                key: "repetition_anchor",
                summary: "Décision d'où court la fenêtre de réitération : celle qui a sanctionné le premier manquement du cycle (first_decision) ou la dernière (latest_decision).",
                periods: [ParameterPeriod(from: nil, value: .firstDecision, references: [Law.repetitionAnchor],
                                          note: "la décision d'une réitération n'ouvre pas de nouvelle fenêtre ; un manquement constaté après la fenêtre ouvre un nouveau cycle")],
                overridable: true)
            sanctionAmountBase = Parameter(
                key: "sanction_amount_base",
                summary: "Montant mensuel auquel chaque mois d'une sanction applique son taux.",
                periods: [
                    ParameterPeriod(from: nil, value: .amountOnStart, references: [Law.sanctionAmounts],
                                    note: "le montant du dernier mois du trimestre de référence : le dernier montant mensuel connu au début de la sanction, pour chaque mois"),
                    ParameterPeriod(from: CivilDate.ymd(2027, 7, 1), value: .eachMonth, references: [Law.sanctionAmounts],
                                    note: "au plus tard à cette date (arrêté prévu par le décret n° 2025-478) : le montant dû pour chaque mois, le dernier connu au premier jour du mois"),
                ],
                overridable: false)
            refundLimitMonths = Parameter(
                key: "refund_limit_months",
                summary: "Après remobilisation, les sommes suspendues sont reversées dans la limite de ce nombre de mois.",
                periods: [ParameterPeriod(from: nil, value: 3, references: [Law.refundLimit])],
                overridable: true)
            closureSuppressionMonths = Parameter(
                key: "closure_suppression_months",
                summary: "Durée de la suppression totale qui doit avoir couru avant que le droit puisse être clos pour sanction.",
                periods: [ParameterPeriod(from: nil, value: 4, references: [Law.sanctionFirst, Law.rightEndSanction])],
                overridable: false)
            teamOpinionDeemedMonths = Parameter(
                key: "team_opinion_deemed_months",
                summary: "Régime antérieur au 2025-06-01 : l'avis de l'équipe pluridisciplinaire est réputé rendu ce nombre de mois après sa saisine.",
                periods: [ParameterPeriod(from: nil, value: 1, references: [Law.legacyProcedure],
                                          note: "« si elle ne s'est pas prononcée au terme de ce délai, son avis est réputé rendu »")],
                overridable: false)
            monthEnd = Parameter(
                key: "month_end",
                summary: "Compte des mois : le jour J du mois M+n, ou son dernier jour s'il n'a pas de jour J (last_day), ou le lendemain (next_day).",
                periods: [ParameterPeriod(from: nil, value: .lastDay, references: [Law.monthCounting],
                                          note: "2025-01-31 + 1 mois = 2025-02-28")],
                overridable: true)
            weekendExtension = Parameter(
                key: "weekend_extension",
                summary: "Report au lundi d'un délai expirant un samedi ou un dimanche.",
                periods: [ParameterPeriod(from: nil, value: false, references: [LegalReference(Law.interpretation, "pas de prorogation (jours calendaires)", .interpretation)],
                                          note: "aucun report pour les week-ends ni les jours fériés")],
                overridable: true)
        }
    }

    package final class Storage: Sendable {
        package let values: Values
        package init(_ values: Values) { self.values = values }
    }
}
