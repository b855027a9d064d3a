/// Hours by R5411-15 category, in a fixed array (no hashing on the hot path).
public struct CategoryHours: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var hundredths: [Int] = [Int](repeating: 0, count: ActivityCategory.allCases.count)

    public init() {}

    public init(dictionaryLiteral elements: (ActivityCategory, Hours)...) {
        for (category, hours) in elements { self[category] += hours }
    }

    public subscript(category: ActivityCategory) -> Hours {
        get { Hours(hundredths: hundredths[category.index]) }
        set { hundredths[category.index] = newValue.hundredths }
    }

    /// The categories with hours, in the order of R5411-15.
    public var nonZero: [(category: ActivityCategory, hours: Hours)] {
        ActivityCategory.allCases.compactMap { c in hundredths[c.index] == 0 ? nil : (c, Hours(hundredths: hundredths[c.index])) }
    }

    public var isEmpty: Bool { !hundredths.contains { $0 != 0 } }

    static func += (lhs: inout CategoryHours, rhs: CategoryHours) {
        for i in lhs.hundredths.indices { lhs.hundredths[i] += rhs.hundredths[i] }
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

    static func += (lhs: inout AppointmentCounts, rhs: AppointmentCounts) {
        lhs.attended += rhs.attended
        lhs.missed += rhs.missed
        lhs.excused += rhs.excused
    }
}

extension ActivityCategory {
    /// Position in R5411-15's list.
    var index: Int {
        switch self {
        case .workPlacement: return 0
        case .training: return 1
        case .jobSearch: return 2
        case .support: return 3
        case .accessToRights: return 4
        case .professionalActivity: return 5
        }
    }
}
