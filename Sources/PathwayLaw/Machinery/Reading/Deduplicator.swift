import PathwayMachinery

/// Duplicates resolved in file order: the first line with an id wins; a later one with the
/// same content is counted, with other content rejected.
package struct Deduplicator {
    private var ids: StringTable
    /// The content hash of each accepted event.
    private var contents: [ContentHash] = []

    package init(capacity: Int = 1024) { ids = StringTable(capacity: capacity) }

    package mutating func take(_ outcome: LineParser.Parsed, into log: inout ParsedLog) {
        // The events taken out of the log for the call (one may not be lent twice at once).
        var events = EventList()
        swap(&events, &log.events)
        take(outcome, into: &events, log: &log)
        swap(&events, &log.events)
    }

    /// The same, the events kept in `events` (one person's, in `--sorted`), the other lines
    /// counted in `log`.
    package mutating func take<Events: DeduplicatedEvents>(_ outcome: LineParser.Parsed, into events: inout Events,
                                                           log: inout ParsedLog) {
        switch outcome {
        case .blank:
            log.blank += 1
        case .rejected(let error):
            log.rejected.append(error)
        case .event(let event, let hash):
            let key = StringTable.hash(event.id)
            // The same id is the same bytes (`Docs/events.md`), as for the reader on several threads.
            if let first = ids.find(hash: key, isKey: { PersonNames.sameBytes(events.id(at: Int($0)), event.id) }).map(Int.init) {
                if contents[first] == hash {
                    log.duplicates += 1
                } else {
                    log.rejected.append(LineError(line: event.line, field: "id",
                        .idReused(id: event.id, firstLine: events.line(at: first))))
                }
            } else {
                ids.insert(hash: key, value: Int32(events.count))
                contents.append(hash)
                events.append(event)
            }
        }
    }
}

/// Where ``Deduplicator`` keeps the events it accepts: a log's ``EventList``, or one person's
/// array.
package protocol DeduplicatedEvents {
    var count: Int { get }
    func id(at index: Int) -> String
    func line(at index: Int) -> Int
    mutating func append(_ event: Event)
}

extension EventList: DeduplicatedEvents {
    package func id(at index: Int) -> String { id(of: stored[index]) }
    package func line(at index: Int) -> Int { stored[index].line }
}

extension Array: DeduplicatedEvents where Element == Event {
    package func id(at index: Int) -> String { self[index].id }
    package func line(at index: Int) -> Int { self[index].line }
}
