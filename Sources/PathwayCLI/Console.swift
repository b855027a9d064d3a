#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Pathway

/// Where the tool writes and what it reads: the process's streams, or a test double.
protocol Console {
    mutating func out(_ text: String)
    mutating func out(bytes: UnsafeBufferPointer<UInt8>)
    mutating func err(_ text: String)
}

extension Console {
    mutating func out(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { out(bytes: $0) } }
}

struct StandardConsole: Console {
    mutating func out(_ text: String) { _ = Files.write(text, fd: 1) }
    mutating func out(bytes: UnsafeBufferPointer<UInt8>) { _ = Files.write(bytes, fd: 1) }
    mutating func err(_ text: String) { _ = Files.write(text, fd: 2) }
}

/// Files, read and written with POSIX calls (no Foundation): the log is read as a stream.
enum Files {
    static let chunkSize = 1 << 20

    /// Streams a file (or standard input for `-`) through `body`, one chunk at a time.
    static func stream(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(InputError) {
        try stream(path) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
            body(chunk)
            return true
        }
    }

    /// The size of a file in bytes (0 when it cannot be known).
    static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// As above; `body` returns `false` to stop reading.
    static func stream(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) throws(InputError) {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else { throw InputError(message: "\(path) : \(describeErrno())") }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(message: "\(path) : c'est un dossier, un fichier NDJSON était attendu") }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw InputError(message: "\(path) : \(describeErrno())") }
        }
        defer { if fd != 0 { close(fd) } }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(message: "\(path == "-" ? "entrée standard" : path) : \(describeErrno())")
            }
            if count == 0 { break }
            if !body(UnsafeBufferPointer(start: buffer, count: count)) { break }
        }
    }

    /// Maps a file into memory read-only (or reads standard input whole for `-`) and hands
    /// its bytes to `body`.
    static func withContents<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) throws(InputError) -> T {
        try withContents(of: path) { buffer, _ in body(buffer) }
    }

    /// Drops pages of a mapped file from memory once read (`range` in bytes from the start);
    /// a later read of them maps them again from the file.
    typealias PageRelease = @Sendable (_ range: Range<Int>) -> Void

    /// As above; `release` is given when the file is mapped, `nil` when it was read into memory.
    static func withContents<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>, PageRelease?) -> T) throws(InputError) -> T {
        if path == "-" {
            var bytes: [UInt8] = []
            try stream(path) { bytes.append(contentsOf: $0) }
            return bytes.withUnsafeBufferPointer { body($0, nil) }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError(message: "\(path) : \(describeErrno())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(message: "\(path) : c'est un dossier, un fichier NDJSON était attendu") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(message: "\(path) : \(describeErrno())") }
        defer { close(fd) }
        let size = Int(info.st_size)
        guard size > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0), nil) }
        guard (info.st_mode & S_IFMT) == S_IFREG,
              let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            // Not a regular file (a pipe, a device): read it as a stream.
            var bytes: [UInt8] = []
            try stream(path) { bytes.append(contentsOf: $0) }
            return bytes.withUnsafeBufferPointer { body($0, nil) }
        }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        let base = UnsafeSendablePointer(mapped)
        let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        let release: PageRelease = { range in
            // Whole pages inside the range only: a page shared with the next piece stays.
            let from = (range.lowerBound + page - 1) / page * page
            let to = range.upperBound / page * page
            if to > from { _ = madvise(base.pointer + from, to - from, MADV_DONTNEED) }
        }
        return body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size), release)
    }

    /// Reads a small file whole, as UTF-8 text.
    /// The bytes of a file.
    /// `body` given the contents of every path at once, each mapped in memory as
    /// ``withContents(of:_:)`` maps one (the pages read stay the kernel's, dropped under pressure,
    /// not the process's); valid only during the call.
    static func withContents<T>(ofAll paths: [String], _ body: ([UnsafeBufferPointer<UInt8>]) throws -> T) throws -> T {
        func nest(_ k: Int, _ buffers: [UnsafeBufferPointer<UInt8>]) throws -> T {
            guard k < paths.count else { return try body(buffers) }
            let result: Result<T, any Error> = try withContents(of: paths[k]) { (buffer: UnsafeBufferPointer<UInt8>) in
                Result { try nest(k + 1, buffers + [buffer]) }
            }
            return try result.get()
        }
        return try nest(0, [])
    }

    static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Whether a file exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Writes `bytes` to a temporary file in the target's folder, then renames it over the
    /// target: a run stopped midway leaves the previous file whole.
    static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(InputError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder)/.\(name).\(getpid()).tmp"
        TemporaryFiles.removeLeftovers(of: name, in: folder)
        let slot = TemporaryFiles.register(temporary)
        defer { TemporaryFiles.release(slot) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw InputError(message: "\(path) : écriture impossible : \(describeErrno())") }
        let ok = write(bytes, fd: fd)
        let synced = fsync(fd) == 0
        _ = close(fd)
        guard ok, synced, rename(temporary, path) == 0 else {
            let reason = describeErrno()
            _ = unlink(temporary)
            throw InputError(message: "\(path) : écriture impossible : \(reason)")
        }
    }

    static func readText(_ path: String) throws(InputError) -> String {
        var bytes: [UInt8] = []
        try stream(path) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes all of `text` to a file descriptor; `false` on an error.
    static func write(_ text: String, fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { write($0, fd: fd) }
    }

    /// Writes all of `bytes` to a file descriptor; `false` on an error.
    static func write(_ bytes: [UInt8], fd: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { write($0, fd: fd) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, fd: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, base + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
        #else
        return Darwin.write(fd, pointer, count)
        #endif
    }

    /// The `.md` files at `path` (itself, or under it, recursively), sorted.
    static func markdownFiles(under path: String) throws(InputError) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError(message: "\(path) : \(describeErrno())") }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard let dir = opendir(path) else { throw InputError(message: "\(path) : \(describeErrno())") }
        defer { closedir(dir) }
        var result: [String] = []
        while let entry = readdir(dir) {
            let name = Files.entryName(entry)
            if name.hasPrefix(".") { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else { continue }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                result.append(contentsOf: try markdownFiles(under: child))
            } else if name.hasSuffix(".md") {
                result.append(child)
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func writeError(_ text: String) { _ = write(text, fd: 2) }

    /// A directory entry's name, read in place. Copying `d_name` (`entry.pointee.d_name`) would
    /// read its 256 bytes, past the end of a short entry that readdir's buffer ends with: an
    /// overflow AddressSanitizer reports once the sanitizer build links with lld.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    static func describeErrno() -> String {
        switch errno {
        case ENOENT: return "fichier introuvable"
        case EACCES: return "permission refusée"
        case EISDIR: return "c'est un dossier"
        case ENOSPC: return "plus de place sur le disque"
        case EROFS: return "système de fichiers en lecture seule"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        default: return String(cString: strerror(errno))
        }
    }
}

/// A temporary file, deleted as soon as it is created (only this process can reach it), that
/// keeps the rendered pieces of a report replayed person by person (`replay --sorted`).
/// Writes go through a 1 MiB buffer; the first write error is kept for the caller to report.
final class TemporaryFileStore: FragmentStore {
    private let fd: Int32
    private var size = 0
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private(set) var failure: String?

    init() throws(InputError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/pathway-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError(message: "\(folder) : impossible de créer un fichier temporaire : \(Files.describeErrno())") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
        pending.reserveCapacity(1 << 20)
    }

    deinit { _ = Glibc.close(fd) }

    func append(_ bytes: [UInt8]) -> Range<Int> {
        let range = size..<(size + bytes.count)
        pending.append(contentsOf: bytes)
        size += bytes.count
        if pending.count >= 1 << 20 { flush() }
        return range
    }

    func read(_ range: Range<Int>) -> [UInt8] {
        flush()
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = failure ?? "lecture du fichier temporaire impossible : \(n < 0 ? Files.describeErrno() : "fin de fichier")"
                break
            }
            done += n
        }
        return bytes
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        if failure == nil {
            var done = 0
            while done < pending.count {
                let n = pending.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, pending.count - done, off_t(pendingStart + done)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = "écriture du fichier temporaire impossible : \(Files.describeErrno())"; break }
                done += n
            }
        }
        pendingStart = size
        pending.removeAll(keepingCapacity: true)
    }
}

/// The address of a read-only mapping, handed to the parsing threads.
struct UnsafeSendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
}

/// A file written whole or not at all: the bytes go to a temporary file in the target's folder,
/// renamed over the target by ``finish()``; a run stopped midway (or that fails) leaves the
/// previous file whole. A path that is not a regular file (`/dev/stdout`, a pipe) is written
/// directly.
final class OutputFile {
    let fd: Int32
    private let path: String
    private let temporary: String?
    private var finished = false
    private var slot: Int?

    init(path: String) throws(InputError) {
        self.path = path
        var info = stat()
        let special = stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        if special {
            temporary = nil
            fd = open(path, O_WRONLY)
        } else {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            let temp = "\(folder.isEmpty ? "" : folder)/.\(name).\(getpid()).tmp"
            TemporaryFiles.removeLeftovers(of: name, in: folder)
            temporary = temp
            slot = TemporaryFiles.register(temp)
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw InputError(message: "\(path) : écriture impossible : \(Files.describeErrno())") }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Files.write(bytes, fd: fd)
    }

    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Puts the file in place (renames the temporary file over the target); `false` when that
    /// fails. Called once everything is written.
    func finish() -> Bool {
        finished = true
        guard let temporary else { return true }
        defer { TemporaryFiles.release(slot); slot = nil }
        return rename(temporary, path) == 0
    }

    /// Closes the file; one never finished is removed, leaving the target as it was.
    func close() {
        _ = Glibc.close(fd)
        if !finished, let temporary { _ = unlink(temporary) }
        TemporaryFiles.release(slot)
        slot = nil
    }
}

/// Large values kept alive until the process exits, so that they are not freed piece by piece
/// just before `exit` (they stay reachable: not leaks for LeakSanitizer). `main` is the only
/// thread that calls it, once per run.
enum ProcessExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keepUntilExit(_ values: Any...) { kept.append(contentsOf: values) }
}

/// How the C allocator gives memory back to the system.
enum Allocator {
    /// Memory freed is kept for the next allocations, not handed back to the system. glibc
    /// returns the free top of its heaps at once (and every block above its threshold), and each
    /// page taken again is a page fault, zeroed by the kernel. A replay frees and takes much as it
    /// goes (a person's weeks, the report's runs): at 10^6 events this halves the replay's page
    /// faults (19,000 to 9,000). The peak memory stays that of the fullest moment. Blocks of
    /// 32 MiB and more (the log's arrays) are still mapped apart, and returned when freed.
    /// For `replay` only, which runs once and exits: a long-running `pathway serve` keeps the
    /// allocator's default, giving back what it no longer needs.
    ///
    /// `mallopt` is looked up at run time (the Glibc module does not import `malloc.h`); with
    /// another C library this does nothing.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3 // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD (malloc.h)
        _ = mallopt(trimThreshold, Int32.max)
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }
}

/// The cores this process may use.
enum Cores {
    static var available: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// Monotonic milliseconds, for PATHWAY_TRACE=1 phase timings on stderr (development aid).
enum Clock {
    static let trace = getenv("PATHWAY_TRACE") != nil

    static func now() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    /// Peak resident memory of the process so far, in MB.
    static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// Page faults of the process so far (each a page of memory touched for the first time,
    /// zeroed by the kernel: fresh memory costs more than the work that fills it).
    static func pageFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt + usage.ru_majflt
    }

    /// `266 ms (peak 126 MB, 30,000 faults)`: a phase from `start`, for the trace.
    static func phase(since start: (ms: Int, faults: Int)) -> String {
        "\(now() - start.ms) ms (peak \(peakMegabytes()) MB, \(pageFaults() - start.faults) faults)"
    }

    /// The time and page faults now, to start a phase.
    static func mark() -> (ms: Int, faults: Int) { (now(), trace ? pageFaults() : 0) }
}

/// The temporary files being written (`--output`, `--state`), removed if the process is
/// stopped by SIGINT, SIGTERM or SIGHUP before they are put in place; and those a run killed
/// outright (SIGKILL) left behind, removed by the next run that writes the same file.
enum TemporaryFiles {
    /// Up to four paths, as C strings, in memory allocated once: the signal handler reads them
    /// through a pointer, with no Swift array, no exclusivity check and no allocation (only
    /// async-signal-safe calls may run there).
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 4)
        table.initialize(repeating: nil, count: 4)
        return table
    }()
    nonisolated(unsafe) private static var installed = false

    /// Registers `path` until ``release(_:)``; returns its slot.
    static func register(_ path: String) -> Int? {
        installHandlers()
        guard let k = (0..<4).first(where: { table[$0] == nil }) else { return nil }
        table[k] = strdup(path)
        return k
    }

    static func release(_ slot: Int?) {
        guard let slot, let pointer = table[slot] else { return }
        table[slot] = nil
        free(pointer)
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        // A parent may have left these signals blocked (a test runner, a supervisor): they
        // must reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                // unlink and _exit only: async-signal-safe. The status is the shell's for a
                // process stopped by a signal (128 + its number).
                let table = TemporaryFiles.table
                for k in 0..<4 { if let pointer = table[k] { _ = unlink(pointer) } }
                _exit(128 + received)
            }
        }
    }

    /// Removes in `folder` the temporary files of `name` (`.name.PID.tmp`) whose process is gone.
    static func removeLeftovers(of name: String, in folder: String) {
        guard let dir = opendir(folder.isEmpty ? "/" : folder) else { return }
        defer { closedir(dir) }
        let prefix = ".\(name)."
        while let entry = readdir(dir) {
            let file = Files.entryName(entry)
            guard file.hasPrefix(prefix), file.hasSuffix(".tmp") else { continue }
            let middle = file.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle), pid != getpid() else { continue }
            // A process that no longer exists left it.
            if kill(pid, 0) != 0 && errno == ESRCH { _ = unlink("\(folder)/\(file)") }
        }
    }
}
