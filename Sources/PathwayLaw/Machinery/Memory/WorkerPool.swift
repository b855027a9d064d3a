#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads ``Parallel`` runs its work on: the calling thread and the same few threads of
/// the process at every call, made when first needed and kept.
///
/// Why not the system's pool (`DispatchQueue.concurrentPerform`): on a busy machine it starts
/// another thread now and then, while one of its own is descheduled. The C library's allocator
/// gives each new thread an arena of its own, and the memory the earlier threads freed in
/// theirs (the reading's buffers, a person's transient arrays) is not reused by it: at 10^6
/// events a replay's peak went from 107 MiB to 111–112.7 MiB in the runs where the system's
/// pool made a third thread (`strace -f -e clone`), a third of the runs with two busy loops
/// beside it. Here the work of a call is done by the threads that did the earlier calls' work,
/// whatever the load: `--jobs 2` makes one thread, once.
///
/// A call's tasks are queued; the caller runs the first itself, then runs any task still
/// queued (its own or another call's) until its own are done, so a call made from inside a
/// task, or from several threads at once (tests, `pathway serve`), never waits on a thread
/// that waits on it.
package final class WorkerPool: @unchecked Sendable {
    package static let shared = WorkerPool()

    /// The tasks of one call: `body(i)` for each index given to a thread.
    private final class Call {
        let body: (Int) -> Void
        /// Tasks given out and not yet done (guarded by the pool's mutex).
        var running: Int
        init(body: @escaping (Int) -> Void, running: Int) { (self.body, self.running) = (body, running) }
    }

    private struct Task {
        let call: Call
        let index: Int
    }

    // pthread's objects must not move: allocated with the pool, freed with it. A pool that made
    // a thread lives as long as the process (its threads hold it); one that made none, as long
    // as it is referenced.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a task is queued.
    private let queued = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast when a call's last task is done.
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Guarded by `mutex`: the tasks not yet taken, first at `next` (those before it are taken:
    /// `nil`).
    private var tasks: [Task?] = []
    private var next = 0
    /// Guarded by `mutex`: the threads made so far.
    private var threads = 0

    /// The threads made so far.
    package var threadCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return threads
    }

    /// The most threads the pool makes (`pathway replay --jobs` takes at most 256, the caller
    /// included).
    private let maximumThreads: Int

    /// A pool of its own (tests); the library uses ``shared``.
    package init(maximumThreads: Int = 255) {
        self.maximumThreads = maximumThreads
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(queued, nil)
        pthread_cond_init(finished, nil)
    }

    deinit {
        pthread_cond_destroy(finished)
        pthread_cond_destroy(queued)
        pthread_mutex_destroy(mutex)
        finished.deallocate()
        queued.deallocate()
        mutex.deallocate()
    }

    /// `body(0)`, `body(1)`, … `body(count - 1)`, on the calling thread and up to `count - 1` of
    /// the pool's, returning when all are done.
    package func run(count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let call = Call(body: body, running: count - 1)
            pthread_mutex_lock(mutex)
            // A thread that cannot be made, or one beyond the most the pool makes, leaves its
            // tasks to the threads there are: the caller runs what is queued.
            while threads < min(count - 1, maximumThreads), start() {}
            for index in 1..<count { tasks.append(Task(call: call, index: index)) }
            pthread_cond_broadcast(queued)
            pthread_mutex_unlock(mutex)
            body(0)
            pthread_mutex_lock(mutex)
            while call.running > 0 {
                if let task = take() {
                    perform(task)
                } else {
                    pthread_cond_wait(finished, mutex)
                }
            }
            pthread_mutex_unlock(mutex)
        }
    }

    /// The first task queued, if any, taken out of the queue (the mutex held).
    private func take() -> Task? {
        guard next < tasks.count else { return nil }
        let task = tasks[next].take()
        next += 1
        if next == tasks.count {
            (tasks, next) = ([], 0)
        } else if next >= 1024, next * 2 >= tasks.count {
            // Calls from several threads at once keep the queue from emptying: the tasks taken
            // are let go of, so that it does not grow without end.
            tasks.removeFirst(next)
            next = 0
        }
        return task
    }

    /// Runs `task` with the mutex let go, and counts it done (the mutex held before and after).
    /// Nothing holds the task's call once it is counted: the caller, who may then return, must
    /// find its closure referenced by no one (`withoutActuallyEscaping` checks it).
    private func perform(_ task: consuming Task) {
        let (call, index) = (task.call, task.index)
        _ = consume task
        pthread_mutex_unlock(mutex)
        call.body(index)
        pthread_mutex_lock(mutex)
        call.running -= 1
        if call.running == 0 { pthread_cond_broadcast(finished) }
    }

    /// One more thread, taking tasks for the life of the process (the mutex held); false when
    /// the system makes none.
    private func start() -> Bool {
        // Each thread holds the pool for as long as it runs, that is for the life of the process.
        let held = Unmanaged.passRetained(self)
        let pool = held.toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let made = pthread_create(&thread, nil, { pool in
            #if canImport(Darwin)
            Unmanaged<WorkerPool>.fromOpaque(pool).takeUnretainedValue().work()
            #else
            Unmanaged<WorkerPool>.fromOpaque(pool!).takeUnretainedValue().work()
            #endif
        }, pool)
        guard made == 0 else {
            held.release()
            return false
        }
        threads += 1
        #if canImport(Darwin)
        pthread_detach(thread!)
        #else
        pthread_detach(thread)
        #endif
        return true
    }

    /// A pool thread's loop: take a task, run it, again.
    private func work() -> Never {
        pthread_mutex_lock(mutex)
        while true {
            if let task = take() {
                perform(task)
            } else {
                pthread_cond_wait(queued, mutex)
            }
        }
    }
}
