#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A progress line on standard error for long replays, only when standard error is a
/// terminal: bytes read, share of the file, lines per second. Nothing otherwise, so that logs
/// and pipes stay clean.
final class Progress: Sendable {
    private let total: Int
    private let started = Clock.now()
    private let bytes = Atomic<Int>(0)
    private let lines = Atomic<Int>(0)
    private let lastPrint = Mutex<Int>(0)
    private let printed = Atomic<Bool>(false)

    private init(total: Int) {
        self.total = total
    }

    /// A meter when standard error is a terminal and the input is large enough to wait for.
    static func onTerminal(total: Int) -> Progress? {
        guard isatty(2) == 1, total >= 8 << 20 else { return nil }
        return Progress(total: total)
    }

    func add(bytes newBytes: Int, lines newLines: Int) {
        let done = bytes.add(newBytes, ordering: .relaxed).newValue
        let count = lines.add(newLines, ordering: .relaxed).newValue
        let now = Clock.now()
        let due = lastPrint.withLock { last -> Bool in
            guard now - last >= 250 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let seconds = max(1, now - started)
        let line = "\rpathway : lu \(done >> 20) Mo sur \(total >> 20) Mo (\(done * 100 / max(1, total)) %), "
            + "\(count * 1000 / seconds) lignes/s   "
        printed.store(true, ordering: .relaxed)
        Files.writeError(line)
    }

    /// Clears the line.
    func finish() {
        if printed.load(ordering: .relaxed) { Files.writeError("\r\u{1B}[K") }
    }
}
