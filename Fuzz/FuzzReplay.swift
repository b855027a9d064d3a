// The `replay` fuzz target: fuzzed bytes → the NDJSON reader (stream and parallel) → replay →
// every report format; and each line through both paths of the line parser (the fast path for
// compact lines, the general lexer), and listed with and without the quick path. Compiled with the library's sources by scripts/fuzz; not
// part of the package. Any trap, overflow, or disagreement between two readers is a crash.

func fuzzReplay(_ buffer: UnsafeBufferPointer<UInt8>) -> CInt {
    let size = buffer.count
    let bytes = Array(buffer)
    let stream = LogReader.read(bytes)
    let parallel = LogReader.read(buffer, jobs: 3, minimumPiece: 1)
    guard stream.events == parallel.events, stream.rejected == parallel.rejected,
          stream.duplicates == parallel.duplicates, stream.blank == parallel.blank,
          stream.sources.withoutSource == parallel.sources.withoutSource,
          stream.sources.sorted.map(\.name) == parallel.sources.sorted.map(\.name),
          stream.sources.sorted.map(\.count) == parallel.sources.sorted.map(\.count) else {
        fatalError("the stream and parallel readers disagree")
    }
    // The same ids, byte for byte (a list keeps them end to end, never more bytes than the input).
    guard stream.events.map({ Array($0.id.utf8) }) == parallel.events.map({ Array($0.id.utf8) }),
          parallel.events.idBytes.count <= size else {
        fatalError("the stream and parallel readers keep different ids")
    }
    // Both number the same people, by the bytes of their id, once each, every number naming its
    // events' person and having an event (the order of the numbers may differ: the parallel
    // reader numbers a person at their first line, kept or not, the stream at their first event
    // kept).
    for events in [stream.events, parallel.events] {
        guard Set(events.names.map { Array($0.utf8) }).count == events.names.count,
              Set(events.personOf) == Set(events.names.indices.map(Int32.init)),
              zip(events, events.personOf).allSatisfy({ Array($0.person.utf8) == Array(events.names[Int($1)].utf8) }) else {
            fatalError("a reader numbers the people wrongly")
        }
    }
    guard stream.events.names.map({ Array($0.utf8) }).sorted(by: { $0.lexicographicallyPrecedes($1) })
            == parallel.events.names.map({ Array($0.utf8) }).sorted(by: { $0.lexicographicallyPrecedes($1) }) else {
        fatalError("the stream and parallel readers number different people")
    }
    // The releasing replay gives the report the replay gives, and leaves the log's other counts.
    var released = parallel
    let whole = Replay.log(parallel, jobs: 2)
    let releasing = Replay.log(releasing: &released, jobs: 2)
    guard released.events.isEmpty, released.rejected == parallel.rejected, released.duplicates == parallel.duplicates,
          released.lines == parallel.lines,
          whole.jsonBytes(jobs: 1) == releasing.jsonBytes(jobs: 1) else {
        fatalError("the releasing replay differs")
    }
    // The fast path for compact lines and the general lexer read every line alike.
    var fast = EventLineParser()
    var general = EventLineParser()
    general.compactPath = false
    for line in bytes.split(separator: 0x0A).prefix(64) {
        Array(line).withUnsafeBufferPointer { line in
            switch (fast.parse(line, lineNumber: 1), general.parse(line, lineNumber: 1)) {
            case (.success(let (a, hashA)), .success(let (b, hashB))) where a == b && hashA == hashB: break
            case (.failure(let a), .failure(let b)) where a == b: break
            default: fatalError("the fast path and the general lexer disagree")
            }
        }
    }
    // The quick path of a log's list (activity and appointment lines) and the paths it stands
    // before list every line alike: the same event or error, id bytes, person and sources.
    var quick = EventLineParser()
    var other = EventLineParser()
    (quick.people, other.people, other.quickPath) = (PersonNames(), PersonNames(), false)
    let quickIds = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
    let otherIds = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
    defer {
        quickIds.deallocate()
        otherIds.deallocate()
    }
    for line in bytes.split(separator: 0x0A).prefix(64) {
        Array(line).withUnsafeBufferPointer { line in
            switch (quick.listed(line, lineNumber: 1, ids: quickIds), other.listed(line, lineNumber: 1, ids: otherIds)) {
            case (.listed(let a, let dateA, let countA), .listed(let b, let dateB, let countB))
                where a == b && dateA == dateB && countA == countB
                    && UnsafeBufferPointer(start: quickIds, count: countA).elementsEqual(UnsafeBufferPointer(start: otherIds, count: countB)):
                break
            case (.rejected(let a), .rejected(let b)) where a == b: break
            case (.blank, .blank): break
            default: fatalError("the quick path and the other paths list a line differently")
            }
        }
        guard quick.people?.latest == other.people?.latest, quick.people?.names == other.people?.names,
              quick.sources.withoutSource == other.sources.withoutSource, quick.sources.names == other.sources.names,
              quick.sources.counts == other.sources.counts else {
            fatalError("the quick path and the other paths count people or sources differently")
        }
    }
    // Every line is accounted for.
    let lines = size == 0 ? 0 : bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - (bytes.last == 0x0A ? 1 : 0)
    guard stream.lines == lines else { fatalError("lines not accounted for: \(stream.lines) vs \(lines)") }
    let report = Replay.log(stream, jobs: 2)
    let json = report.jsonBytes(jobs: 2)
    _ = report.text()
    _ = report.csv()
    // Read as a log grouped by person (`replay --sorted`): either refused as not grouped, or the
    // same report, byte for byte, unless an id is used by two people (not checked there).
    if let asOf = report.asOf {
        var grouped = GroupedReplay(asOf: asOf, format: .json, jobs: 2, store: MemoryFragmentStore(), batchEvents: 7)
        // As `replay --sorted` does in its first pass: the sources the events name.
        grouped.notJudged = NotJudged.rules(sources: stream.sources).notJudged
        var out: [UInt8] = []
        var start = 0
        do {
            while start < size {
                let end = min(size, start + 61)
                try grouped.consume(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
            _ = try grouped.finish { out.append(contentsOf: $0) }
            let idsShared = stream.rejected.contains { $0.field == "id" && $0.message.contains("already used") }
            if !idsShared && out != json { fatalError("--sorted and the whole replay disagree") }
        } catch is GroupedReader.NotGrouped {
            // Not grouped by person: refused, as it should be.
        } catch {
            fatalError("unexpected error \(error)")
        }
    }
    // Configuration files and scenarios take the same bytes.
    if let text = String(validating: bytes, as: UTF8.self) {
        if let config = try? JSONValue.parse(text) { _ = try? Parameters.law.applying(config) }
        if let scenarios = try? Scenario.parse(markdown: text, source: "fuzz") { for s in scenarios.prefix(2) { _ = s.run() } }
    }
    return 0
}
