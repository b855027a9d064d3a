import PathwayLaw
/// What the HTML report's month charts draw and the indicators do not count, gathered person by
/// person as the indicators are (``Indicators/Tally``) and added up across reports: a merged
/// report (`pathway merge`) draws the same charts as the replay of the whole. The delay
/// histograms and the hours by dominante come from the indicators' own tallies. In the JSON
/// report: `merge.indicators.charts`.
package struct ChartTally: Sendable {
    /// Orientation deadlines passed (on time, late, missing), by month of day 0 (`year * 12 +
    /// month - 1`): [on time, judged].
    var orientationByMonth: [Int: [Int]] = [:]
    /// Sanction decisions by month: [decisions, withheld, refunded, lost] (cents).
    var sanctionsByMonth: [Int: [Int64]] = [:]

    package init() {}

    private static func month(_ day: CivilDate) -> Int { day.year * 12 + day.month - 1 }

    /// `2025-03`.
    static func name(_ month: Int) -> String {
        let m = month % 12 + 1
        return "\(month / 12)-\(m < 10 ? "0" : "")\(m)"
    }

    mutating func add(_ person: Lent<PersonReport>) {
        let orientation = RuleSet.law.table.rule(for: .orientation)
        for r in person.value.records where r.deadline.rule == orientation && (r.status == .onTime || r.status == .late || r.status == .missing) {
            let key = Self.month(r.deadline.start)
            var cell = orientationByMonth[key] ?? [0, 0]
            cell[1] += 1
            if r.status == .onTime { cell[0] += 1 }
            orientationByMonth[key] = cell
        }
        for s in person.value.sanctions {
            let key = Self.month(s.record.date)
            var cell = sanctionsByMonth[key] ?? [0, 0, 0, 0]
            cell[0] += 1
            if let a = s.amounts {
                cell[1] += a.withheld.value
                cell[2] += a.refunded.value
                cell[3] += a.lost.value
            }
            sanctionsByMonth[key] = cell
        }
    }

    mutating func merge(_ other: ChartTally) {
        orientationByMonth.merge(other.orientationByMonth) { zip($0, $1).map(+) }
        sanctionsByMonth.merge(other.sanctionsByMonth) { zip($0, $1).map(+) }
    }

    /// The months of `cells` by name (`2025-03`), for the charts.
    static func named<T>(_ cells: [Int: T]) -> [String: T] {
        Dictionary(uniqueKeysWithValues: cells.map { (name($0.key), $0.value) })
    }

    // MARK: JSON (`merge.indicators.charts`)

    var json: JSONValue {
        func months<T>(_ cells: [Int: [T]], _ value: (T) -> JSONValue) -> JSONValue {
            .object(cells.sorted { $0.key < $1.key }.map { (Self.name($0.key), .array($0.value.map(value))) })
        }
        return .object([
            ("orientation_by_month", months(orientationByMonth) { .int($0) }),
            ("sanctions_by_month", months(sanctionsByMonth) { .number(String($0)) }),
        ])
    }

    init(json: JSONValue, at path: String) throws(ReportReadError) {
        let r = ReportReader(json, path + " (merge.indicators.charts)")
        func bad(_ key: String) -> ReportReadError {
            ReportReadError(path: r.path, message: "le champ charts.\(key) est mal formé : ce n'est pas un rapport JSON de pathway replay qui se fusionne")
        }
        func cells<T>(_ key: String, width: Int, _ read: (String) -> T?) throws(ReportReadError) -> [Int: [T]] {
            var result: [Int: [T]] = [:]
            for (k, v) in try r.object(key) {
                let parts = k.split(separator: "-")
                guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month),
                      case .array(let items) = v, items.count == width else { throw bad(key) }
                var row: [T] = []
                for item in items {
                    guard case .number(let text) = item, let value = read(text) else { throw bad(key) }
                    row.append(value)
                }
                result[year * 12 + month - 1] = row
            }
            return result
        }
        orientationByMonth = try cells("orientation_by_month", width: 2) { Int($0) }
        sanctionsByMonth = try cells("sanctions_by_month", width: 4) { Int64($0) }
    }
}
