import PathwayMachinery
/// A département's local parameters: a JSON object whose keys are overridable parameters.
///
/// ```json
/// { "orientation_target_days": 15, "stock_deadline": "2028-01-01" }
/// ```
/// Unknown keys, values of the wrong type and keys that the law fixes are errors.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key at fault, if any.
    public var key: String?
    public var message: String

    public var description: String {
        key.map { "« \($0) » : \(message)" } ?? message
    }
}

extension Parameters {
    /// This table with the values of a configuration file applied.
    public func applying(_ config: JSONValue) throws(ConfigError) -> Parameters {
        guard case .object(let members) = config else {
            throw ConfigError(key: nil, message: "un objet JSON de paramètres était attendu, par exemple {\"orientation_target_days\": 15}")
        }
        var result = self
        var seen = Set<String>()
        for (key, value) in members {
            guard seen.insert(key).inserted else { throw ConfigError(key: key, message: "apparaît deux fois") }
            try result.apply(key: key, value: value)
            result.overrides[key] = Parameters.render(value)
        }
        return result
    }

    /// The keys a configuration file may set.
    public var overridableKeys: [String] { all.filter(\.overridable).map(\.key) }

    private mutating func apply(key: String, value: JSONValue) throws(ConfigError) {
        switch key {
        case orientationDeadlineDays.key:
            orientationDeadlineDays = orientationDeadlineDays.overridden(with: try Parameters.integer(key, value, 1...366))
        case orientationTargetDays.key:
            orientationTargetDays = orientationTargetDays.overridden(with: try Parameters.integer(key, value, 1...366))
        case contractTargetDays.key:
            contractTargetDays = contractTargetDays.overridden(with: try Parameters.integer(key, value, 1...366))
        case intensityWindowWeeks.key:
            intensityWindowWeeks = intensityWindowWeeks.overridden(with: try Parameters.integer(key, value, 1...52))
        case newEntrantTargetDays.key:
            newEntrantTargetDays = newEntrantTargetDays.overridden(with: try Parameters.integer(key, value, 1...366))
        case intensityRequiresActivity.key:
            guard case .bool(let flag) = value else {
                throw ConfigError(key: key, message: "true ou false était attendu, reçu \(Parameters.render(value))")
            }
            intensityRequiresActivity = intensityRequiresActivity.overridden(with: flag)
        case stockDeadline.key:
            guard case .string(let text) = value, let date = CivilDate(text) else {
                throw ConfigError(key: key, message: "une date \"AAAA-MM-JJ\" était attendue, reçu \(Parameters.render(value))")
            }
            stockDeadline = stockDeadline.overridden(with: date)
        case repetitionWindowMonths.key:
            repetitionWindowMonths = repetitionWindowMonths.overridden(with: try Parameters.integer(key, value, 1...120))
        case refundLimitMonths.key:
            refundLimitMonths = refundLimitMonths.overridden(with: try Parameters.integer(key, value, 0...12))
        case repetitionStart.key:
            guard case .string(let text) = value, let choice = RepetitionStart(rawValue: text) else {
                throw ConfigError(key: key, message: "\"decision\" ou \"sanction_start\" était attendu, reçu \(Parameters.render(value))")
            }
            repetitionStart = repetitionStart.overridden(with: choice)
        case repetitionAnchor.key:
            guard case .string(let text) = value, let choice = RepetitionAnchor(rawValue: text) else {
                throw ConfigError(key: key, message: "\"first_decision\" ou \"latest_decision\" était attendu, reçu \(Parameters.render(value))")
            }
            repetitionAnchor = repetitionAnchor.overridden(with: choice)
        case reductionGrounds.key:
            guard case .array(let items) = value else {
                throw ConfigError(key: key, message: "une liste de motifs était attendue (\(ReductionReason.allCases.map(\.rawValue).joined(separator: ", "))), reçu \(Parameters.render(value))")
            }
            var grounds: [ReductionReason] = []
            for item in items {
                guard case .string(let text) = item, let ground = ReductionReason(rawValue: text) else {
                    throw ConfigError(key: key, message: "des motifs parmi \(ReductionReason.allCases.map(\.rawValue).joined(separator: ", ")) étaient attendus, reçu \(Parameters.render(item))")
                }
                if !grounds.contains(ground) { grounds.append(ground) }
            }
            reductionGrounds = reductionGrounds.overridden(with: grounds)
        case repetitionResetOnReorientation.key:
            guard case .bool(let flag) = value else {
                throw ConfigError(key: key, message: "true ou false était attendu, reçu \(Parameters.render(value))")
            }
            repetitionResetOnReorientation = repetitionResetOnReorientation.overridden(with: flag)
        case monthEnd.key:
            guard case .string(let text) = value, let choice = CivilDate.MonthEnd(rawValue: text) else {
                throw ConfigError(key: key, message: "\"last_day\" ou \"next_day\" était attendu, reçu \(Parameters.render(value))")
            }
            monthEnd = monthEnd.overridden(with: choice)
        case weekendExtension.key:
            guard case .bool(let flag) = value else {
                throw ConfigError(key: key, message: "true ou false était attendu, reçu \(Parameters.render(value))")
            }
            weekendExtension = weekendExtension.overridden(with: flag)
        case appealPeriodFranc.key:
            guard case .bool(let flag) = value else {
                throw ConfigError(key: key, message: "true ou false était attendu, reçu \(Parameters.render(value))")
            }
            appealPeriodFranc = appealPeriodFranc.overridden(with: flag)
        default:
            if let fixed = all.first(where: { $0.key == key }) {
                throw ConfigError(key: key, message: "est fixé par le droit (\(fixed.periods.last?.references.cited ?? "")) et ne peut pas être remplacé ; clés modifiables : \(overridableKeys.joined(separator: ", "))")
            }
            let hint = Suggestion.closest(to: key, in: overridableKeys).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
            throw ConfigError(key: key, message: "paramètre inconnu\(hint) ; clés connues : \(overridableKeys.joined(separator: ", "))")
        }
    }

    private static func integer(_ key: String, _ value: JSONValue, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let text) = value, let number = Int(text), range.contains(number) else {
            throw ConfigError(key: key, message: "un entier de \(range.lowerBound) à \(range.upperBound) était attendu, reçu \(render(value))")
        }
        return number
    }

    package static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let n): return n
        case .string(let s): return "\"\(s)\""
        case .array, .object: return value.serialized(pretty: false)
        }
    }
}
