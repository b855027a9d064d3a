import PathwayMachinery
/// Hours by R5411-15 category, in fixed fields (no hashing and no heap storage on the hot path).
public struct CategoryHours: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    // One field per category of R5411-15, in hundredths: a person has one of these per week
    // under contract, so they hold no heap storage.
    private var workPlacement = 0
    private var training = 0
    private var jobSearch = 0
    private var support = 0
    private var accessToRights = 0
    private var professionalActivity = 0

    public init() {}

    public init(dictionaryLiteral elements: (ActivityCategory, Hours)...) {
        for (category, hours) in elements { self[category] += hours }
    }

    public subscript(category: ActivityCategory) -> Hours {
        get { Hours(hundredths: hundredths(category)) }
        set {
            switch category {
            case .workPlacement: workPlacement = newValue.hundredths
            case .training: training = newValue.hundredths
            case .jobSearch: jobSearch = newValue.hundredths
            case .support: support = newValue.hundredths
            case .accessToRights: accessToRights = newValue.hundredths
            case .professionalActivity: professionalActivity = newValue.hundredths
            }
        }
    }

    private func hundredths(_ category: ActivityCategory) -> Int {
        switch category {
        case .workPlacement: return workPlacement
        case .training: return training
        case .jobSearch: return jobSearch
        case .support: return support
        case .accessToRights: return accessToRights
        case .professionalActivity: return professionalActivity
        }
    }

    /// The categories with hours, in the order of R5411-15.
    public var nonZero: [(category: ActivityCategory, hours: Hours)] {
        ActivityCategory.allCases.compactMap { c in hundredths(c) == 0 ? nil : (c, Hours(hundredths: hundredths(c))) }
    }

    public var isEmpty: Bool { self == CategoryHours() }

    package static func += (lhs: inout CategoryHours, rhs: CategoryHours) {
        lhs.workPlacement += rhs.workPlacement
        lhs.training += rhs.training
        lhs.jobSearch += rhs.jobSearch
        lhs.support += rhs.support
        lhs.accessToRights += rhs.accessToRights
        lhs.professionalActivity += rhs.professionalActivity
    }
}

/// Appointments by status, in fixed fields.
public struct AppointmentCounts: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var attended = 0
    public var missed = 0
    public var excused = 0

    public init() {}

    public init(dictionaryLiteral elements: (AppointmentStatus, Int)...) {
        for (status, count) in elements { self[status] += count }
    }

    public subscript(status: AppointmentStatus) -> Int {
        get {
            switch status {
            case .attended: return attended
            case .missed: return missed
            case .excused: return excused
            }
        }
        set {
            switch status {
            case .attended: attended = newValue
            case .missed: missed = newValue
            case .excused: excused = newValue
            }
        }
    }

    public var total: Int { attended + missed + excused }

    /// missed / (attended + missed + excused) in per mille, `nil` without appointments.
    public var noShowPerMille: Int? { Ratio.perMille(missed, total) }

    package static func += (lhs: inout AppointmentCounts, rhs: AppointmentCounts) {
        lhs.attended += rhs.attended
        lhs.missed += rhs.missed
        lhs.excused += rhs.excused
    }
}
