import PathwayMachinery
import PathwayLaw
import PathwayReport
import PathwayImport
/// A log kept in memory and fed one event at a time, for software that embeds Pathway (the
/// `pathway serve --stdio` protocol): each line is validated as in a file, duplicates are
/// resolved the same way, and any person's state can be asked for at any date.
public struct EventStore: Sendable {
    private var log = ParsedLog()
    private var dedup = Deduplicator()
    private var parser = LineParser()
    private var byPerson: [String: [Int]] = [:]
    private var lineNumber = 0

    public init() {}

    /// What adding a line did.
    public enum Added: Sendable, Equatable {
        /// A new event, kept.
        case event(Event)
        /// The same id with the same content as an earlier line: counted, ignored.
        case duplicate(id: String)
    }

    /// Validates and keeps one line of the event log v1; a rejected line is returned as an
    /// error naming the field (and is counted, as in a file).
    public mutating func add(line: String) -> Result<Added, LineError> {
        lineNumber += 1
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        let outcome = parser.parse(bytes, number: lineNumber)
        let before = (events: log.events.count, duplicates: log.duplicates, rejected: log.rejected.count)
        dedup.take(outcome, into: &log)
        if log.events.count > before.events, let event = log.events.last {
            byPerson[event.person, default: []].append(log.events.count - 1)
            return .success(.event(event))
        }
        if log.rejected.count > before.rejected, let error = log.rejected.last { return .failure(error) }
        if log.duplicates > before.duplicates, case .event(let event, _) = outcome { return .success(.duplicate(id: event.id)) }
        return .failure(LineError(line: lineNumber, field: nil, .blank))
    }

    /// Every event kept, in the order they came.
    public var events: [Event] { Array(log.events) }

    /// The events of one person, in the order they came.
    public func events(of person: String) -> [Event] {
        (byPerson[person] ?? []).map { log.events[$0] }
    }

    /// The log as read so far.
    public var parsed: ParsedLog { log }
}

extension PersonReport {
    /// This person's entry of the JSON report, pretty-printed.
    public func json(asOf: CivilDate?) -> String {
        var w = JSONWriter()
        write(to: &w, asOf: asOf)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension Finding {
    /// This finding as in the JSON report, pretty-printed.
    public var json: String {
        var w = JSONWriter()
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
