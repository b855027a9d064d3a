// Counts the reference-count operations (swift_retain, swift_release and their bridge-object
// forms) on objects that more than one thread touches: each such operation writes a count
// another core also writes, and the cache line moves between the cores every time. Loaded with
// LD_PRELOAD by scripts/shared-refcounts, which explains its use; a development aid, not part of
// the package or of its tests.
//
// Mode 1 (default): at exit, one line per object touched by two threads or more, at least
// SHARED_MIN operations (default 2000): retains, releases, threads, the object's type metadata
// as FILE+OFFSET (resolved to a type name by the script).
// Mode 2 (SHARED_TYPE_OFFSET=hex offset of a type's metadata in the executable): the return
// addresses of the retains of objects of that type, with their counts (resolved to functions
// and lines by the script).
// Mode 3 (SHARED_TYPE_NAME=a type's name as the runtime writes it, for a type made at run time:
// `Swift._ContiguousArrayStorage<Swift.Int>`): the same, each metadata met named once by the
// runtime and the answer kept.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS (1u << 22)
typedef struct {
    _Atomic uintptr_t key, meta;
    _Atomic uint64_t threads, retains, releases;
} slot_t;

static slot_t *table;
static _Atomic int thread_count;
static __thread int thread_index = -1;
static void *(*real_retain)(void *), *(*real_bridge_retain)(void *);
static void (*real_release)(void *), (*real_bridge_release)(void *);
static uintptr_t wanted_meta; // mode 2
static const char *wanted_name; // mode 3
#define METAS 4096
static _Atomic uintptr_t meta_seen[METAS]; // mode 3: metadata met, with bit 0 set when it matches
typedef struct { const char *data; size_t length; } type_name_t;
static type_name_t (*type_name)(const void *, _Bool); // swift_getTypeName
static uintptr_t executable_base;

static void find_executable(void) {
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[1024], self[1024];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (!maps || n <= 0) return;
    self[n] = 0;
    while (fgets(line, sizeof line, maps)) {
        if (strstr(line, self)) { sscanf(line, "%lx", &executable_base); break; }
    }
    fclose(maps);
}

static void init(void) {
    real_retain = dlsym(RTLD_NEXT, "swift_retain");
    real_bridge_retain = dlsym(RTLD_NEXT, "swift_bridgeObjectRetain");
    real_release = dlsym(RTLD_NEXT, "swift_release");
    real_bridge_release = dlsym(RTLD_NEXT, "swift_bridgeObjectRelease");
    type_name = dlsym(RTLD_NEXT, "swift_getTypeName");
    find_executable();
    const char *offset = getenv("SHARED_TYPE_OFFSET");
    if (offset) wanted_meta = executable_base + strtoul(offset, 0, 16);
    wanted_name = getenv("SHARED_TYPE_NAME");
    table = calloc(SLOTS, sizeof(slot_t));
}

static slot_t *slot_for(uintptr_t key) {
    uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 42;
    for (uint32_t probe = 0; probe < SLOTS; probe++, h++) {
        slot_t *s = &table[h & (SLOTS - 1)];
        uintptr_t current = atomic_load(&s->key);
        if (current == key) return s;
        if (current == 0) {
            if (atomic_compare_exchange_strong(&s->key, &current, key) || current == key) return s;
        }
    }
    return 0; // full: the operation goes uncounted
}

// Mode 3: whether `meta` is the type named SHARED_TYPE_NAME (named by the runtime on first sight).
static int is_wanted(uintptr_t meta) {
    uint64_t h = (meta * 0x9E3779B97F4A7C15ull) >> 52;
    for (uint32_t probe = 0; probe < METAS; probe++, h++) {
        _Atomic uintptr_t *entry = &meta_seen[h & (METAS - 1)];
        uintptr_t current = atomic_load(entry);
        if ((current & ~(uintptr_t)1) == meta) return current & 1;
        if (current == 0) {
            Dl_info info;
            int match = 0;
            if (type_name && dladdr((void *)meta, &info) && info.dli_fname) {
                type_name_t n = type_name((const void *)meta, 1);
                match = n.data && strlen(wanted_name) == n.length && memcmp(n.data, wanted_name, n.length) == 0;
            }
            atomic_store(entry, meta | (uintptr_t)match);
            return match;
        }
    }
    return 0;
}

static void note(void *object, int release, void *caller) {
    // A bridge object's spare bits (top byte, low three bits) masked; small strings and tagged
    // values are not addresses of user space.
    uintptr_t key = (uintptr_t)object & ~0xF000000000000007ull;
    if (!table || key < 4096 || key >= 0x0000800000000000ull) return;
    if (thread_index < 0) thread_index = atomic_fetch_add(&thread_count, 1);
    if (wanted_meta) {
        if (release || *(uintptr_t *)key != wanted_meta) return;
        key = (uintptr_t)caller;
    } else if (wanted_name) {
        if (release || !is_wanted(*(uintptr_t *)key)) return;
        key = (uintptr_t)caller;
    }
    slot_t *s = slot_for(key);
    if (!s) return;
    if (!wanted_meta && !wanted_name && atomic_load(&s->meta) == 0) atomic_store(&s->meta, *(uintptr_t *)key);
    atomic_fetch_or(&s->threads, 1ull << (thread_index & 63));
    atomic_fetch_add(release ? &s->releases : &s->retains, 1);
}

void *swift_retain(void *p) { if (!real_retain) init(); note(p, 0, __builtin_return_address(0)); return real_retain(p); }
void *swift_bridgeObjectRetain(void *p) { if (!real_bridge_retain) init(); note(p, 0, __builtin_return_address(0)); return real_bridge_retain(p); }
void swift_release(void *p) { if (!real_release) init(); note(p, 1, 0); real_release(p); }
void swift_bridgeObjectRelease(void *p) { if (!real_bridge_release) init(); note(p, 1, 0); real_bridge_release(p); }

__attribute__((destructor)) static void report(void) {
    if (!table) return;
    const char *path = getenv("SHARED_OUT");
    FILE *out = path ? fopen(path, "w") : stderr;
    if (!out) return;
    long minimum = getenv("SHARED_MIN") ? atol(getenv("SHARED_MIN")) : 2000;
    for (uint32_t i = 0; i < SLOTS; i++) {
        slot_t *s = &table[i];
        if (!s->key) continue;
        if (wanted_meta || wanted_name) {
            if ((long)s->retains >= minimum)
                fprintf(out, "%lu 0x%lx\n", (unsigned long)s->retains, (unsigned long)(s->key - executable_base));
            continue;
        }
        if (__builtin_popcountll(s->threads) < 2 || (long)(s->retains + s->releases) < minimum) continue;
        // A class instance's first word is its type's metadata; a string literal's bytes are not
        // (a literal is never counted anyway). The runtime names the type, generic ones included.
        Dl_info info;
        int known = dladdr((void *)s->meta, &info) && info.dli_fname;
        const char *name = 0; size_t length = 0;
        if (known && type_name) { type_name_t n = type_name((const void *)s->meta, 1); name = n.data; length = n.length; }
        else if (!known) continue;
        if (name) fprintf(out, "%lu %lu %d %.*s\n", (unsigned long)s->retains, (unsigned long)s->releases,
                          __builtin_popcountll(s->threads), (int)length, name);
        else fprintf(out, "%lu %lu %d %s+0x%lx\n", (unsigned long)s->retains, (unsigned long)s->releases,
                     __builtin_popcountll(s->threads), info.dli_fname, (unsigned long)(s->meta - (uintptr_t)info.dli_fbase));
    }
    if (out != stderr) fclose(out);
}
