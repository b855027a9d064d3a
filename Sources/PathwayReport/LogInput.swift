import PathwayMachinery
import PathwayLaw

/// What the library says of a log's input before it is replayed: several files read as one,
/// why a log gave no event, and which event set the default audit date. The command reads the
/// files; everything here works on their bytes.
public enum LogInput {
    /// Several files read as one log: each file's lines follow the previous file's, numbered from
    /// 1 again in the rejected lines' messages (which name their file); the counts of each file.
    public static func read(files: consuming [(name: String, bytes: [UInt8])], jobs: Int = 1) -> (log: ParsedLog, counts: [Report.FileCounts]) {
        var files = files
        var all: [UInt8] = []
        all.reserveCapacity(files.reduce(0) { $0 + $1.bytes.count + 1 })
        var ranges: [(path: String, first: Int, lines: Int, blank: Int)] = []
        var line = 1
        for k in files.indices {
            // Each file's bytes taken out of the list and let go once copied: the files and the
            // log they make are not all held at once.
            var bytes: [UInt8] = []
            swap(&bytes, &files[k].bytes)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            let (lines, blank) = LogReader.countLines(bytes)
            ranges.append((files[k].name, line, lines, blank))
            line += lines
            all.append(contentsOf: bytes)
        }
        // Read as one buffer, on `jobs` threads: the same log as read as a stream.
        var log = LogReader.read(all, jobs: jobs)
        all = []
        func locate(_ global: Int) -> (path: String, line: Int, index: Int)? {
            for (i, r) in ranges.enumerated() where global >= r.first && global < r.first + r.lines {
                return (r.path, global - r.first + 1, i)
            }
            return nil
        }
        var events = [Int](repeating: 0, count: ranges.count), rejected = [Int](repeating: 0, count: ranges.count)
        for e in log.events.stored { if let at = locate(e.line) { events[at.index] += 1 } }
        for k in log.rejected.indices {
            guard let at = locate(log.rejected[k].line) else { continue }
            rejected[at.index] += 1
            log.rejected[k].file = at.path
            log.rejected[k].line = at.line
        }
        let counts = ranges.enumerated().map { i, r in
            Report.FileCounts(file: r.path, lines: r.lines, events: events[i], duplicates: r.lines - events[i] - rejected[i] - r.blank,
                              rejected: rejected[i], blank: r.blank)
        }
        return (log, counts)
    }

    /// Why `log`, read from the files `names` (the first of which begins with `head`), gave no
    /// event although it is not empty, as a diagnosis; `nil` when it gave events or is empty.
    public static func diagnosis(_ log: ParsedLog, names inputs: [String], head: [UInt8], windows1252: Bool) -> String? {
        guard log.events.isEmpty, log.lines > log.blank, let first = inputs.first else { return nil }
        let name = inputs.joined(separator: ", ")
        if head.starts(with: [0x1F, 0x8B]) {
            return "\(name) : aucun événement lu : le fichier est compressé (gzip) ; lancez : zcat \(first) | pathway replay -"
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "\(name) : aucun événement lu : le fichier est une archive ZIP (un classeur Excel ?) ; exportez le journal en NDJSON"
        }
        let firstLine = head.prefix { $0 != 0x0A }
        let text = String(decoding: firstLine, as: UTF8.self)
        let startsLikeAHeader = text.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "\"" || $0 == "\u{FEFF}" } ?? false
        if startsLikeAHeader && !text.contains("{") && (text.contains(";") || text.contains(",")) {
            return "\(name) : aucun événement lu : c'est du CSV (en-tête : \(text.prefix(80))…), pas le journal d'événements : importez-le d'abord avec pathway import csv --mapping NOM \(first)"
        }
        if text.hasPrefix("<?xml") || text.hasPrefix("<") {
            return "\(name) : aucun événement lu : c'est du XML (un flux CAF/MSA ?), pas le journal d'événements : importez-le d'abord avec pathway import caf \(first)"
        }
        if let utf16 = utf16(head) {
            return "\(name) : aucun événement lu : le fichier est en UTF-16 (\(utf16)), pas en UTF-8 ; convertissez-le : iconv -f UTF-16 -t UTF-8 \(first) | pathway replay -"
        }
        let body = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if body.first == UInt8(ascii: "[") {
            return "\(name) : aucun événement lu : c'est un tableau JSON, pas le journal d'événements (un objet JSON par ligne) ; lancez : jq -c '.[]' \(first) | pathway replay -"
        }
        // A single line cut before its object ends (a file truncated in a copy) is not JSON
        // written over several lines: there is no other line.
        if body.first == UInt8(ascii: "{"), log.lines - log.blank == 1, text.trimmingSpaces != "{", !text.contains("}") {
            return "\(name) : aucun événement lu : sa seule ligne s'arrête avant la fin de son objet JSON (le fichier a-t-il été tronqué ?) (\(log.rejected.first.map { $0.frenchDescription } ?? "?"))"
        }
        if body.first == UInt8(ascii: "{"), log.rejected.first.map({ $0.line == 1 || $0.line == 2 }) ?? false,
           text.trimmingSpaces == "{" || !text.contains("}") {
            return "\(name) : aucun événement lu : c'est du JSON écrit sur plusieurs lignes, pas le journal d'événements (un objet JSON par ligne) ; lancez : jq -c . \(first) | pathway replay -"
        }
        // A cut at the head's end may split a character: three bytes are left out when it is full.
        let checked = head.count == 65_536 ? Array(head.dropLast(3)) : head
        if !windows1252 && String(validating: checked, as: UTF8.self) == nil {
            return "\(name) : aucun événement lu : le texte n'est pas entièrement en UTF-8 ; il ressemble à du windows-1252 : ajoutez --encoding windows-1252"
        }
        let count = log.lines - log.blank
        return "\(name) : aucun événement lu : \(count == 1 ? "sa seule ligne a été rejetée" : "ses \(count) lignes ont toutes été rejetées") (la première : \(log.rejected.first.map { $0.frenchDescription } ?? "?"))"
    }

    /// `little-endian, with a byte-order mark`, when `head` is UTF-16 text: a byte-order mark,
    /// or, without one, ASCII characters each followed (or preceded) by a zero byte.
    public static func utf16(_ head: [UInt8]) -> String? {
        if head.starts(with: [0xFF, 0xFE]) { return "petit-boutiste, avec indicateur d'ordre des octets" }
        if head.starts(with: [0xFE, 0xFF]) { return "gros-boutiste, avec indicateur d'ordre des octets" }
        let sample = head.prefix(512)
        guard sample.count >= 8 else { return nil }
        let even = stride(from: 0, to: sample.count - 1, by: 2).map { sample[sample.startIndex + $0] }
        let odd = stride(from: 1, to: sample.count, by: 2).map { sample[sample.startIndex + $0] }
        func mostlyZero(_ bytes: [UInt8]) -> Bool { bytes.filter { $0 == 0 }.count * 10 >= bytes.count * 9 }
        if mostlyZero(odd) && !mostlyZero(even) { return "petit-boutiste, sans indicateur d'ordre des octets" }
        if mostlyZero(even) && !mostlyZero(odd) { return "gros-boutiste, sans indicateur d'ordre des octets" }
        return nil
    }

    /// When some lines were rejected as invalid UTF-8 and every byte of the file that is not
    /// UTF-8 is a character of windows-1252 (`foreign`, from `UTF8Check.foreignBytes`: an
    /// export where only some lines carry accents): the warning to give first, with the command
    /// to run again (`rerun`). `nil` otherwise.
    public static func windows1252Warning(_ log: ParsedLog, foreign: (count: Int, allWindows1252: Bool), rerun: String) -> String? {
        let invalid = log.rejected.filter { if case .invalidUTF8 = $0.problem { true } else { false } }
        guard !invalid.isEmpty, foreign.count > 0, foreign.allWindows1252 else { return nil }
        let n = invalid.count
        return "\(n) ligne\(n > 1 ? "s" : "") rejetée\(n > 1 ? "s" : "") (\(invalid.prefix(5).map { "ligne \($0.line)" }.joined(separator: ", "))\(n > 5 ? "…" : "")) "
            + "\(n > 1 ? "sont" : "est") en windows-1252 (des accents), pas en UTF-8 : ce rapport les laisse de côté, et ses constats peuvent être faux pour leurs personnes. "
            + "Relancez : \(rerun)"
    }

    /// Whether the text of a line names `person` as its `"person"` (spaces around the colon
    /// allowed): a rejected line is read no further, so its person is found in its text.
    public static func line(_ text: [UInt8], names person: String) -> Bool {
        let value = Array(JSONValue.string(person).serialized(pretty: false).utf8)
        let key = Array("\"person\"".utf8)
        var k = 0
        while k + key.count <= text.count {
            if text[k] == key[0] && text[k..<(k + key.count)].elementsEqual(key) {
                var j = k + key.count
                while j < text.count && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                guard j < text.count, text[j] == UInt8(ascii: ":") else { k += 1; continue }
                j += 1
                while j < text.count && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                if j + value.count <= text.count && text[j..<(j + value.count)].elementsEqual(value) { return true }
            }
            k += 1
        }
        return false
    }

    /// The log's latest date, the latest before it, and the event that set it (the smallest id
    /// of that day, whatever the order of the lines) with how many share the day: events added
    /// one at a time (a log in memory, or `replay --sorted`'s first pass), an id read only for
    /// the events of the latest day so far.
    package struct LatestDate {
        /// The latest day and the one before it, as day numbers (`Int32.min`: none): a log's
        /// million days are compared as numbers (as optional dates, 22 instructions a day).
        private var latest = Int32.min, before = Int32.min
        package var date: CivilDate? {
            get { latest == .min ? nil : CivilDate(dayNumber: latest) }
            set { latest = newValue?.dayNumber ?? .min }
        }
        package var next: CivilDate? {
            get { before == .min ? nil : CivilDate(dayNumber: before) }
            set { before = newValue?.dayNumber ?? .min }
        }
        package var setter = ""
        package var count = 0

        package init() {}

        package mutating func add(_ day: CivilDate, id: @autoclosure () -> String) {
            switch add(day) {
            case .later: setter = id()
            case .same:
                let id = id()
                if id.utf8.lexicographicallyPrecedes(setter.utf8) { setter = id }
            case .earlier: break
            }
        }

        /// Where a day stands against the latest so far.
        package enum Standing { case later, same, earlier }

        /// Counts a day (the latest, the one before it, how many share the latest), its event's
        /// id left to the caller.
        package mutating func add(_ day: CivilDate) -> Standing {
            let day = day.dayNumber
            if day > latest {
                (before, latest, count) = (latest, day, 1)
                return .later
            }
            if day == latest {
                count += 1
                return .same
            }
            if day > before { before = day }
            return .earlier
        }

        /// Adds the days counted by `other` (of other events), as if each had been added here;
        /// the setter is not merged (``LogInput/latestDate(_:jobs:minimumShare:)`` finds it once
        /// the latest day is known).
        package mutating func merge(_ other: LatestDate) {
            guard let theirs = other.date else { return }
            guard let mine = date else { self = other; return }
            if theirs > mine {
                (date, count) = (theirs, other.count)
                next = [mine, other.next].compactMap { $0 }.max()
            } else if theirs == mine {
                count += other.count
                next = [next, other.next].compactMap { $0 }.max()
            } else {
                next = [next, theirs].compactMap { $0 }.max()
            }
        }

        /// What the JSON report's `merge.latest` says of it (nil: no event).
        package var provenance: Report.Provenance.Latest? {
            date == nil ? nil : Report.Provenance.Latest(event: setter, count: count)
        }
    }

    /// The same for a log in memory: the dates first (no id read), then the ids of the latest
    /// day's events only, compared by their bytes where they lie; each on `jobs` threads, a
    /// share of the events each (4 ms on one thread at 10^6 events, while the other waited). A
    /// share has at least `minimumShare` events (tests lower it).
    package static func latestDate(_ log: ParsedLog, jobs: Int = 1, minimumShare: Int = 65_536) -> LatestDate? {
        let events = log.events
        let count = events.stored.count
        let shares = max(1, min(jobs, count / max(1, minimumShare)))
        func share(_ k: Int) -> Range<Int> { (count * k / shares)..<(count * (k + 1) / shares) }
        let found = Parallel.map(count: shares, jobs: jobs) { k in
            var found = LatestDate()
            for i in share(k) { _ = found.add(events.stored[i].date) }
            return found
        }.reduce(into: LatestDate()) { $0.merge($1) }
        guard let date = found.date else { return nil }
        func precedes(_ a: EventList.IdSpan, _ b: EventList.IdSpan) -> Bool {
            events.idBytes[a.range].lexicographicallyPrecedes(events.idBytes[b.range])
        }
        let setter = Parallel.map(count: shares, jobs: jobs) { k -> EventList.IdSpan? in
            var setter: EventList.IdSpan?
            for i in share(k) where events.stored[i].date == date && setter.map({ precedes(events.stored[i].id, $0) }) ?? true {
                setter = events.stored[i].id
            }
            return setter
        }.compactMap { $0 }.min(by: precedes)
        var result = found
        result.setter = setter.map { String(decoding: events.idBytes[$0.range], as: UTF8.self) } ?? ""
        return result
    }

    /// Says which event set the default `as_of`, and warns when that date lies more than a year
    /// beyond the next latest date of the log (a mistyped year).
    /// `la date la plus récente du journal, celle de l'événement P29-14` (and how many others
    /// share it): the event named is the smallest id of that day, whatever the order of the lines.
    public static func asOfSetter(_ log: ParsedLog) -> String? { asOfSetter(log, latestDate(log)) }

    package static func asOfSetter(_ log: ParsedLog, _ latest: LatestDate?) -> String? {
        guard let latest = latest?.provenance else { return nil }
        return asOfSetter(latest)
    }

    /// `la date la plus récente du journal, celle de l'événement P29-14 et de 2 autres`.
    package static func asOfSetter(_ latest: Report.Provenance.Latest) -> String {
        let count = latest.count
        return "la date la plus récente du journal, celle de l'événement \(latest.event)"
            + (count > 1 ? " et de \(count - 1) autre\(count > 2 ? "s" : "")" : "")
    }

    public static func latestDateWarning(_ log: ParsedLog) -> String? { latestDateWarning(log, latestDate(log)) }

    /// The event named is the first line of the latest day (as before).
    package static func latestDateWarning(_ log: ParsedLog, _ latest: LatestDate?) -> String? {
        guard let date = latest?.date, let next = latest?.next, date.days(since: next) > 366,
              let event = log.events.first(where: { $0.date == date }) else { return nil }
        return "la date d'audit (as_of) est le \(date), fixée par l'événement \(event.id) (ligne \(event.line)), plus d'un an après la date suivante du journal (\(next)) : une année mal saisie ? Donnez --as-of pour choisir la date"
    }
}
