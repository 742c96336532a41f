/* update.c: VRDEUpdate / VRDEResize / pointer calls on VirtualBox's threads (see update.h). */
#include "update.h"

#include <string.h>

#include "pixels.h"
#include "records.h"
#include "stats.h"
#include "svp_contract.h"

static void mark_dirty(struct svp_server *s, struct svp_rect rc) {
    stat_add(STAT_DIRTY_MARKS, 1);
    if (dirty_add(&s->dirty, rc)) {
        control_signal(s);
    }
}

static void owe(struct svp_server *s, atomic_int *flag) {
    atomic_store_explicit(flag, 1, memory_order_release);
    control_signal(s);
}

/* NULL update: "update sequence complete". While area is dirty the flush ends with COMPLETE. */
static void update_complete(struct svp_server *s, uint64_t t) {
    if (pthread_mutex_trylock(&s->producer) != 0) {
        owe(s, &s->complete_owed);
        return;
    }
    if (dirty_pending(&s->dirty)) {
        atomic_store_explicit(&s->complete_owed, 1, memory_order_release);
    } else if (rec_complete(&s->ring, t)) {
        stat_add(STAT_UPDATE_RECORDS, 1);
    } else {
        owe(s, &s->complete_owed);
    }
    ring_wake(&s->ring);
    pthread_mutex_unlock(&s->producer);
}

/* Header-only update: the rectangle's pixels, read from the framebuffer during this call. */
static void update_bitmap(struct svp_server *s, struct svp_rect rc, uint64_t t) {
    VRDEFRAMEBUFFERINFO fb;
    if (!server_query_fb(s, &fb) || !pixels_clip(&fb, &rc)) {
        return;
    }
    int bands = 0;
    int32_t rows = rec_bitmap_bands(&s->ring, &fb, rc, t, &bands);
    stat_add(STAT_UPDATE_RECORDS, (uint64_t)bands);
    if (rows < rc.h) {
        mark_dirty(s, (struct svp_rect){rc.x, rc.y + rows, rc.w, rc.h - rows});
    }
}

void update_screen(struct svp_server *s, unsigned screen, void *pv, uint32_t cb) {
    uint64_t t = ring_now_ns();
    stat_add(STAT_UPDATES, 1);
    if (screen != 0) {
        return; /* multi-monitor is not supported yet */
    }
    if (pv == NULL || cb == 0) {
        update_complete(s, t);
        return;
    }
    if (cb < sizeof(VRDEORDERHDR)) {
        return;
    }
    VRDEORDERHDR hdr;
    memcpy(&hdr, pv, sizeof hdr);
    struct svp_rect rc = {hdr.x, hdr.y, hdr.w, hdr.h};
    if (pthread_mutex_trylock(&s->producer) != 0) {
        mark_dirty(s, rc); /* the control thread is flushing, or another VRDE thread is writing */
        return;
    }
    if (dirty_pending(&s->dirty)) {
        /* never apply anything on top of pixels the Java side has not seen yet */
        mark_dirty(s, rc);
    } else if (cb == sizeof(VRDEORDERHDR)) {
        update_bitmap(s, rc, t);
    } else if (rec_orders(&s->ring, screen, pv, cb, t)) {
        stat_add(STAT_UPDATE_RECORDS, 1);
    } else {
        mark_dirty(s, rc); /* no room, or bigger than a record may be */
    }
    ring_wake(&s->ring);
    pthread_mutex_unlock(&s->producer);
}

/* RESIZE, then the whole new screen as dirty area. Both happen before the producer lock is released,
 * so no order can land between the RESIZE and the full repaint. */
void update_resize(struct svp_server *s) {
    uint64_t t = ring_now_ns();
    bool locked = pthread_mutex_trylock(&s->producer) == 0;
    VRDEFRAMEBUFFERINFO fb;
    if (!locked || atomic_load_explicit(&s->resize_pending, memory_order_acquire) || !server_query_fb(s, &fb) ||
        !rec_resize(&s->ring, &fb, t)) {
        atomic_store_explicit(&s->resize_pending, 1, memory_order_release);
    }
    stat_add(STAT_DIRTY_MARKS, 1);
    dirty_add_all(&s->dirty);
    if (locked) {
        ring_wake(&s->ring);
        pthread_mutex_unlock(&s->producer);
    }
    control_signal(s);
}

void update_pointer(struct svp_server *s, uint32_t kind, const void *data, uint32_t len) {
    uint64_t t = ring_now_ns();
    if (!pointer_store_set(&s->pointer, kind, data, len)) {
        return;
    }
    if (pthread_mutex_trylock(&s->producer) != 0) {
        owe(s, &s->pointer_pending);
        return;
    }
    if (atomic_load_explicit(&s->pointer_pending, memory_order_acquire) ||
        !pointer_write_record(&s->ring, kind, data, len, t)) {
        owe(s, &s->pointer_pending); /* the flush writes the latest stored shape */
    }
    ring_wake(&s->ring);
    pthread_mutex_unlock(&s->producer);
}
