import PathwayMachinery
import PathwayLaw
/// `pathway merge`: JSON reports of disjoint sets of people, replayed with the same `as_of`,
/// parameters and version, combined into the report one replay of all their inputs gives, byte
/// for byte (`Docs/report.md`, "Merging reports"). What merging needs beyond the report's own
/// fields travels in its `merge` member.
extension Report {
    /// The JSON report's `merge` member, written as it is built: its timelines (a hundred people,
    /// every event of theirs with its words) are most of it, and a tree of values made for them
    /// first, then destroyed, cost as much as the rest of the report at 10^5 events.
    package func writeMerge(to w: inout JSONWriter, jobs: Int = 1) {
        w.object { w in
            w.field("files", value: .array(provenance.files.map { f in
                .object([("file", .string(f.file)), ("lines", .int(f.lines)), ("events", .int(f.events)),
                         ("duplicates", .int(f.duplicates)), ("rejected", .int(f.rejected)), ("blank", .int(f.blank))])
            }))
            w.field("sources", value: .object([
                ("every_event_named", .bool(provenance.everyEventNamesSource)),
                ("names", .array(provenance.sources.map { s in
                    .object([("name", .string(s.name)), ("records", s.records.map { .array($0.map { .string($0.rawValue) }) } ?? .null)])
                })),
            ]))
            w.field("indicators", value: indicators.tally.exactJSON)
            w.field("latest", value: provenance.latest.map { .object([("event", .string($0.event)), ("count", .int($0.count))]) } ?? .null)
            w.field("timelines") { w in
                w.array { w in
                    // Rendered apart, a run of timelines on each thread, then written in order:
                    // on the writing thread alone, they took 4 ms at 10^6 events while the
                    // others waited.
                    let runs = JSONWriter.runs(of: timelines.indices, runs: min(timelines.count, max(1, jobs)), jobs: jobs,
                                               depth: w.elementDepth, capacity: { _ in 65_536 }) { i, part in
                        timelines[i].write(to: &part)
                    }
                    for run in runs where w.openRun(count: run.count) { run.withBytes { w.rendered($0) } }
                }
            }
            if !byFile.isEmpty {
                w.field("by_file", value: .array(byFile.map { $0.indicators.tally.exactJSON }))
            }
        }
    }
}

/// Several JSON reports combined (`pathway merge`).
public struct ReportMerge {
    /// One report to merge: where it was read (for messages) and its bytes.
    public struct Part {
        public var path: String
        package var bytes: ReportBytes
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = ReportBytes(copying: bytes)
        }
        /// A report the caller keeps in memory (a mapped file) for as long as the merge is used.
        package init(path: String, borrowing bytes: ReportBytes) {
            self.path = path
            self.bytes = bytes
        }
    }

    private struct Read {
        var path: String
        var bytes: ReportBytes
        var slices: ReportSlices
        var generator: String
        var asOf: String
        var overrides: JSONValue
        var input: Report.Input
        var files: [Report.FileCounts]
        var everyEventNamed: Bool
        var sources: [Report.Provenance.Source]
        var rejected: [LineError]
        var notJudged: [String]
        var warnings: [String]
        var tally: Indicators.Tally
        var byFile: [(file: String, tally: Indicators.Tally)]
        var timelines: [Timeline]
        var latest: Report.Provenance.Latest?
    }

    /// The merged report, without its people and findings (written from their parts' bytes by
    /// `writeJSON(through:)`, read back by `findings()`).
    public private(set) var report: Report
    /// `generator` of the reports merged (the same in all).
    public private(set) var generator: String
    private var parts: [Read]
    /// Each merged element: its part and its index there, in the report's order.
    private var peopleOrder: [(part: Int, index: Int)]
    private var findingsOrder: [(part: Int, index: Int)]

    /// Merges `parts`; `byFile` adds `indicators.by_file` (one entry per input file name).
    /// Refused with the file and the reason: a part that is not a report of `pathway replay`
    /// that merges, reports of different `as_of`, parameters or version, a person in two parts.
    public init(_ given: [Part], byFile: Bool = false) throws(ReportReadError) {
        guard !given.isEmpty else { throw ReportReadError(path: "pathway merge", message: "aucun rapport à fusionner") }
        var parts: [Read] = []
        for part in given { parts.append(try ReportMerge.read(part)) }
        // The same version, date and parameters everywhere.
        let first = parts[0]
        for p in parts.dropFirst() {
            if p.generator != first.generator {
                throw ReportReadError(path: p.path, message: "rapport écrit par \(p.generator), et \(first.path) par \(first.generator) : des rapports de versions différentes ne se fusionnent pas")
            }
            if p.asOf != first.asOf {
                throw ReportReadError(path: p.path, message: "date d'audit (as_of) \(p.asOf), et \(first.asOf) dans \(first.path) : rejouez les parties avec le même --as-of")
            }
            if p.overrides != first.overrides {
                // The keys that differ, each with its value here and there.
                func members(_ v: JSONValue) -> [(key: String, value: JSONValue)] { if case .object(let m) = v { return m } else { return [] } }
                let (mine, theirs) = (members(p.overrides), members(first.overrides))
                let keys = Set(mine.map(\.key) + theirs.map(\.key)).sorted()
                func text(_ m: [(key: String, value: JSONValue)], _ key: String) -> String {
                    guard let v = m.first(where: { $0.key == key })?.value else { return "non fixé" }
                    if case .string(let s) = v { return s }
                    return v.serialized(pretty: false)
                }
                let differing = keys.filter { text(mine, $0) != text(theirs, $0) }
                    .map { "\($0) = \(text(mine, $0)) ici, \(text(theirs, $0)) dans \(first.path)" }
                throw ReportReadError(path: p.path, message: "paramètres (--config) différents : \(differing.joined(separator: " ; ")) : rejouez les parties avec la même configuration")
            }
        }
        // The order of the inputs never matters: the parts are taken in the order of their
        // files' names (then of their bytes, for parts of the same file, the standard input).
        parts.sort { a, b in
            let (x, y) = (a.files.map(\.file), b.files.map(\.file))
            if x != y { return x.lexicographicallyPrecedes(y) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
            return a.bytes.precedes(b.bytes)
        }
        self.parts = parts
        generator = first.generator

        // People: each in one part only, in the byte order of their ids.
        func order(_ elements: (Read) -> [ReportSlices.Element]) -> [(part: Int, index: Int)] {
            var all: [(part: Int, index: Int)] = []
            for (k, p) in parts.enumerated() { all += elements(p).indices.map { (k, $0) } }
            all.sort { a, b in
                let c = parts[a.part].bytes.comparePerson(elements(parts[a.part])[a.index], parts[b.part].bytes, elements(parts[b.part])[b.index])
                return c != 0 ? c < 0 : (a.part, a.index) < (b.part, b.index)
            }
            return all
        }
        peopleOrder = order(\.slices.people)
        for (a, b) in zip(peopleOrder, peopleOrder.dropFirst()) where a.part != b.part
            && parts[a.part].bytes.comparePerson(parts[a.part].slices.people[a.index], parts[b.part].bytes, parts[b.part].slices.people[b.index]) == 0 {
            let person = String(decoding: parts[a.part].bytes.person(parts[a.part].slices.people[a.index]), as: UTF8.self)
            throw ReportReadError(path: parts[b.part].path, message: "la personne \(person) est aussi dans \(parts[a.part].path) : les parties doivent partager les personnes, pas les événements (pathway split coupe un journal par personne)")
        }
        findingsOrder = order(\.slices.findings)

        // The inputs: the files by name, counts of a file named in several parts added.
        var files: [Report.FileCounts] = []
        for p in parts {
            for f in p.files {
                if let k = files.firstIndex(where: { $0.file == f.file }) {
                    files[k].lines += f.lines; files[k].events += f.events; files[k].duplicates += f.duplicates
                    files[k].rejected += f.rejected; files[k].blank += f.blank
                } else {
                    files.append(f)
                }
            }
        }
        files.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        var input = Report.Input(lines: 0, events: 0, duplicates: 0, rejected: 0, blank: 0, replayed: 0, afterAsOf: 0, people: 0)
        for p in parts {
            input.lines += p.input.lines; input.events += p.input.events; input.duplicates += p.input.duplicates
            input.rejected += p.input.rejected; input.blank += p.input.blank; input.replayed += p.input.replayed
            input.afterAsOf += p.input.afterAsOf; input.people += p.input.people
        }
        input.files = files.count > 1 ? files : []
        // Rejected lines by file, then as each part gave them; with one file, by line.
        var rejected: [(file: Int, part: Int, index: Int, error: LineError)] = []
        for (k, p) in parts.enumerated() {
            for (i, var error) in p.rejected.enumerated() {
                if files.count > 1, error.file == nil, p.files.count == 1 { error.file = p.files[0].file }
                rejected.append((files.firstIndex { $0.file == error.file } ?? 0, k, i, error))
            }
        }
        rejected.sort { a, b in
            if a.file != b.file { return a.file < b.file }
            if files.count <= 1 && a.error.line != b.error.line { return a.error.line < b.error.line }
            return (a.part, a.index) < (b.part, b.index)
        }

        // The parameters, and what the sources of all the parts leave unjudged.
        var parameters = Parameters.law
        if case .object(let members) = first.overrides, !members.isEmpty {
            var config: [(key: String, value: JSONValue)] = []
            for (key, value) in members {
                guard case .string(let text) = value, let parsed = try? JSONValue.parse(text) else {
                    throw ReportReadError(path: first.path, message: "parameters.overrides.\(key) : valeur illisible")
                }
                config.append((key, parsed))
            }
            do { parameters = try parameters.applying(.object(config)) } catch {
                throw ReportReadError(path: first.path, message: "parameters.overrides : \(error)")
            }
        }
        var tally = SourceTally(), declared = SourceDeclarations.builtIn
        var sources: [Report.Provenance.Source] = []
        for p in parts {
            if !p.everyEventNamed { tally.withoutSource += 1 }
            for s in p.sources {
                if let known = sources.first(where: { $0.name == s.name }) {
                    guard known.records == s.records else {
                        throw ReportReadError(path: p.path, message: "la source \(s.name) y est déclarée autrement que dans une autre partie : rejouez les parties avec les mêmes --mapping")
                    }
                } else {
                    sources.append(s)
                    tally.add(s.name)
                    if let records = s.records { declared = declared.declaring(s.name, records: Set(records)) }
                }
            }
        }
        if parts.contains(where: { !$0.everyEventNamed }) || sources.isEmpty { tally.withoutSource = max(1, tally.withoutSource) }
        sources.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let notJudged = NotJudged.rules(sources: tally, declared: declared, rules: parameters.rules).notJudged
        // A part that left a rule unjudged the whole log judges has dropped its findings:
        // the merge cannot give them back.
        for p in parts where p.notJudged != notJudged.map(\.rule.rawValue) {
            throw ReportReadError(path: p.path, message: "règles non jugées [\(p.notJudged.joined(separator: ", "))] faute de données dans cette partie, alors que l'ensemble des parties les jugerait ([\(notJudged.map(\.rule.rawValue).joined(separator: ", "))]) : ses constats manquent, la fusion ne serait pas exacte ; rejouez le journal entier, ou coupez-le pour que chaque partie ait toutes ses sources")
        }

        // The indicators, from the tallies added up.
        var whole = parts[0].tally
        for p in parts.dropFirst() { whole.merge(p.tally) }
        let asOf = CivilDate(first.asOf)
        var report = Report(asOf: asOf, input: input, rejected: rejected.map(\.error), notJudged: notJudged, people: [], findings: [],
                            indicators: whole.indicators, parameters: parameters)
        var warnings: [String] = []
        for p in parts { for w in p.warnings where !warnings.contains(w) { warnings.append(w) } }
        report.warnings = warnings
        report.provenance.files = files
        report.provenance.everyEventNamesSource = tally.everyEventHasSource
        report.provenance.sources = sources
        if byFile {
            var entries: [(file: String, tally: Indicators.Tally)] = []
            for p in parts {
                let mine: [(file: String, tally: Indicators.Tally)]
                if p.files.count == 1 {
                    mine = [(p.files[0].file, p.tally)]
                } else if !p.byFile.isEmpty {
                    mine = p.byFile
                } else {
                    throw ReportReadError(path: p.path, message: "rapport de plusieurs fichiers sans indicators.by_file : rejouez-le avec --by-file pour fusionner par fichier")
                }
                for (file, t) in mine {
                    if let k = entries.firstIndex(where: { $0.file == file }) { entries[k].tally.merge(t) } else { entries.append((file, t)) }
                }
            }
            entries.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
            report.byFile = entries.map { ($0.file, $0.tally.indicators) }
        }
        // The most serious people of the whole are among the most serious of their part: each
        // part carries its first `drawnTimelines`.
        var timelines = Report.MostSerious<Timeline>(limit: Report.drawnTimelines)
        for p in parts { for t in p.timelines { timelines.offer(t.seriousness, t.person) { t } } }
        report.timelines = timelines.kept.map(\.element)
        // Without --as-of, each part's date was its latest: the event that set the whole's is
        // the smallest id of that day in all the parts (given in one part at least: none).
        if parts.allSatisfy({ $0.latest != nil }) {
            var latest = Report.Provenance.Latest(event: "", count: 0)
            for p in parts {
                guard let mine = p.latest else { continue }
                if latest.count == 0 || mine.event.utf8.lexicographicallyPrecedes(latest.event.utf8) { latest.event = mine.event }
                latest.count += mine.count
            }
            report.provenance.latest = latest
            report.asOfSetBy = LogInput.asOfSetter(latest)
        }
        self.report = report
    }

    /// The merged JSON report, handed to `sink` piece by piece.
    public func writeJSON(through sink: ByteSink) {
        let parts = self.parts
        func fragments(_ order: [(part: Int, index: Int)], _ elements: @escaping (Read) -> [ReportSlices.Element]) -> Report.Fragments {
            Report.Fragments(count: order.count, window: 4096) { range in
                [Report.Fragments.run(range.map { k in
                    let (p, i) = order[k]
                    return parts[p].bytes.bytes(elements(parts[p])[i].range)
                })]
            }
        }
        report.writeJSON(generator: generator, people: fragments(peopleOrder, \.slices.people),
                         findings: fragments(findingsOrder, \.slices.findings), flushAt: 1 << 20, through: sink)
    }

    /// The merged report with its findings, and its people with a finding listed with their
    /// state (for the CSV, the text and the HTML: `Docs/report.md`, "Merging reports").
    public func rendered() throws(ReportReadError) -> Report {
        var report = self.report
        report.findings = try findings()
        report.mergedParts = parts.count
        report.peopleCount = peopleOrder.count
        // Each person with a finding: their state, read from their entry; their findings, in order.
        var byPerson: [Int: [Finding]] = [:]
        var k = 0
        for (index, (p, i)) in peopleOrder.enumerated() {
            let person = parts[p].slices.people[i]
            var mine: [Finding] = []
            // Both lists are in the people's byte order: a finding before this person (none is
            // expected) is passed over.
            while k < findingsOrder.count {
                let (fp, fi) = findingsOrder[k]
                let c = parts[fp].bytes.comparePerson(parts[fp].slices.findings[fi], parts[p].bytes, person)
                if c > 0 { break }
                if c == 0 { mine.append(report.findings[k]) }
                k += 1
            }
            if !mine.isEmpty { byPerson[index] = mine }
        }
        for index in byPerson.keys.sorted() {
            let (p, i) = peopleOrder[index]
            let entry = ReportReader((try? JSONValue.parse(parts[p].bytes.text(parts[p].slices.people[i].range))) ?? .null, parts[p].path)
            guard let status = PathwayStatus(rawValue: try entry.string("state")) else {
                throw ReportReadError(path: parts[p].path, message: "people : un état inconnu")
            }
            report.people.append(PersonReport(listing: String(decoding: parts[p].bytes.person(parts[p].slices.people[i]), as: UTF8.self),
                                              status: status, findings: byPerson[index] ?? [], eventsReplayed: try entry.int("events")))
            report.mergedDetails.append(try PersonDetail(json: entry.value, findings: byPerson[index] ?? [], at: parts[p].path))
        }
        return report
    }

    /// The merged findings, in the report's order (for the CSV).
    public func findings() throws(ReportReadError) -> [Finding] {
        var result: [Finding] = []
        result.reserveCapacity(findingsOrder.count)
        for (p, i) in findingsOrder {
            let part = parts[p]
            let text = part.bytes.text(part.slices.findings[i].range)
            guard let value = try? JSONValue.parse(text) else { throw ReportReadError(path: part.path, message: "findings : un constat illisible") }
            let f = ReportReader(value, part.path + " (findings)")
            let rule = RuleID(rawValue: try f.string("rule"))
            guard RuleRegistry.rule(rule) != nil, let severity = Severity(rawValue: try f.string("severity")),
                  let date = CivilDate(try f.string("date")) else {
                throw ReportReadError(path: part.path, message: "findings : un constat à la règle, la gravité ou la date inconnue")
            }
            let due = f.has("due") ? try f.optionalDate("due") : nil
            let done = f.has("done") ? try f.optionalDate("done") : nil
            result.append(Finding(rule: rule, severity: severity, person: try f.string("person"), date: date, due: due, done: done,
                                  event: try f.optionalString("event"), text: .text(try f.string("message"))))
        }
        return result
    }

    /// One report read: its small members parsed, its big arrays cut.
    private static func read(_ part: Part) throws(ReportReadError) -> Read {
        let path = part.path
        let notReport = ReportReadError(path: path, message: "ce n'est pas un rapport JSON de pathway replay (--format json)")
        let slices: ReportSlices
        do {
            slices = try ReportSlices.read(part.bytes)
        } catch {
            throw ReportReadError(path: path, message: "ce n'est pas un rapport JSON de pathway replay : \(error.message)")
        }
        var members: [(key: String, value: JSONValue)] = []
        for (key, range) in slices.members where key != "people" && key != "findings" {
            guard let value = try? JSONValue.parse(part.bytes.text(range)) else { throw notReport }
            members.append((key, value))
        }
        let r = ReportReader(.object(members), path)
        guard r.has("report", "generator"), r.has("indicators"), slices.members.contains(where: { $0.key == "people" }) else { throw notReport }
        let generator = try r.string("report", "generator")
        guard generator.hasPrefix("pathway"), try r.int("report", "format") == Report.formatVersion else {
            throw ReportReadError(path: path, message: "rapport de format \(try r.int("report", "format")) écrit par \(generator) : seul le format \(Report.formatVersion) de pathway se fusionne")
        }
        guard r.has("merge") else {
            throw ReportReadError(path: path, message: "rapport sans le champ merge (écrit par une version antérieure de pathway, ou par explain) : rejouez-le avec celle-ci")
        }
        guard let asOf = try r.optionalString("as_of") else { throw ReportReadError(path: path, message: "rapport sans date d'audit (as_of)") }
        let input = Report.Input(lines: try r.int("input", "lines"), events: try r.int("input", "events"),
                                 duplicates: try r.int("input", "duplicates"), rejected: try r.int("input", "rejected"),
                                 blank: try r.int("input", "blank"), replayed: try r.int("input", "replayed"),
                                 afterAsOf: try r.int("input", "after_as_of"), people: try r.int("input", "people"))
        var files: [Report.FileCounts] = []
        for f in try r.array("merge", "files") {
            let m = ReportReader(f, path)
            files.append(Report.FileCounts(file: try m.string("file"), lines: try m.int("lines"), events: try m.int("events"),
                                           duplicates: try m.int("duplicates"), rejected: try m.int("rejected"), blank: try m.int("blank")))
        }
        // A report whose input was not named (a library's) lists no file: nor does the merge.
        var sources: [Report.Provenance.Source] = []
        for s in try r.array("merge", "sources", "names") {
            let m = ReportReader(s, path)
            var records: [EventType]?
            if case .array(let types) = try m.member(["records"]) {
                records = types.compactMap { if case .string(let t) = $0 { return EventType(rawValue: t) } else { return nil } }
            }
            sources.append(.init(name: try m.string("name"), records: records))
        }
        var rejected: [LineError] = []
        for e in try r.array("rejected") {
            let m = ReportReader(e, path)
            rejected.append(try LineError(merging: m))
        }
        let notJudged = try r.array("not_judged").map { (v: JSONValue) throws(ReportReadError) -> String in try ReportReader(v, path).string("rule") }
        var warnings: [String] = []
        if r.has("warnings") {
            for w in try r.array("warnings") { if case .string(let t) = w { warnings.append(t) } }
        }
        let indicators = try r.member(["indicators"])
        let tally = try Indicators.Tally(json: indicators, exact: try r.member(["merge", "indicators"]), at: path)
        var byFile: [(file: String, tally: Indicators.Tally)] = []
        if r.has("indicators", "by_file"), r.has("merge", "by_file") {
            let entries = try r.array("indicators", "by_file"), exact = try r.array("merge", "by_file")
            guard entries.count == exact.count else { throw ReportReadError(path: path, message: "indicators.by_file et merge.by_file n'ont pas le même nombre d'entrées") }
            for (entry, x) in zip(entries, exact) {
                byFile.append((try ReportReader(entry, path).string("file"), try Indicators.Tally(json: entry, exact: x, at: path)))
            }
        }
        guard r.has("merge", "timelines"), r.has("merge", "latest") else {
            throw ReportReadError(path: path, message: "rapport sans merge.timelines ou merge.latest (écrit par une version antérieure de pathway) : rejouez-le avec celle-ci")
        }
        var latest: Report.Provenance.Latest?
        if case .object = try r.member(["merge", "latest"]) {
            latest = .init(event: try r.string("merge", "latest", "event"), count: try r.int("merge", "latest", "count"))
        }
        var timelines: [Timeline] = []
        for t in try r.array("merge", "timelines") { timelines.append(try Timeline(json: t, at: path)) }
        return Read(path: path, bytes: part.bytes, slices: slices, generator: generator, asOf: asOf,
                    overrides: try r.member(["parameters", "overrides"]), input: input, files: files,
                    everyEventNamed: try r.bool("merge", "sources", "every_event_named"), sources: sources,
                    rejected: rejected, notJudged: notJudged, warnings: warnings, tally: tally, byFile: byFile, timelines: timelines, latest: latest)
    }
}

extension LineError {
    /// A rejected line read back from a JSON report's `rejected` (its reason in French, with
    /// the field named first as the report writes it).
    init(merging m: ReportReader) throws(ReportReadError) {
        let field = try m.optionalString("field")
        var reason = try m.string("reason")
        if let field, reason.hasPrefix("« \(field) » : ") { reason = String(reason.dropFirst("« \(field) » : ".count)) }
        self.init(line: try m.int("line"), field: field, .restored(code: try m.string("code"), french: reason))
        if m.has("file") { file = try m.string("file") }
    }
}
