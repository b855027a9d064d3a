import PathwayMachinery
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an event log (NDJSON, `Docs/events.md` v1) as a stream of byte chunks.
///
/// Lines are split on bytes; a partial line at the end of a chunk is carried to the next one
/// and never scanned twice; a line longer than ``maximumLineLength`` is counted and rejected
/// without being buffered. A UTF-8 byte-order mark at the start of the file, CRLF line ends,
/// blank lines and a missing final newline are all accepted. Every line is accounted for:
/// `lines == events + duplicates + rejected + blank`.
public struct LogReader {
    /// 64 KiB: the longest line accepted, not counting its line end.
    public static let maximumLineLength = 65_536

    private var splitter = LineSplitter()
    private var lines = LineParser()
    private var log = ParsedLog()
    private var dedup = Deduplicator()

    public init() {}

    /// Feeds the next bytes of the file.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
        var splitter = self.splitter
        self.splitter = LineSplitter()
        splitter.consume(chunk) { handle($0) }
        self.splitter = splitter
    }

    /// Feeds bytes held in an array.
    public mutating func consume(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { consume($0) }
    }

    /// Ends the file (a last line without a newline is read) and returns what was read.
    public mutating func finish() -> ParsedLog {
        var splitter = self.splitter
        self.splitter = LineSplitter()
        splitter.finish { handle($0) }
        var result = log
        result.sources = lines.sources
        lines.sources = SourceTally()
        log = ParsedLog()
        return result
    }

    /// Reads a whole log held in memory.
    public static func read(_ bytes: [UInt8]) -> ParsedLog {
        var reader = LogReader()
        reader.consume(bytes)
        return reader.finish()
    }

    /// Reads a whole log held in an array, on up to `jobs` threads (as a buffer, below).
    public static func read(_ bytes: [UInt8], jobs: Int) -> ParsedLog {
        bytes.withUnsafeBufferPointer { read($0, jobs: jobs) }
    }

    /// Reads a whole log held in a string.
    public static func read(_ text: String) -> ParsedLog {
        read(Array(text.utf8))
    }

    private mutating func handle(_ line: LineSplitter.Line) {
        dedup.take(lines.parse(line), into: &log)
    }

    // MARK: A log held in memory, on several threads

    /// Reads a whole log held in memory, parsing on up to `jobs` threads: the buffer is cut at
    /// line ends, each piece parsed apart, then duplicates are resolved in file order. The
    /// result is the same as reading it as a stream.
    ///
    /// `progress`, when given, is called from the parsing threads with the bytes and lines just
    /// read (about every 16,384 lines per thread). `parsed`, when given, is called likewise with
    /// each range of the buffer the reader is done with for now: a caller holding a mapped file
    /// may drop those pages from memory. The ranges cover the buffer twice: once as the lines are
    /// counted, a MiB at a time (the parse reads them again), then as they are parsed (read again
    /// only for a repeated id).
    public static func read(_ buffer: UnsafeBufferPointer<UInt8>, jobs: Int,
                            progress: (@Sendable (_ bytes: Int, _ lines: Int) -> Void)? = nil,
                            parsed: (@Sendable (_ range: Range<Int>) -> Void)? = nil) -> ParsedLog {
        read(buffer, jobs: jobs, minimumPiece: 65_536, progress: progress, parsed: parsed)
    }

    package static func read(_ buffer: UnsafeBufferPointer<UInt8>, jobs: Int, minimumPiece: Int,
                     progress: (@Sendable (Int, Int) -> Void)? = nil,
                     parsed: (@Sendable (Range<Int>) -> Void)? = nil) -> ParsedLog {
        // Several pieces per thread: the cost of a byte varies along a log (short lines of
        // activities, long lines of contracts), and a free thread takes the next piece. The
        // pieces get smaller along the file (piece k of n has n - k shares), so that the last
        // ones, which a thread may end alone, are short. Four a thread: each piece numbers its
        // people in a table of its own, merged afterwards, and a piece of a large log meets
        // nearly all of them; with eight a thread, the tables' memory (its first writes) and
        // their merge cost 2 % more processor time at 10^6 events, for no better balance.
        let pieces = max(1, min(jobs == 1 ? 1 : jobs * 4, buffer.count / max(1, minimumPiece)))
        let shares = pieces * (pieces + 1) / 2
        var bounds = [0]
        var before = 0
        for k in 1..<pieces {
            before += pieces - (k - 1)
            let at = max(bounds[k - 1], Int((Double(buffer.count) * Double(before) / Double(shares)).rounded(.down)))
            let cut = indexOfNewline(buffer, from: at).map { $0 + 1 } ?? buffer.count
            bounds.append(cut)
        }
        bounds.append(buffer.count)
        // Lines per piece first (a fast count of line ends), so that each piece knows the
        // numbers of its lines and where its events go in the one array they share. The pages
        // counted are let go a MiB at a time, as the parse lets go of those it parsed: a count
        // that kept them held the whole file at once (115 MB at 10^6 events, the run's peak);
        // the parse maps them again from the system's cache.
        let lineCounts = Parallel.map(count: pieces, jobs: jobs) { k in
            var count = 0
            var from = bounds[k]
            while from < bounds[k + 1] {
                let to = min(bounds[k + 1], from + (1 << 20))
                count += countLines(UnsafeBufferPointer(rebasing: buffer[from..<to]))
                parsed?(from..<to)
                from = to
            }
            // A last line without its line end (only at the end of the buffer) is a line too.
            let end = bounds[k + 1]
            return end > bounds[k] && buffer[end - 1] != 0x0A ? count + 1 : count
        }
        var firstLine = [0]
        for count in lineCounts { firstLine.append(firstLine[firstLine.count - 1] + count) }
        let totalLines = firstLine[pieces]
        // Each piece parses its lines into its own region of the arrays (room for an event per
        // line): the events, and each one's id hash and person numbered within the piece. The
        // regions are then closed up, the events moved, not copied.
        var chunks: [Chunk] = []
        var eventStart = [0]
        // The ids' bytes: each piece writes those of its events from its own first byte on (an
        // id never takes more bytes than its line; the pages between are never written), then
        // they are moved down end to end, and the pages left behind given back.
        var idStart = [0]
        var events: [EventList.Stored] = [], idHashes: [UInt64] = [], personOf: [Int32] = []
        let idBytes = [UInt8](unsafeUninitializedCapacity: max(1, buffer.count)) { arena, initialized in
            let ids = UnsafeSendable(arena.baseAddress!)
            (events, idHashes, personOf) = Output.filled(totalLines) { out in
                chunks = Parallel.map(count: pieces, jobs: jobs) { k in
                    parseChunk(UnsafeBufferPointer(rebasing: buffer[bounds[k]..<bounds[k + 1]]), offset: bounds[k],
                               firstLine: firstLine[k], into: out.advanced(by: firstLine[k]), ids: ids.value + bounds[k],
                               progress: progress, parsed: parsed)
                }
                for k in 0..<pieces {
                    let count = chunks[k].events
                    let end = eventStart[k]
                    if end != firstLine[k] { out.advanced(by: end).moveInitialize(from: out.advanced(by: firstLine[k]), count: count) }
                    eventStart.append(end + count)
                }
                return eventStart[pieces]
            }
            // Each piece's ids where the previous piece's end (never beyond where they were
            // written: moved down). When all of them end before the second piece's first byte
            // (the ids are a fraction of the lines), no piece's new place overlaps where
            // another's were written, and the pieces move on every thread (8.5 MB at 10^6
            // events, a few milliseconds with the pages they fault); otherwise in order.
            for k in 0..<pieces { idStart.append(idStart[k] + chunks[k].idBytes) }
            func move(_ k: Int) {
                if idStart[k] != bounds[k] && chunks[k].idBytes > 0 {
                    memmove(ids.value + idStart[k], ids.value + bounds[k], chunks[k].idBytes)
                }
            }
            if pieces > 1 && idStart[pieces] <= bounds[1] {
                _ = Parallel.map(count: pieces, jobs: jobs) { k in move(k) }
            } else {
                for k in 0..<pieces { move(k) }
            }
            initialized = idStart[pieces]
            LargeMemory.giveBack(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(arena)[idStart[pieces]...]))
        }
        var log = ParsedLog()
        var errors: [LineError] = []
        // The pieces' people numbered across the log: piece by piece, each in the order it
        // met them (on one thread: a piece lists each of its people once), then each event's
        // person renumbered, and its id's place moved, on all threads.
        var people = PersonNames()
        var numbers: [[Int32]] = []
        // The kinds kept apart, piece after piece: a piece's are numbered from its first.
        var otherStart: [Int32] = []
        var otherCount = 0
        for chunk in chunks {
            log.blank += chunk.blank
            log.sources.merge(chunk.sources)
            errors.append(contentsOf: chunk.errors)
            numbers.append(people.merge(chunk.people))
            otherStart.append(Int32(otherCount))
            otherCount += chunk.others.count
        }
        // Each piece, on all threads: its events renumbered, its kinds kept apart copied to
        // their place, and then let go with the rest of the piece (copied and let go on the
        // main thread, 116,000 kinds took 4 ms at 10^6 events while the other thread waited).
        func finish(_ pieceOf: UnsafeMutableBufferPointer<Chunk>, others: UnsafeMutablePointer<EventKind>?) {
            personOf.withUnsafeMutableBufferPointer { personOf in
                events.withUnsafeMutableBufferPointer { events in
                    let (out, stored) = (UnsafeSendable(personOf), UnsafeSendable(events))
                    let (pieceOf, others) = (UnsafeSendable(pieceOf), UnsafeSendable(others))
                    _ = Parallel.map(count: pieces, jobs: jobs) { k in
                        numbers[k].withUnsafeBufferPointer { global in
                            for i in eventStart[k]..<eventStart[k + 1] {
                                out.value[i] = global[Int(out.value[i])]
                                let id = stored.value[i].id
                                stored.value[i].id = EventList.IdSpan(start: idStart[k] + id.start, count: id.count)
                                if case .other(let j) = stored.value[i].kind { stored.value[i].kind = .other(j + otherStart[k]) }
                            }
                        }
                        pieceOf.value[k].others.withUnsafeBufferPointer { mine in
                            if let from = mine.baseAddress, let to = others.value {
                                (to + Int(otherStart[k])).initialize(from: from, count: mine.count)
                            }
                        }
                        pieceOf.value[k] = Chunk()
                    }
                }
            }
        }
        // No array made with no room (the standard library's shared empty storage, whose count
        // the initialiser writes).
        let others = chunks.withUnsafeMutableBufferPointer { pieceOf in
            guard otherCount > 0 else {
                finish(pieceOf, others: nil)
                return [EventKind]()
            }
            return [EventKind](unsafeUninitializedCapacity: otherCount) { room, initialized in
                finish(pieceOf, others: room.baseAddress)
                initialized = otherCount
            }
        }
        var names = people.names
        chunks = []
        // Duplicates, in file order: the first line with an id wins (the same bytes).
        func id(_ i: Int) -> String { String(decoding: idBytes[events[i].id.range], as: UTF8.self) }
        let repeats = StringTable.repeats(of: idHashes, jobs: jobs) {
            idBytes[events[$0].id.range].elementsEqual(idBytes[events[$1].id.range])
        }
        // Where the lines of repeated ids start (to read them again for their content), found by
        // one scan up to the last of them: most logs repeat no id, and keeping every line's
        // start for them took 8 bytes an event.
        let starts = lineStarts(buffer, of: repeats.flatMap { [events[Int($0.later)].line, events[Int($0.first)].line] })
        var parser = LineParser()
        func contentHash(_ i: Int) -> ContentHash {
            guard let start = starts[events[i].line] else { return ContentHash(a: 0, b: UInt64(i)) }
            let end = indexOfNewline(buffer, from: start) ?? buffer.count
            let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if case .event(_, let hash) = parser.parse(line, number: events[i].line) { return hash }
            return ContentHash(a: 0, b: UInt64(i))
        }
        // Repeated lines counted or rejected, then removed in place, the order kept.
        for (later, earlier) in repeats.map({ (Int($0.later), Int($0.first)) }) {
            if contentHash(earlier) == contentHash(later) {
                log.duplicates += 1
            } else {
                errors.append(LineError(line: events[later].line, field: "id",
                    .idReused(id: id(later), firstLine: events[earlier].line)))
            }
        }
        if !repeats.isEmpty {
            var kept = repeats[0].later
            var next = 0
            for i in Int(kept)..<events.count {
                if next < repeats.count && Int(repeats[next].later) == i { next += 1; continue }
                events.swapAt(Int(kept), i)
                personOf[Int(kept)] = personOf[i]
                kept += 1
            }
            events.removeLast(events.count - Int(kept))
            personOf.removeLast(personOf.count - Int(kept))
        }
        // A person met only on lines then rejected, or repeated, has no event: dropped (with no
        // such line, every person has one).
        if !errors.isEmpty || !repeats.isEmpty { PersonNames.dropUnused(&personOf, &names) }
        log.events = EventList(stored: events, others: others, personOf: personOf, names: names, idBytes: idBytes)
        log.rejected = errors.sorted { $0.line < $1.line }
        return log
    }

    /// What a piece tells the merge, besides what it wrote through its ``Output``.
    private struct Chunk: Sendable {
        /// Events written into the piece's region.
        package var events = 0
        /// The bytes of their ids, written from the piece's first byte on.
        package var idBytes = 0
        /// The piece's people: each event's person is written as a number within the piece.
        package var people = PersonNames()
        /// The kinds of its events kept apart (``EventList/others``), numbered within the piece.
        package var others: [EventKind] = []
        package var errors: [LineError] = []
        package var blank = 0
        package var sources = SourceTally()
    }

    /// Where the events are written, with for each one the hash of its id and its person's
    /// number: three arrays with one element per line of the log, all at the same index.
    private struct Output {
        package var events: UnsafeMutablePointer<EventList.Stored>?
        package var idHashes: UnsafeMutablePointer<UInt64>?
        package var personOf: UnsafeMutablePointer<Int32>?

        package func advanced(by n: Int) -> Output {
            Output(events: events.map { $0 + n }, idHashes: idHashes.map { $0 + n }, personOf: personOf.map { $0 + n })
        }

        /// Moves `count` elements of each array from `source` to here.
        package func moveInitialize(from source: Output, count: Int) {
            guard count > 0, let events, let idHashes, let personOf,
                  let fromEvents = source.events, let fromHashes = source.idHashes, let fromPeople = source.personOf else { return }
            events.moveInitialize(from: fromEvents, count: count)
            idHashes.moveInitialize(from: fromHashes, count: count)
            personOf.moveInitialize(from: fromPeople, count: count)
        }

        /// The three arrays, with room for `capacity` elements each, of which `fill` initializes
        /// the first ones (as many in each) and returns how many.
        package static func filled(_ capacity: Int, _ fill: (Output) -> Int)
            -> (events: [EventList.Stored], idHashes: [UInt64], personOf: [Int32]) {
            func array<T>(_ body: (UnsafeMutablePointer<T>?) -> Int) -> [T] {
                // No room (a log with no line): no array is made with none, which would be the
                // standard library's shared empty storage, whose count the initialiser writes.
                guard capacity > 0 else { _ = body(nil); return [] }
                return LargeMemory.array(capacity: capacity) { body($0.baseAddress) }
            }
            var (idHashes, personOf): ([UInt64], [Int32]) = ([], [])
            let events = array { events in
                var count = 0
                idHashes = array { idHashes in
                    personOf = array { personOf in
                        // Shared by the pieces' threads, each writing its own region.
                        count = fill(Output(events: events, idHashes: idHashes, personOf: personOf))
                        return count
                    }
                    return count
                }
                return count
            }
            return (events, idHashes, personOf)
        }
    }

    /// The byte offset where each of `lines` (1-based numbers) starts in `buffer`, by one scan
    /// of its line ends up to the last of them.
    package static func lineStarts(_ buffer: UnsafeBufferPointer<UInt8>, of lines: [Int]) -> [Int: Int] {
        var starts: [Int: Int] = [:]
        var line = 1, start = 0
        for wanted in Set(lines).sorted() {
            while line < wanted, let newline = indexOfNewline(buffer, from: start) {
                line += 1
                start = newline + 1
            }
            if line == wanted { starts[wanted] = start }
        }
        return starts
    }

    /// Parses the lines of one piece of the buffer, which starts at byte `offset` and line
    /// `firstLine` (0-based) of the whole, writing its events one after the other to `out`
    /// (room for one per line), and their ids' bytes to `ids` (room for the piece's bytes),
    /// each event's id span counted from there.
    private static func parseChunk(_ buffer: UnsafeBufferPointer<UInt8>, offset: Int, firstLine: Int,
                                   into out: Output, ids: UnsafeMutablePointer<UInt8>,
                                   progress: (@Sendable (Int, Int) -> Void)?,
                                   parsed: (@Sendable (Range<Int>) -> Void)?) -> Chunk {
        // No room only in a log with no line at all, whose pieces have none either.
        guard let events = out.events, let idHashes = out.idHashes, let personOf = out.personOf else { return Chunk() }
        var reported = (bytes: 0, lines: 0)
        var chunk = Chunk()
        var parser = LineParser()
        parser.people = PersonNames()
        var start = 0
        var lines = 0
        while start < buffer.count {
            let end = indexOfNewline(buffer, from: start) ?? buffer.count
            lines += 1
            // Only the file's line 1 may carry a byte-order mark.
            let number = firstLine + lines
            // The ids written so far took no more bytes than their lines: the line's own fit.
            switch parser.list(UnsafeBufferPointer(rebasing: buffer[start..<end]), number: number, ids: ids + chunk.idBytes) {
            case .blank: chunk.blank += 1
            case .rejected(let error): chunk.errors.append(error)
            case .listed(let kind, let date, let count):
                let n = chunk.events
                idHashes[n] = StringTable.hash(UnsafeBufferPointer(start: ids + chunk.idBytes, count: count))
                personOf[n] = parser.latestPerson
                (events + n).initialize(to: EventList.Stored(id: EventList.IdSpan(start: chunk.idBytes, count: count),
                                                             kind: EventList.StoredKind(kind, others: &chunk.others),
                                                             date: date, line: number))
                chunk.idBytes += count
                chunk.events += 1
            }
            start = end + 1
            if lines & 16_383 == 0 {
                progress?(start - reported.bytes, lines - reported.lines)
                parsed?((offset + reported.bytes)..<(offset + min(start, buffer.count)))
                reported = (start, lines)
            }
        }
        progress?(min(start, buffer.count) - reported.bytes, lines - reported.lines)
        parsed?((offset + reported.bytes)..<(offset + min(start, buffer.count)))
        chunk.people = parser.people ?? PersonNames()
        chunk.sources = parser.sources
        return chunk
    }
}

/// Cuts a stream of byte chunks into numbered lines. A partial line at the end of a chunk is
/// carried to the next one and never scanned twice; a line longer than
/// ``LogReader/maximumLineLength`` is counted and reported without being buffered.
package struct LineSplitter {
    package enum Line {
        /// A line without its LF (it may still hold a byte-order mark or a CR).
        case text(UnsafeBufferPointer<UInt8>, number: Int)
        /// A line too long to be read, and its length.
        case overlong(length: Int, number: Int)
    }

    private var carry: [UInt8] = []
    private var overlongLength: Int?
    /// Lines cut so far.
    package private(set) var lineNumber = 0

    /// Cuts the complete lines of `chunk` (with the carried start of the first).
    package mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Line) throws -> Void) rethrows {
        var start = 0
        let count = chunk.count
        while start < count {
            guard let newline = LogReader.indexOfNewline(chunk, from: start) else { break }
            lineNumber += 1
            if let length = overlongLength {
                overlongLength = nil
                try body(.overlong(length: length + newline - start, number: lineNumber))
            } else if carry.isEmpty {
                try body(.text(UnsafeBufferPointer(rebasing: chunk[start..<newline]), number: lineNumber))
            } else {
                carry.append(contentsOf: chunk[start..<newline])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { try body(.text($0, number: lineNumber)) }
            }
            start = newline + 1
        }
        guard start < count else { return }
        let rest = count - start
        if let length = overlongLength {
            overlongLength = length + rest
        } else if carry.count + rest > LogReader.maximumLineLength + 4 { // room for a BOM and a CR, checked exactly per line
            overlongLength = carry.count + rest
            carry.removeAll(keepingCapacity: false)
        } else {
            carry.append(contentsOf: chunk[start..<count])
        }
    }

    /// Ends the stream: a last line without a newline is cut.
    package mutating func finish(_ body: (Line) throws -> Void) rethrows {
        if let length = overlongLength {
            overlongLength = nil
            lineNumber += 1
            try body(.overlong(length: length, number: lineNumber))
        } else if !carry.isEmpty {
            let line = carry
            carry.removeAll()
            lineNumber += 1
            try line.withUnsafeBufferPointer { try body(.text($0, number: lineNumber)) }
        }
    }
}

/// One line, parsed: the part of reading that can run on any thread.
package struct LineParser {
    private var parser = EventLineParser()

    package init() {}

    /// When set, the people of the lines parsed are interned (``PersonNames``): after an
    /// event, `people.latest` is its person's number.
    package var people: PersonNames? {
        get { parser.people }
        set { parser.people = newValue }
    }

    /// The number of the latest event's person, when people are interned.
    package var latestPerson: Int32 { parser.people?.latest ?? -1 }

    /// The sources the events parsed so far name.
    package var sources: SourceTally {
        get { parser.sources }
        set { parser.sources = newValue }
    }

    package enum Parsed {
        case blank
        case rejected(LineError)
        case event(Event, ContentHash)
    }

    /// A line read for a log's list (``list(_:number:ids:)``).
    package enum Listed {
        case blank
        case rejected(LineError)
        /// An event: its kind and date, its id's bytes written where asked (`idBytes` of
        /// them), its person ``latestPerson``. No event is built, nor destroyed.
        case listed(EventKind, CivilDate, idBytes: Int)
    }

    /// Parses a line cut by ``LineSplitter``.
    package mutating func parse(_ line: LineSplitter.Line) -> Parsed {
        switch line {
        case .text(let bytes, let number): return parse(bytes, number: number)
        case .overlong(let length, let number): return .rejected(LineParser.overlong(length, line: number))
        }
    }

    /// Parses one line held in an array (a line handed over by an embedding program).
    package mutating func parse(_ bytes: [UInt8], number: Int) -> Parsed {
        bytes.withUnsafeBufferPointer { parse($0, number: number) }
    }

    /// Parses one line (without its LF); `number` 1 may start with a byte-order mark.
    package mutating func parse(_ raw: UnsafeBufferPointer<UInt8>, number: Int, hashing: Bool = true) -> Parsed {
        switch LineParser.content(raw, number: number) {
        case .blank: return .blank
        case .rejected(let error): return .rejected(error)
        case .line(let line): return parser.parsed(line, lineNumber: number, hashing: hashing)
        }
    }

    /// Reads one line (without its LF) for a log's list, as ``parse(_:number:hashing:)`` reads
    /// it, but keeping no event: its id's bytes, unescaped, are written to `ids` (room for the
    /// whole line is the caller's to give), its person numbered (``people`` must be set).
    package mutating func list(_ raw: UnsafeBufferPointer<UInt8>, number: Int, ids: UnsafeMutablePointer<UInt8>) -> Listed {
        switch LineParser.content(raw, number: number) {
        case .blank: return .blank
        case .rejected(let error): return .rejected(error)
        case .line(let line): return parser.listed(line, lineNumber: number, ids: ids)
        }
    }

    /// What a line holds once its byte-order mark (line 1 only) and CR are set aside: nothing
    /// but white space, too much, or a line to read.
    private enum Content {
        case blank
        case rejected(LineError)
        case line(UnsafeBufferPointer<UInt8>)
    }

    @inline(__always) private static func content(_ raw: UnsafeBufferPointer<UInt8>, number: Int) -> Content {
        var line = raw
        if number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
            line = UnsafeBufferPointer(rebasing: line[3...])
        }
        if let last = line.last, last == 0x0D {
            line = UnsafeBufferPointer(rebasing: line[..<(line.count - 1)])
        }
        guard line.count <= LogReader.maximumLineLength else {
            return .rejected(LineParser.overlong(line.count, line: number))
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return .blank
        }
        return .line(line)
    }

    package static func overlong(_ length: Int, line: Int) -> LineError {
        LineError(line: line, field: nil, .overlong(length: length, limit: LogReader.maximumLineLength))
    }
}

/// What a log held: its events in file order, and how every other line was counted.
public struct ParsedLog: Sendable {
    /// Accepted events, in file order (duplicates left out), each person's identifier kept once.
    public var events = EventList()
    /// Rejected lines, in file order.
    public var rejected: [LineError] = []
    /// Lines repeating an earlier event's `id` with identical content.
    public var duplicates = 0
    /// Empty or white-space lines.
    public var blank = 0
    /// The sources the events name (lines read as events, duplicates included).
    public var sources = SourceTally()

    /// Events let go once replayed (`Replay.log(releasing:)`), still counted in ``lines``.
    package var released = 0

    public init() {}

    /// All lines of the file: events + duplicates + rejected + blank (the events let go once
    /// replayed included).
    public var lines: Int { events.count + released + duplicates + rejected.count + blank }
}

