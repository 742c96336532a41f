/*
 * stats.h: process-wide counters behind SVPVRDEGetStats. Any thread bumps them (relaxed atomics:
 * they are statistics, never used for synchronisation).
 */
#ifndef SVP_STATS_H
#define SVP_STATS_H

#include <stdatomic.h>
#include <stdint.h>

enum svp_stat {
    STAT_UPDATES,
    STAT_UPDATE_RECORDS,
    STAT_BITMAP_RECORDS,
    STAT_ORDER_RECORDS,
    STAT_BYTES_WRITTEN,
    STAT_DIRTY_MARKS,
    STAT_DIRTY_FLUSH_BANDS,
    STAT_WAKES_WRITTEN,
    STAT_JAVA_STARTS,
    STAT_JAVA_RESTARTS,
    STAT_COUNT
};

extern _Atomic uint64_t svp_stats_counters[STAT_COUNT];

static inline void stat_add(enum svp_stat s, uint64_t n) {
    atomic_fetch_add_explicit(&svp_stats_counters[s], n, memory_order_relaxed);
}

#endif
