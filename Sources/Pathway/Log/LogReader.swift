/// Reads an event log (NDJSON, EVENTS.md v1) as a stream of byte chunks.
///
/// Lines are split on bytes; a partial line at the end of a chunk is carried to the next one
/// and never scanned twice; a line longer than ``maximumLineLength`` is counted and rejected
/// without being buffered. A UTF-8 byte-order mark at the start of the file, CRLF line ends,
/// blank lines and a missing final newline are all accepted. Every line is accounted for:
/// `lines == events + duplicates + rejected + blank`.
public struct LogReader {
    /// 64 KiB: the longest line accepted, not counting its line end.
    public static let maximumLineLength = 65_536

    private var parser = EventLineParser()
    private var carry: [UInt8] = []
    private var overlongLength: Int?
    private var lineNumber = 0
    private var log = ParsedLog()
    private var seen: [String: (hash: ContentHash, line: Int)] = [:]

    public init() {}

    /// Feeds the next bytes of the file.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
        var start = 0
        let count = chunk.count
        while start < count {
            guard let newline = LogReader.indexOfNewline(chunk, from: start) else { break }
            if let length = overlongLength {
                overlongLength = nil
                rejectOverlong(length + newline - start)
            } else if carry.isEmpty {
                handleLine(UnsafeBufferPointer(rebasing: chunk[start..<newline]))
            } else {
                carry.append(contentsOf: chunk[start..<newline])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                line.withUnsafeBufferPointer { handleLine($0) }
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

    /// Feeds bytes held in an array.
    public mutating func consume(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { consume($0) }
    }

    /// Ends the file (a last line without a newline is read) and returns what was read.
    public mutating func finish() -> ParsedLog {
        if let length = overlongLength {
            overlongLength = nil
            rejectOverlong(length)
        } else if !carry.isEmpty {
            let line = carry
            carry.removeAll()
            line.withUnsafeBufferPointer { handleLine($0) }
        }
        let result = log
        log = ParsedLog()
        return result
    }

    /// Reads a whole log held in memory.
    public static func read(_ bytes: [UInt8]) -> ParsedLog {
        var reader = LogReader()
        reader.consume(bytes)
        return reader.finish()
    }

    /// Reads a whole log held in a string.
    public static func read(_ text: String) -> ParsedLog {
        read(Array(text.utf8))
    }

    // MARK: Lines

    private mutating func handleLine(_ raw: UnsafeBufferPointer<UInt8>) {
        lineNumber += 1
        var line = raw
        if lineNumber == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
            line = UnsafeBufferPointer(rebasing: line[3...])
        }
        if let last = line.last, last == 0x0D {
            line = UnsafeBufferPointer(rebasing: line[..<(line.count - 1)])
        }
        guard line.count <= LogReader.maximumLineLength else {
            lineNumber -= 1
            rejectOverlong(line.count)
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            log.blank += 1
            return
        }
        switch parser.parse(line, lineNumber: lineNumber) {
        case .failure(let error):
            log.rejected.append(error)
        case .success(let (event, hash)):
            if let first = seen[event.id] {
                if first.hash == hash {
                    log.duplicates += 1
                } else {
                    log.rejected.append(LineError(line: lineNumber, field: "id",
                        message: "\"\(event.id)\" was already used on line \(first.line) with different content"))
                }
            } else {
                seen[event.id] = (hash, lineNumber)
                log.events.append(event)
            }
        }
    }

    private mutating func rejectOverlong(_ length: Int) {
        lineNumber += 1
        log.rejected.append(LineError(line: lineNumber, field: nil,
            message: "line of \(length) bytes is longer than the limit of \(LogReader.maximumLineLength) bytes (64 KiB); not read"))
    }

    @inline(__always)
    private static func indexOfNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = buffer.count
        while i < n {
            if buffer[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }
}

/// What a log held: its events in file order, and how every other line was counted.
public struct ParsedLog: Sendable {
    /// Accepted events, in file order (duplicates left out).
    public var events: [Event] = []
    /// Rejected lines, in file order.
    public var rejected: [LineError] = []
    /// Lines repeating an earlier event's `id` with identical content.
    public var duplicates = 0
    /// Empty or white-space lines.
    public var blank = 0

    public init() {}

    /// All lines of the file: events + duplicates + rejected + blank.
    public var lines: Int { events.count + duplicates + rejected.count + blank }
}
