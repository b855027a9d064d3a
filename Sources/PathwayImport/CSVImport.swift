import PathwayMachinery
import PathwayLaw
/// CSV files through a declarative mapping (`Docs/import.md`): which columns make the person,
/// which events each row gives (type, date column, fields from columns, constants or
/// translation tables). Pure: bytes in, events out.
public enum CSVImport {
    // MARK: Reading the file

    /// A CSV file as rows of cells, with the encoding and separator it was read with.
    public struct Table: Sendable {
        public var header: [String]
        /// Each data row with its 1-based line number in the file.
        public var rows: [(line: Int, cells: [String])]
        public var encoding: String
        public var separator: Character
    }

    public enum Encoding: String, Sendable {
        case utf8 = "utf-8", windows1252 = "windows-1252"
    }

    /// Reads `bytes`: a UTF-8 byte-order mark, or valid UTF-8 throughout, is UTF-8, anything else
    /// windows-1252 (unless `encoding` is given); the separator is `;` or `,`, whichever the
    /// header holds more of (unless given). Quotes as RFC 4180.
    public static func table(_ bytes: [UInt8], encoding forced: Encoding? = nil, separator forcedSeparator: Character? = nil) -> Table {
        var body = bytes
        var encoding = forced
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body.removeFirst(3)
            if encoding == nil { encoding = .utf8 }
        }
        let chosen = encoding ?? (TextDecoding.isUTF8(body) ? .utf8 : .windows1252)
        let text = chosen == .utf8 ? String(decoding: body, as: UTF8.self) : TextDecoding.windows1252(body)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator = forcedSeparator ?? (firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ",")
        var records = parse(text, separator: separator)
        let header = records.isEmpty ? [] : records.removeFirst().cells.map(\.trimmingSpaces)
        return Table(header: header, rows: records.filter { !($0.cells.count == 1 && $0.cells[0].isEmpty) },
                     encoding: chosen.rawValue, separator: separator)
    }

    private static func parse(_ text: String, separator: Character) -> [(line: Int, cells: [String])] {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var start = 1
        var justClosed = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; justClosed = true } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    cell.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                if justClosed { cell.append("\"") }
                quoted = true
                justClosed = false
            case separator:
                cells.append(cell); cell = ""; justClosed = false
            case "\n", "\r\n", "\r":
                cells.append(cell); cell = ""
                records.append((start, cells)); cells = []
                line += 1; start = line; justClosed = false
            default:
                cell.append(ch); justClosed = false
            }
        }
        if !cell.isEmpty || !cells.isEmpty { cells.append(cell); records.append((start, cells)) }
        return records
    }

    // MARK: Mappings

    /// How a column becomes a field's value.
    public struct FieldSpec: Sendable {
        public var column: String?
        public var constant: String?
        /// Normalised value (lower case, no accents, single spaces) → value, or `nil`: the row
        /// gives no such event (a status that is not a fact).
        public var table: [String: String?]
        /// Substrings tried in order on the normalised value.
        public var patterns: [(String, String)]
        public var fallback: String?
    }

    public struct EventSpec: Sendable {
        public var type: EventType
        public var dateColumn: String
        public var fields: [(String, FieldSpec)]
    }

    public struct Mapping: Sendable {
        public var source: String
        public var matriculeColumn: String
        public var roleColumn: String
        public var events: [EventSpec]
        /// The event types the source records (`records`, `Docs/import.md`): the mapping's own
        /// types when it does not say. The replay judges by it what the log's sources can hold
        /// (``SourceDeclarations``).
        public var records: Set<EventType>

        /// Every column the mapping reads.
        public var columns: [String] {
            var seen = Set<String>()
            let all = [matriculeColumn, roleColumn] + events.flatMap { [$0.dateColumn] + $0.fields.compactMap(\.1.column) }
            return all.filter { seen.insert($0).inserted }
        }
    }

    public struct MappingError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A mapping from its JSON text.
    public static func mapping(_ json: JSONValue) throws(MappingError) -> Mapping {
        func member(_ value: JSONValue, _ key: String) -> JSONValue? {
            guard case .object(let members) = value else { return nil }
            return members.first { $0.key == key }?.value
        }
        func string(_ value: JSONValue?, _ what: String) throws(MappingError) -> String {
            guard case .string(let text)? = value, !text.isEmpty else { throw MappingError(message: "correspondance : \(what) doit être un texte non vide") }
            return text
        }
        guard case .object = json else { throw MappingError(message: "correspondance : un objet JSON était attendu") }
        let source = try string(member(json, "source"), "\"source\"")
        guard let person = member(json, "person") else { throw MappingError(message: "correspondance : « person » manque") }
        let matricule = try string(member(person, "matricule"), "\"person.matricule\"")
        let role = try string(member(person, "role"), "\"person.role\"")
        guard case .array(let specs)? = member(json, "events"), !specs.isEmpty else {
            throw MappingError(message: "correspondance : « events » doit être une liste non vide")
        }
        var events: [EventSpec] = []
        for (index, spec) in specs.enumerated() {
            let typeName = try string(member(spec, "type"), "\"events[\(index)].type\"")
            guard let type = EventType(rawValue: typeName) else {
                let hint = Suggestion.closest(to: typeName, in: EventType.allCases.map(\.rawValue)).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                throw MappingError(message: "correspondance : events[\(index)] : type d'événement inconnu « \(typeName) »\(hint)")
            }
            let date = try string(member(spec, "date"), "\"events[\(index)].date\"")
            var fields: [(String, FieldSpec)] = []
            if case .object(let members)? = member(spec, "fields") {
                for (key, value) in members {
                    guard Field.allCases.contains(where: { $0.name == key }) else {
                        throw MappingError(message: "correspondance : events[\(index)] : champ « \(key) » inconnu du journal d'événements")
                    }
                    var field = FieldSpec(column: nil, constant: nil, table: [:], patterns: [], fallback: nil)
                    if case .string(let text)? = member(value, "column") { field.column = text }
                    switch member(value, "value") {
                    case .string(let text)?: field.constant = text
                    case .number(let text)?: field.constant = text
                    case .bool(let flag)?: field.constant = flag ? "true" : "false"
                    default: break
                    }
                    if case .object(let table)? = member(value, "map") {
                        for (k, v) in table {
                            switch v {
                            case .string(let s): field.table[normalised(k)] = .some(s)
                            case .null: field.table[normalised(k)] = .some(nil)
                            default: throw MappingError(message: "correspondance : events[\(index)].fields.\(key).map : les valeurs sont des textes ou null")
                            }
                        }
                    }
                    if case .array(let list)? = member(value, "patterns") {
                        for item in list {
                            guard case .array(let pair) = item, pair.count == 2, case .string(let needle) = pair[0], case .string(let to) = pair[1] else {
                                throw MappingError(message: "mapping: events[\(index)].fields.\(key).patterns: pairs [substring, value]")
                            }
                            field.patterns.append((normalised(needle), to))
                        }
                    }
                    if case .string(let text)? = member(value, "default") { field.fallback = text }
                    guard field.column != nil || field.constant != nil else {
                        throw MappingError(message: "mapping: events[\(index)].fields.\(key): needs \"column\" or \"value\"")
                    }
                    fields.append((key, field))
                }
            }
            events.append(EventSpec(type: type, dateColumn: date, fields: fields))
        }
        var records = Set(events.map(\.type))
        switch member(json, "records") {
        case nil:
            break
        case .array(let list)?:
            records = []
            for (index, item) in list.enumerated() {
                guard case .string(let name) = item, let type = EventType(rawValue: name) else {
                    let hint = { () -> String in
                        guard case .string(let name) = item else { return "" }
                        return Suggestion.closest(to: name, in: EventType.allCases.map(\.rawValue)).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                    }()
                    throw MappingError(message: "correspondance : records[\(index)] : pas un type d'événement du journal\(hint)")
                }
                records.insert(type)
            }
        default:
            throw MappingError(message: "correspondance : « records » doit être une liste de types d'événements")
        }
        return Mapping(source: source, matriculeColumn: matricule, roleColumn: role, events: events, records: records)
    }

    // MARK: Rows to events

    /// A row or an event of a row left out, with why.
    public struct Skipped: Sendable, Equatable {
        public var line: Int
        public var column: String?
        public var reason: String

        package init(line: Int, column: String? = nil, reason: String) {
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// The columns of `mapping` missing from `header`, each with the closest header found.
    public static func missingColumns(_ mapping: Mapping, in header: [String]) -> [(column: String, closest: String?)] {
        let present = Set(header)
        return mapping.columns.filter { !present.contains($0) }.map { column in
            let lowered = header.map { $0.lowercased() }
            let closest = Suggestion.closest(to: column, in: lowered).flatMap { hit in header.first { $0.lowercased() == hit } }
            return (column, closest ?? header.first { normalised($0) == normalised(column) })
        }
    }

    /// The events of every row of `table` under `mapping`, and the rows or events left out.
    /// The events of `table` through `mapping`, the rows or events left out with why (`skipped`),
    /// and apart those that record no fact (`notFacts`: a future appointment, a status to be
    /// stated; counted, not an error).
    public static func events(_ table: Table, mapping: Mapping) -> (events: [ImportedEvent], skipped: [Skipped], rows: Int, notFacts: [Skipped]) {
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where index[name] == nil { index[name] = i }
        var events: [ImportedEvent] = []
        var skipped: [Skipped] = []
        var notFacts: [Skipped] = []
        func cell(_ row: [String], _ column: String) -> String? {
            guard let i = index[column], i < row.count else { return nil }
            let value = row[i].trimmingSpaces
            return value.isEmpty || value.uppercased() == "NULL" ? nil : value
        }
        for (line, row) in table.rows {
            guard let matricule = cell(row, mapping.matriculeColumn) else {
                skipped.append(Skipped(line: line, column: mapping.matriculeColumn, reason: "pas de numéro de dossier CAF"))
                continue
            }
            guard matricule.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
                skipped.append(Skipped(line: line, column: mapping.matriculeColumn, reason: "\(shown(matricule, closed: [])) n'est pas un numéro de dossier CAF (lettres et chiffres seulement)"))
                continue
            }
            let rawRole = cell(row, mapping.roleColumn) ?? ""
            guard let role = ImportIdentity.role(rawRole) else {
                skipped.append(Skipped(line: line, column: mapping.roleColumn,
                                       reason: "le rôle (\(shown(rawRole, closed: roleWords))) n'est pas celui d'un bénéficiaire (demandeur ou conjoint)"))
                continue
            }
            let person = ImportIdentity.person(matricule: matricule, role: role)
            spec: for spec in mapping.events {
                guard let rawDate = cell(row, spec.dateColumn) else { continue }
                guard let date = ImportDate.parse(rawDate) else {
                    skipped.append(Skipped(line: line, column: spec.dateColumn, reason: "\(shown(rawDate, closed: [])) n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)"))
                    continue
                }
                var fields: [(String, ImportedEvent.Value)] = []
                for (name, field) in spec.fields {
                    var value: String?
                    if let constant = field.constant { value = constant }
                    if let column = field.column {
                        let raw = cell(row, column)
                        if let raw {
                            let key = normalised(raw)
                            if let mapped = field.table[key] {
                                guard let mapped else {
                                    notFacts.append(Skipped(line: line, column: column, reason: "« \(raw) » n'est pas un fait (\(spec.type.rawValue) non enregistré)"))
                                    continue spec
                                }
                                value = mapped
                            } else if let hit = field.patterns.first(where: { key.contains($0.0) }) {
                                value = hit.1
                            } else if !field.table.isEmpty || !field.patterns.isEmpty {
                                guard let fallback = field.fallback else {
                                    skipped.append(Skipped(line: line, column: column, reason: "une valeur inconnue, \(shown(raw, closed: [])) (la correspondance traduit : \(field.table.keys.sorted().joined(separator: ", ")))"))
                                    continue spec
                                }
                                value = fallback
                            } else {
                                value = raw
                            }
                        } else if value == nil {
                            value = field.fallback
                        }
                    }
                    guard let value else { continue }
                    guard let typed = typed(name, value) else {
                        skipped.append(Skipped(line: line, column: field.column, reason: "\(shown(value, closed: Set(field.table.compactMap { $0.value }))) ne convient pas au champ \(name)"))
                        continue spec
                    }
                    fields.append((name, typed))
                }
                events.append(ImportedEvent(person: person, type: spec.type, date: date, fields: fields))
            }
        }
        return (events, skipped, table.rows.count, notFacts)
    }

    /// A cell's text as a message may show it: quoted when it is a date or a number (digits and
    /// separators) or a code of a closed list (`closed`, compared as written); else only its
    /// length. A column shifted by one puts a name or an address where a date was expected, and
    /// no message may repeat them.
    package static func shown(_ raw: String, closed: Set<String>) -> String {
        let dateOrNumber = raw.count <= 12 && raw.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "/-.,: ".unicodeScalars.contains($0) }
        if dateOrNumber || closed.contains(raw) || closed.contains(normalised(raw)) { return "« \(raw) »" }
        return "un texte de \(raw.count) caractère\(raw.count > 1 ? "s" : "")"
    }

    private static let roleWords: Set<String> = ["DEM", "CJT", "ENF", "AUT", "demandeur", "conjoint", "enfant"]

    private static let dateFields: Set<String> = ["notified", "ends", "starts"]
    private static let numberFields: Set<String> = ["weekly_hours", "hours", "monthly_amount"]
    private static let integerFields: Set<String> = ["household_size", "percent", "months", "proposed_percent", "proposed_months"]
    private static let boolFields: Set<String> = ["transfer", "single_parent_increase", "subject_to_duties", "extended_review",
                                                  "legitimate_reason", "proposed_by_france_travail"]

    private static func typed(_ field: String, _ value: String) -> ImportedEvent.Value? {
        if dateFields.contains(field) { return ImportDate.parse(value).map { .date($0) } }
        if integerFields.contains(field) { return Int(value).map { .int($0) } }
        if numberFields.contains(field) {
            let text = value.replacingCommas
            guard case .success = FixedPoint.parse(text: text, scale: 2) else { return nil }
            return .number(text)
        }
        if boolFields.contains(field) {
            switch normalised(value) {
            case "true", "1", "oui", "vrai", "o": return .bool(true)
            case "false", "0", "non", "faux", "n": return .bool(false)
            default: return nil
            }
        }
        return .text(value)
    }

    /// Lower case, accents removed, spaces single: how translation tables match values.
    public static func normalised(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.trimmingSpaces.lowercased().unicodeScalars {
            let plain: Character
            switch scalar {
            case "à", "â", "ä", "á": plain = "a"
            case "é", "è", "ê", "ë": plain = "e"
            case "î", "ï", "í": plain = "i"
            case "ô", "ö", "ó": plain = "o"
            case "ù", "û", "ü", "ú": plain = "u"
            case "ç": plain = "c"
            case "’": plain = "'"
            default: plain = Character(scalar)
            }
            if plain == " " || plain == "\t" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(plain)
        }
        return out
    }
}

/// Dates as départements' files write them: `dd/mm/yyyy`, ISO, ISO with a time.
public enum ImportDate {
    public static func parse(_ raw: String) -> CivilDate? {
        let text = raw.trimmingSpaces
        let day = text.prefix { $0 != " " && $0 != "T" }
        let parts = day.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CivilDate(year: y, month: m, day: d)
        }
        let iso = day.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            return CivilDate(year: y, month: m, day: d)
        }
        return nil
    }
}

extension String {
    /// `12,5` → `12.5` (a French decimal comma).
    package var replacingCommas: String { String(map { $0 == "," ? "." : $0 }) }
}
