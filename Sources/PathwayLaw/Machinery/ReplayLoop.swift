import PathwayMachinery
/// The replay's loops over the log's array, read in place (no event copied): the machinery
/// under `Replay` (`Engine/Replay.swift`), which holds no rule.
extension Replay {
    /// Replays `events` in order (or in the order `order` gives) into `state`.
    package static func replay(_ events: [Event], order: [Int32]?, asOf: CivilDate, parameters: Parameters,
                       state: inout PersonState, findings: inout [Finding], replayed: inout Int) {
        events.withUnsafeBufferPointer { events in
            replay(events, order: order, asOf: asOf, parameters: parameters,
                   state: &state, findings: &findings, replayed: &replayed)
        }
    }

    /// Replays `events[order[0]]`, `events[order[1]]`, … (`events` in order when `order` is
    /// nil) into `state`, skipping those dated after `asOf`. Activities and appointments are
    /// read where they lie (``PersonState/applyRoutine(_:on:under:into:)``), the other events
    /// passed to ``PersonState/apply(_:under:)``. Written as a function of its own, with its
    /// state `inout`, so that each access to the state is checked once, not at every event.
    fileprivate static func replay(_ events: UnsafeBufferPointer<Event>, order: [Int32]?, asOf: CivilDate,
                               parameters: Parameters, state: inout PersonState, findings: inout [Finding],
                               replayed: inout Int) {
        for k in 0..<(order?.count ?? events.count) {
            let event = events.baseAddress! + (order.map { Int($0[k]) } ?? k)
            guard event.pointee.date <= asOf else { continue }
            replayed += 1
            if let routine = PersonState.Routine(event.pointee.kind),
               state.applyRoutine(routine, on: event.pointee.date, under: parameters, into: &findings) { continue }
            let outcome = state.apply(event.pointee, under: parameters)
            if !outcome.findings.isEmpty { findings.append(contentsOf: outcome.findings) }
        }
    }

    /// Replays `events[order[0]]`, `events[order[1]]`, … of a log's list (all in order when
    /// `order` is nil), whose events are those of the person of `state`: each read where it lies,
    /// an event built with its person only for ``PersonState/apply(_:under:)``.
    package static func replay(_ events: EventList, order: [Int32]?, asOf: CivilDate, parameters: Parameters,
                       state: inout PersonState, findings: inout [Finding], replayed: inout Int) {
        let person = state.person
        events.stored.withUnsafeBufferPointer { events in
            for k in 0..<(order?.count ?? events.count) {
                let event = events.baseAddress! + (order.map { Int($0[k]) } ?? k)
                guard event.pointee.date <= asOf else { continue }
                replayed += 1
                if let routine = PersonState.Routine(event.pointee.kind),
                   state.applyRoutine(routine, on: event.pointee.date, under: parameters, into: &findings) { continue }
                let outcome = state.apply(event.pointee.event(of: person), under: parameters)
                if !outcome.findings.isEmpty { findings.append(contentsOf: outcome.findings) }
            }
        }
    }
}
