import PathwayMachinery
/// The replay's loop over the log's array, read in place (no event copied): the machinery
/// under `Replay` (`Engine/Replay.swift`), which holds no rule.
extension Replay {
    /// Replays `records[order[0]]`, `records[order[1]]`, … (`records` in order when `order` is
    /// nil), all of the person of `state`, into `state`, skipping those dated after `asOf`;
    /// `ids` holds the ids of a log's stored events (empty for an array of events).
    /// Activities and appointments are read where they lie
    /// (``PersonState/applyRoutine(_:on:under:into:)``); the other events are lent to
    /// ``PersonState/apply(_:under:)`` (a log's stored event built with its person first).
    /// Written as a function of its own, with its state `inout`, so that each access to the
    /// state is checked once, not at every event.
    package static func replay<Record: ReplayedRecord>(_ records: [Record], ids: [UInt8], others: [EventKind], order: [Int32]?, asOf: CivilDate,
                                                      parameters: Parameters, state: inout PersonState,
                                                      findings: inout [Finding], replayed: inout Int) {
        let person = state.person
        // The rules' table, taken once: taken at each activity, its count of references was
        // written by both threads 1.24 million times at 10^6 events, more than any other object
        // they share (`scripts/shared-refcounts`).
        let rules = parameters.rules.table
        ids.withUnsafeBufferPointer { ids in records.withUnsafeBufferPointer { records in
            let count = order?.count ?? records.count
            /// The `k`th record replayed, where it lies.
            func record(_ k: Int) -> UnsafePointer<Record> { records.baseAddress! + (order.map { Int($0[k]) } ?? k) }
            // The activities counted first, so that their array is made once at its size, not
            // grown by doubling (126,000 reallocations and copies at 10^6 events).
            var activities = 0
            for k in 0..<count where record(k).pointee.date <= asOf {
                if case .activity? = record(k).pointee.routine { activities += 1 }
            }
            state.activities.reserveCapacity(state.activities.count + activities)
            for k in 0..<count {
                let record = record(k)
                guard record.pointee.date <= asOf else { continue }
                replayed += 1
                if let routine = record.pointee.routine,
                   state.applyRoutine(routine, on: record.pointee.date, under: parameters, rules: rules, into: &findings) { continue }
                let outcome = record.pointee.withEvent(of: person, ids: ids, others: others) {
                    state.apply($0, under: parameters, rules: rules, transition: false)
                }
                if !outcome.findings.isEmpty { findings.append(contentsOf: outcome.findings) }
            }
        } }
    }
}

/// What the replay's loop reads of an event where it lies: an ``Event`` of a person's array, or
/// an event of a log's list, stored without its person.
package protocol ReplayedRecord {
    var date: CivilDate { get }
    /// The routine of an activity or an appointment, read where the event lies; `nil` for any
    /// other event.
    var routine: PersonState.Routine? { get }
    /// Calls `body` with the event, of `person` (an event of an array is lent as it is; a stored
    /// one's id is read from `ids`, its list's ``EventList/idBytes``, and its kind, when kept
    /// apart, from `others`, its list's ``EventList/others``).
    func withEvent<R>(of person: String, ids: UnsafeBufferPointer<UInt8>, others: [EventKind], _ body: (borrowing Event) -> R) -> R
}

extension Event: ReplayedRecord {
    package var routine: PersonState.Routine? { PersonState.Routine(kind) }

    @inline(__always)
    package func withEvent<R>(of person: String, ids: UnsafeBufferPointer<UInt8>, others: [EventKind],
                              _ body: (borrowing Event) -> R) -> R { body(self) }
}

extension EventList.Stored: ReplayedRecord {
    package var routine: PersonState.Routine? { kind.routine }

    @inline(__always)
    package func withEvent<R>(of person: String, ids: UnsafeBufferPointer<UInt8>, others: [EventKind],
                              _ body: (borrowing Event) -> R) -> R {
        body(Event(id: String(decoding: UnsafeBufferPointer(rebasing: ids[id.range]), as: UTF8.self), person: person, date: date,
                   kind: EventList.kind(kind, others: others), line: line))
    }
}
