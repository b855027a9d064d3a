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

    // MARK: Appeals

    /// The months to appeal from the decision's notification (CASF R262-88) [P].
    public var appealMonths: Parameter<Int> {
        _read { yield storage.values.appealMonths }
        _modify {
            var values = storage.values
            yield &values.appealMonths
            storage = Storage(values)
        }
    }
    /// Whether the appeal period is counted "franc", one day more [I].
    public var appealPeriodFranc: Parameter<Bool> {
        _read { yield storage.values.appealPeriodFranc }
        _modify {
            var values = storage.values
            yield &values.appealPeriodFranc
            storage = Storage(values)
        }
    }
    /// The months the PCD has to answer an appeal not referred to the commission (R262-89) [P].
    public var appealAnswerMonths: Parameter<Int> {
        _read { yield storage.values.appealAnswerMonths }
        _modify {
            var values = storage.values
            yield &values.appealAnswerMonths
            storage = Storage(values)
        }
    }
    /// The month of the commission de recours amiable for its opinion, and of the PCD after it (R262-90) [P].
    public var appealCommissionMonths: Parameter<Int> {
        _read { yield storage.values.appealCommissionMonths }
        _modify {
            var values = storage.values
            yield &values.appealCommissionMonths
            storage = Storage(values)
        }
    }

    // MARK: New entrants

    /// The new entrants' target: oriented before entry + this many days (the national reporting, seeds 002 and 003) [S].
    public var newEntrantTargetDays: Parameter<Int> {
        _read { yield storage.values.newEntrantTargetDays }
        _modify {
            var values = storage.values
            yield &values.newEntrantTargetDays
            storage = Storage(values)
        }
    }
    /// A payment suspended more than this many months closes the follow-up: its resumption starts a new one [S].
    public var followUpResetMonths: Parameter<Int> {
        _read { yield storage.values.followUpResetMonths }
        _modify {
            var values = storage.values
            yield &values.followUpResetMonths
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
            ParameterDescription(appealMonths, render: int),
            ParameterDescription(appealPeriodFranc, render: { String($0) }),
            ParameterDescription(appealAnswerMonths, render: int),
            ParameterDescription(appealCommissionMonths, render: int),
            ParameterDescription(newEntrantTargetDays, render: int),
            ParameterDescription(followUpResetMonths, render: int),
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
