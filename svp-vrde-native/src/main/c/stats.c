/* stats.c: the SVPVRDEGetStats export (tests and `./svp bench vrde` call it from any thread). */
#include "stats.h"

#include <string.h>

#include "vrde_abi.h"

_Atomic uint64_t svp_stats_counters[STAT_COUNT];

_Static_assert(sizeof(struct svp_vrde_stats) == STAT_COUNT * sizeof(uint64_t), "one u64 per counter");

__attribute__((visibility("default"))) size_t SVPVRDEGetStats(struct svp_vrde_stats *out, size_t size) {
    if (out == NULL) {
        return 0;
    }
    uint64_t snapshot[STAT_COUNT];
    for (int i = 0; i < STAT_COUNT; i++) {
        snapshot[i] = atomic_load_explicit(&svp_stats_counters[i], memory_order_relaxed);
    }
    size_t n = size < sizeof snapshot ? size : sizeof snapshot;
    memcpy(out, snapshot, n);
    return n;
}
