/* test_flood.c: a full ring never blocks and never drops (dirty area, banded flush after ROOM), and
 * the time spent inside VRDEUpdate for 64x64 updates under a flood. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "host.h"
#include "svp_contract.h"
#include "tests.h"

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void test_overflow(void) {
    host_set_fb(1024, 768, 32); /* 3 MiB: bigger than the 2 MiB ring */
    host_scribble(0, 0, 1024, 768, 42);
    struct consumer c;
    if (start_session(&c, "2097152") != 0) {
        CHECK(0, "no session");
        return;
    }
    CHECK(consumer_sync(&c, 5000), "initial screen through a small ring");
    CHECK(consumer_matches_host(&c), "initial screen differs");
    struct svp_vrde_stats before = host_stats();
    /* flood without consuming: the ring fills, then updates become dirty area */
    uint32_t seed = 1;
    int64_t t0 = mono_ms();
    for (int i = 0; i < 3000; i++) {
        seed = seed * 1103515245u + 12345u;
        int x = (int)(seed >> 8) % (1024 - 64), y = (int)(seed >> 20) % (768 - 64);
        host_scribble(x, y, 64, 64, seed);
        host_update_rect(x, y, 64, 64);
        if (i % 100 == 99) {
            H.ep->VRDEUpdate(H.server, 0, NULL, 0);
        }
    }
    int64_t flood_ms = mono_ms() - t0;
    struct svp_vrde_stats after = host_stats();
    CHECK(after.dirty_marks > before.dirty_marks, "no update became dirty area");
    CHECK(consumer_u32(&c, SVP_RING_OFF_DIRTY_PENDING) == 1, "dirty_pending not set");
    CHECK(flood_ms < 2000, "flood took %lld ms", (long long)flood_ms);
    /* drain + ROOM until the module has sent everything: the picture is the framebuffer */
    CHECK(consumer_sync(&c, 5000), "dirty area never arrived");
    struct svp_vrde_stats done = host_stats();
    CHECK(!c.bad_record, "bad record");
    CHECK(consumer_matches_host(&c), "pixels after the flush differ");
    CHECK(done.dirty_flush_bands > after.dirty_flush_bands, "no flush bands");
    printf("ok   ring overflow: %llu updates → dirty area, flushed as %llu bands + COMPLETE after ROOM, pixels equal\n",
           (unsigned long long)(after.dirty_marks - before.dirty_marks),
           (unsigned long long)(done.dirty_flush_bands - after.dirty_flush_bands));
    end_session(&c);
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

struct drainer {
    struct consumer *c;
    atomic_int stop;
};

/* Plays the Java side at full speed: drain, ROOM when drained and dirty. */
static void *drain_thread(void *arg) {
    struct drainer *d = arg;
    while (!atomic_load(&d->stop)) {
        consumer_drain(d->c);
        if (consumer_u32(d->c, SVP_RING_OFF_DIRTY_PENDING) &&
            consumer_u64(d->c, SVP_RING_OFF_READ_POS) == consumer_u64(d->c, SVP_RING_OFF_WRITE_POS)) {
            consumer_send(d->c, SVP_CTL_ROOM, NULL, 0);
        }
        struct timespec ts = {0, 200000};
        nanosleep(&ts, NULL);
    }
    return NULL;
}

#define LAT_N 20000

static uint64_t thread_cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

struct percentiles {
    uint64_t p50, p99, max;
};

static struct percentiles percentiles(uint64_t *samples) {
    qsort(samples, LAT_N, sizeof *samples, cmp_u64);
    return (struct percentiles){samples[LAT_N / 2], samples[LAT_N * 99 / 100], samples[LAT_N - 1]};
}

/* Times LAT_N 64x64 header-only updates (wall clock and this thread's CPU time); checks the wall p50
 * and returns the larger of the two p99s in ns. */
static uint64_t flood(const char *what, uint64_t *wall, uint64_t *cpu) {
    uint32_t seed = 7;
    struct svp_vrde_stats before = host_stats();
    uint64_t t0 = now_ns();
    for (int i = 0; i < LAT_N; i++) {
        seed = seed * 1103515245u + 12345u;
        int x = (int)(seed >> 8) % (1280 - 64), y = (int)(seed >> 20) % (800 - 64);
        VRDEORDERHDR hdr = {(int16_t)x, (int16_t)y, 64, 64};
        uint64_t c0 = thread_cpu_ns();
        uint64_t a = now_ns();
        H.ep->VRDEUpdate(H.server, 0, &hdr, sizeof hdr);
        wall[i] = now_ns() - a;
        cpu[i] = thread_cpu_ns() - c0;
    }
    double secs = (double)(now_ns() - t0) / 1e9;
    struct svp_vrde_stats after = host_stats();
    struct percentiles w = percentiles(wall), c = percentiles(cpu);
    printf("     VRDEUpdate 64x64, %s: wall p50 %.1f / p99 %.1f / max %.1f us; CPU p50 %.1f / p99 %.1f us; %.0f "
           "updates/s, %.1f MB/s into the ring, %llu dirty\n",
           what, w.p50 / 1e3, w.p99 / 1e3, w.max / 1e3, c.p50 / 1e3, c.p99 / 1e3, LAT_N / secs,
           (double)(after.bytes_written - before.bytes_written) / secs / 1e6,
           (unsigned long long)(after.dirty_marks - before.dirty_marks));
    CHECK(w.p50 < 100000, "%s: wall p50 %.1f us >= 100 us", what, w.p50 / 1e3);
    return w.p99 > c.p99 ? w.p99 : c.p99;
}

/* Wall-clock and CPU p99 must be < 100 us; one re-run forgives a burst of other load on a shared
 * machine. */
static void flood_checked(const char *what, uint64_t *wall, uint64_t *cpu) {
    uint64_t p99 = flood(what, wall, cpu);
    if (p99 >= 100000) {
        printf("     p99 %.1f us: running the flood once more\n", p99 / 1e3);
        p99 = flood(what, wall, cpu);
    }
    CHECK(p99 < 100000, "%s: p99 %.1f us >= 100 us", what, p99 / 1e3);
}

void test_latency(void) {
    host_set_fb(1280, 800, 32);
    host_scribble(0, 0, 1280, 800, 3);
    static uint64_t wall[LAT_N], cpu[LAT_N];
    /* no consumer at all: the ring fills, then everything is dirty area */
    CHECK_EQ(host_create(4, 120), VINF_SUCCESS);
    if (H.server == NULL) {
        return;
    }
    flood_checked("no consumer", wall, cpu);
    host_destroy();
    /* a consumer draining as fast as it can: most updates are real copies */
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    consumer_sync(&c, 3000);
    struct drainer d = {.c = &c};
    pthread_t t;
    pthread_create(&t, NULL, drain_thread, &d);
    flood_checked("draining consumer", wall, cpu);
    atomic_store(&d.stop, 1);
    pthread_join(t, NULL);
    end_session(&c);
    printf("ok   VRDEUpdate p99 < 100 us under a flood\n");
}
