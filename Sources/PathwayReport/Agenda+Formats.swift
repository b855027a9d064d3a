import PathwayMachinery
import PathwayLaw

/// The agenda (`pathway due`, ``Report/agenda(within:overdue:)``) written out: JSON, CSV or the
/// French text a caseworker reads.
public enum Agenda {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, csv
    }
}

extension Report {
    /// The deadlines falling due from `as_of` to `within` days later (and those passed, with
    /// `overdue`), in `format`.
    public func agendaText(within: Int, overdue: Bool = false, format: Agenda.Format) -> String {
        guard let asOf else { return "" }
        let items = agenda(within: within, overdue: overdue)
        let until = asOf.adding(days: within)
        switch format {
        case .json:
            let value = JSONValue.object([
                ("as_of", .string(asOf.description)),
                ("within_days", .number(String(within))),
                ("until", .string(until.description)),
                ("items", .array(items.map { item in
                    .object([
                        ("person", .string(item.person)),
                        ("kind", .string(item.kind.rawValue)),
                        ("rule", item.rule.map { .string($0.rawValue) } ?? .null),
                        ("due", .string(item.due.description)),
                        ("start", .string(item.start.description)),
                        ("event", .string(item.event)),
                        ("passed", .bool(item.passed)),
                    ])
                })),
            ])
            return value.serialized() + "\n"
        case .csv:
            var out = "due,person,kind,rule,start,event,passed\r\n"
            for item in items {
                out += [item.due.description, item.person, item.kind.rawValue, item.rule?.rawValue ?? "", item.start.description,
                        item.event, item.passed ? "true" : "false"].map(Report.csvField).joined(separator: ",") + "\r\n"
            }
            return out
        case .text:
            var out = "ÉCHÉANCES DU \(asOf) AU \(until) (\(within) jour\(within > 1 ? "s" : "")) — "
            let people = Set(items.map(\.person)).count
            out += "\(items.count) échéance\(items.count > 1 ? "s" : ""), \(people) personne\(people > 1 ? "s" : "")\n"
            if items.isEmpty { out += "  Aucune échéance.\n" }
            for item in items {
                out += "  \(item.due)  \(item.person)  \(item.passed ? "[dépassé] " : "")\(item.rule?.rawValue ?? "suspension")  \(item.label)\n"
            }
            return out
        }
    }
}
