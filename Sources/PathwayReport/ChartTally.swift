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

    /// The rule of the orientation deadline, looked up once (at each person, its lookup in the
    /// rules' table cost more than the person's count).
    private static let orientation = RuleSet.law.table.rule(for: .orientation)

    /// `2025-03`.
    static func name(_ month: Int) -> String {
        let m = month % 12 + 1
        return "\(month / 12)-\(m < 10 ? "0" : "")\(m)"
    }

    /// Counts one person. Each month's cell is changed where it lies in its dictionary (read out,
    /// changed and put back, it was copied each time), and the records and sanctions are read
    /// where they lie (each was copied, its references counted).
    mutating func add(_ person: Lent<PersonReport>) {
        let orientation = ChartTally.orientation
        let records = person.value.records
        for k in records.indices where records[k].deadline.rule == orientation {
            let status = records[k].status
            guard status == .onTime || status == .late || status == .missing else { continue }
            ChartTally.count(&orientationByMonth[Self.month(records[k].deadline.start), default: [0, 0]], onTime: status == .onTime)
        }
        let sanctions = person.value.sanctions
        for k in sanctions.indices {
            ChartTally.count(&sanctionsByMonth[Self.month(sanctions[k].record.date), default: [0, 0, 0, 0]], sanctions[k].amounts)
        }
    }

    /// An orientation deadline passed: [on time, judged].
    private static func count(_ cell: inout [Int], onTime: Bool) {
        cell[1] += 1
        if onTime { cell[0] += 1 }
    }

    /// A sanction decision: [decisions, withheld, refunded, lost].
    private static func count(_ cell: inout [Int64], _ amounts: SanctionAmounts?) {
        cell[0] += 1
        if let a = amounts {
            cell[1] += a.withheld.value
            cell[2] += a.refunded.value
            cell[3] += a.lost.value
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
