/*
 * dirty.h: the dirty region, screen area VirtualBox changed that the ring could not take yet.
 * At most DIRTY_MAX_RECTS rectangles, then their bounding box.
 *
 * Threads: VRDE threads add (a short mutex hold, no callbacks, no I/O); the control thread takes
 * rectangles out to flush them and clears `pending` only while it holds the producer lock, so a
 * VRDE thread that holds the producer lock and sees pending == 0 knows no area is outstanding.
 */
#ifndef SVP_DIRTY_H
#define SVP_DIRTY_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define DIRTY_MAX_RECTS 32

struct svp_rect {
    int32_t x, y, w, h;
};

struct dirty_region {
    pthread_mutex_t lock;
    int n;
    struct svp_rect r[DIRTY_MAX_RECTS];
    atomic_int pending;        /* area outstanding (possibly taken out by a flush in progress) */
    _Atomic uint32_t *mirror;  /* the ring header's dirty_pending, kept equal to `pending` */
};

void dirty_init(struct dirty_region *d);
void dirty_destroy(struct dirty_region *d);
/* Adds a rectangle; returns true when this made the region pending (the caller wakes the
 * control thread). Empty rectangles are ignored. */
bool dirty_add(struct dirty_region *d, struct svp_rect rc);
/* Marks everything dirty (resize, new consumer). */
bool dirty_add_all(struct dirty_region *d);
/* Moves all rectangles to out (capacity DIRTY_MAX_RECTS); `pending` stays set. */
int dirty_take(struct dirty_region *d, struct svp_rect *out);
/* If no rectangle is left, calls before_clear (under the region lock) and, when it returns true,
 * clears `pending`. Returns true when the region is now clear. Producer lock held. */
bool dirty_clear_if_empty(struct dirty_region *d, bool (*before_clear)(void *), void *arg);
static inline bool dirty_pending(struct dirty_region *d) {
    return atomic_load_explicit(&d->pending, memory_order_acquire) != 0;
}

#endif
