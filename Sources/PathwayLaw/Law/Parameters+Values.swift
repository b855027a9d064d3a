import PathwayMachinery
/// The table of the law's values: each parameter with its dated periods and their references
/// (``Parameters`` gives access to them, one stored table shared between copies).
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
        package var appealMonths: Parameter<Int>
        package var appealPeriodFranc: Parameter<Bool>
        package var appealAnswerMonths: Parameter<Int>
        package var appealCommissionMonths: Parameter<Int>
        package var newEntrantTargetDays: Parameter<Int>
        package var followUpResetMonths: Parameter<Int>
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
            appealMonths = Parameter(
                key: "appeal_months",
                summary: "Délai du recours administratif préalable, en mois depuis la notification de la décision contestée.",
                periods: [ParameterPeriod(from: nil, value: 2, references: [Law.appealPeriod])],
                overridable: false)
            appealPeriodFranc = Parameter(
                key: "appeal_period_franc",
                summary: "Délai de recours compté franc : un jour de plus après le dernier jour (true) ou non (false).",
                periods: [ParameterPeriod(from: nil, value: true, references: [Law.appealFranc],
                                          note: "délai franc, comme les délais de procédure administrative")],
                overridable: true)
            appealAnswerMonths = Parameter(
                key: "appeal_answer_months",
                summary: "Délai de réponse du président à un recours non soumis à la commission de recours amiable, en mois.",
                periods: [ParameterPeriod(from: nil, value: 2, references: [Law.appealAnswer])],
                overridable: false)
            appealCommissionMonths = Parameter(
                key: "appeal_commission_months",
                summary: "Délai de la commission de recours amiable pour son avis (réputé rendu ensuite), et du président après l'avis, en mois.",
                periods: [ParameterPeriod(from: nil, value: 1, references: [Law.appealCommission])],
                overridable: false)
            newEntrantTargetDays = Parameter(
                key: "new_entrant_target_days",
                summary: "Nouveaux entrants : orientés dans la cible quand l'orientation est notifiée avant l'entrée + ce nombre de jours.",
                periods: [ParameterPeriod(from: nil, value: 15, references: [Law.newEntrants],
                                          note: "« orientés en 15 jours et moins » : T0 le 01/03, courrier avant le 16/03")],
                overridable: true)
            followUpResetMonths = Parameter(
                key: "follow_up_reset_months",
                summary: "Nouveaux entrants : une suspension du versement de plus de ce nombre de mois clôt le suivi ; la reprise en ouvre un nouveau.",
                periods: [ParameterPeriod(from: nil, value: 12, references: [Law.newEntrants])],
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
