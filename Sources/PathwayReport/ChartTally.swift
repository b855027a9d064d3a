import PathwayLaw
/// What the HTML report's charts draw, gathered person by person as the indicators are
/// (``Indicators/Tally``), and added up across reports: a merged report (`pathway merge`) draws
/// the same charts as the replay of the whole. In the JSON report: `merge.indicators.charts`.
package struct ChartTally: Sendable {
    /// The done steps of the orientation and contract deadlines, by days from day 0, on time and
    /// late (the delay histograms).
    var orientationOnTime = DayCounts(), orientationLate = DayCounts()
    var contractOnTime = DayCounts(), contractLate = DayCounts()
    /// Orientation deadlines passed (on time, late, missing), by month of day 0: [on time, judged].
    var orientationByMonth: [String: [Int]] = [:]
    /// Sanction decisions by month: [decisions, withheld, refunded, lost] (cents).
    var sanctionsByMonth: [String: [Int64]] = [:]
    /// Per dominante of the orientation in force: [hours done, hours planned, days under contract].
    var hours: [Dominante: [Int]] = [:]

    package init() {}

    mutating func add(_ person: PersonReport) {
        let table = RuleSet.law.table
        let (orientation, contract) = (table.rule(for: .orientation), table.rule(for: .contract))
        for r in person.records {
            if (r.status == .onTime || r.status == .late), let days = r.days {
                if r.deadline.rule == orientation {
                    if r.status == .onTime { orientationOnTime.add(days) } else { orientationLate.add(days) }
                } else if r.deadline.rule == contract {
                    if r.status == .onTime { contractOnTime.add(days) } else { contractLate.add(days) }
                }
            }
            if r.deadline.rule == orientation && (r.status == .onTime || r.status == .late || r.status == .missing) {
                let key = String(r.deadline.start.description.prefix(7))
                var cell = orientationByMonth[key] ?? [0, 0]
                cell[1] += 1
                if r.status == .onTime { cell[0] += 1 }
                orientationByMonth[key] = cell
            }
        }
        for s in person.sanctions {
            let key = String(s.record.date.description.prefix(7))
            var cell = sanctionsByMonth[key] ?? [0, 0, 0, 0]
            cell[0] += 1
            if let a = s.amounts {
                cell[1] += a.withheld.value
                cell[2] += a.refunded.value
                cell[3] += a.lost.value
            }
            sanctionsByMonth[key] = cell
        }
        if let d = person.state.orientation?.decision.dominante, person.intensity.daysUnderContract > 0 {
            var cell = hours[d] ?? [0, 0, 0]
            cell[0] += person.intensity.hoursDone.hundredths
            cell[1] += person.intensity.hoursPlanned.hundredths
            cell[2] += person.intensity.daysUnderContract
            hours[d] = cell
        }
    }

    mutating func merge(_ other: ChartTally) {
        orientationOnTime.merge(other.orientationOnTime)
        orientationLate.merge(other.orientationLate)
        contractOnTime.merge(other.contractOnTime)
        contractLate.merge(other.contractLate)
        orientationByMonth.merge(other.orientationByMonth) { zip($0, $1).map(+) }
        sanctionsByMonth.merge(other.sanctionsByMonth) { zip($0, $1).map(+) }
        hours.merge(other.hours) { zip($0, $1).map(+) }
    }

    // MARK: JSON (`merge.indicators.charts`)

    private static func days(_ counts: DayCounts) -> JSONValue { .object(counts.sorted.map { (String($0.day), .int($0.count)) }) }

    var json: JSONValue {
        func months<T>(_ cells: [String: [T]], _ value: (T) -> JSONValue) -> JSONValue {
            .object(cells.keys.sorted().map { ($0, .array(cells[$0]!.map(value))) })
        }
        return .object([
            ("orientation_on_time", Self.days(orientationOnTime)), ("orientation_late", Self.days(orientationLate)),
            ("contract_on_time", Self.days(contractOnTime)), ("contract_late", Self.days(contractLate)),
            ("orientation_by_month", months(orientationByMonth) { .int($0) }),
            ("sanctions_by_month", months(sanctionsByMonth) { .number(String($0)) }),
            ("hours", .object(Dominante.allCases.compactMap { d in hours[d].map { (d.rawValue, .array($0.map { .int($0) })) } })),
        ])
    }

    init(json: JSONValue, at path: String) throws(ReportReadError) {
        let r = ReportReader(json, path + " (merge.indicators.charts)")
        func bad(_ key: String) -> ReportReadError {
            ReportReadError(path: r.path, message: "le champ charts.\(key) est mal formé : ce n'est pas un rapport JSON de pathway replay qui se fusionne")
        }
        func days(_ key: String) throws(ReportReadError) -> DayCounts {
            var counts = DayCounts()
            for (d, n) in try r.object(key) {
                guard let day = Int(d), case .number(let text) = n, let count = Int(text), count > 0 else { throw bad(key) }
                counts.add(day, count: count)
            }
            return counts
        }
        func cells<T>(_ key: String, width: Int, _ read: (String) -> T?) throws(ReportReadError) -> [String: [T]] {
            var result: [String: [T]] = [:]
            for (k, v) in try r.object(key) {
                guard case .array(let items) = v, items.count == width else { throw bad(key) }
                var row: [T] = []
                for item in items {
                    guard case .number(let text) = item, let value = read(text) else { throw bad(key) }
                    row.append(value)
                }
                result[k] = row
            }
            return result
        }
        orientationOnTime = try days("orientation_on_time")
        orientationLate = try days("orientation_late")
        contractOnTime = try days("contract_on_time")
        contractLate = try days("contract_late")
        orientationByMonth = try cells("orientation_by_month", width: 2) { Int($0) }
        sanctionsByMonth = try cells("sanctions_by_month", width: 4) { Int64($0) }
        for (k, v) in try cells("hours", width: 3, { Int($0) }) {
            guard let d = Dominante(rawValue: k) else { throw bad("hours") }
            hours[d] = v
        }
    }
}
