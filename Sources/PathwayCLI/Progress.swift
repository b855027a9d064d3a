#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A progress line on standard error for long replays, only when standard error is a
/// terminal: bytes read, share of the file, lines per second, then the stages that follow the
/// reading (the replay, the writing of the report). Nothing otherwise, so that logs and pipes
/// stay clean. A pass of `--sorted` names itself (`passe 1 sur 2`).
final class Progress: Sendable {
    private let total: Int
    private let label: String
    private let started = Clock.now()
    private let bytes = Atomic<Int>(0)
    private let lines = Atomic<Int>(0)
    private let lastPrint = Mutex<Int>(0)
    private let printed = Atomic<Bool>(false)

    private init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// Whether a run reading `total` bytes shows its progress: standard error is a terminal and
    /// the input is large enough to wait for.
    static func shown(total: Int) -> Bool { isatty(2) == 1 && total >= 8 << 20 }

    /// A meter when standard error is a terminal and the input is large enough to wait for.
    /// `label` names the pass (`passe 1 sur 2 : …`), if any.
    static func onTerminal(total: Int, label: String = "lu") -> Progress? {
        guard shown(total: total) else { return nil }
        return Progress(total: total, label: label)
    }

    /// Shows the stage the run is in after the reading (`rejeu de 14 639 personnes…`), on the
    /// same line, when the run shows its progress.
    static func stage(_ text: String, total: Int) {
        guard shown(total: total) else { return }
        Files.writeError("\rpathway : \(text)…\u{1B}[K")
    }

    /// Clears the stage line.
    static func clear(total: Int) {
        guard shown(total: total) else { return }
        Files.writeError("\r\u{1B}[K")
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
        let line = "\rpathway : \(label) \(done >> 20) Mo sur \(total >> 20) Mo (\(done * 100 / max(1, total)) %), "
            + "\(count * 1000 / seconds) lignes/s   "
        printed.store(true, ordering: .relaxed)
        Files.writeError(line)
    }

    /// Clears the line.
    func finish() {
        if printed.load(ordering: .relaxed) { Files.writeError("\r\u{1B}[K") }
    }
}
