/* flush.c: dirty-area and pending-record flush on the control thread (see flush.h). */
#include "flush.h"

#include "pixels.h"
#include "records.h"
#include "stats.h"

bool flush_wanted(struct svp_server *s) {
    return dirty_pending(&s->dirty) || atomic_load(&s->resize_pending) || atomic_load(&s->pointer_pending) ||
           atomic_load(&s->complete_owed);
}

struct complete_arg {
    struct svp_server *s;
    uint64_t t;
    bool no_room;
};

/* Called under the dirty-region lock when the region is empty: the flush ends with COMPLETE. */
static bool write_complete(void *p) {
    struct complete_arg *a = p;
    if (!rec_complete(&a->s->ring, a->t)) {
        a->no_room = true;
        return false;
    }
    atomic_store(&a->s->complete_owed, 0);
    return true;
}

/* Writes the dirty rectangles that fit; puts the rest back. Returns false when the ring is full. */
static bool flush_rects(struct svp_server *s, uint64_t t) {
    struct svp_rect rects[DIRTY_MAX_RECTS];
    int n = dirty_take(&s->dirty, rects);
    if (n == 0) {
        return true;
    }
    if (s->cb.VRDECallbackFramebufferLock != NULL) {
        s->cb.VRDECallbackFramebufferLock(s->pv_callback, 0);
    }
    VRDEFRAMEBUFFERINFO fb;
    bool have_fb = server_query_fb(s, &fb);
    int i = 0;
    bool room = true;
    for (; have_fb && i < n; i++) {
        struct svp_rect rc = rects[i];
        if (!pixels_clip(&fb, &rc)) {
            continue;
        }
        int bands = 0;
        int32_t rows = rec_bitmap_bands(&s->ring, &fb, rc, t, &bands);
        stat_add(STAT_DIRTY_FLUSH_BANDS, (uint64_t)bands);
        if (rows < rc.h) {
            dirty_add(&s->dirty, (struct svp_rect){rc.x, rc.y + rows, rc.w, rc.h - rows});
            room = false;
            i++;
            break;
        }
    }
    if (s->cb.VRDECallbackFramebufferUnlock != NULL) {
        s->cb.VRDECallbackFramebufferUnlock(s->pv_callback, 0);
    }
    /* Without a framebuffer (VirtualBox is between resizes) the area is dropped: the VRDEResize that
     * brings the new framebuffer marks the whole screen dirty anyway. */
    for (; have_fb && i < n; i++) {
        dirty_add(&s->dirty, rects[i]);
    }
    return room;
}

bool flush_pending(struct svp_server *s) {
    pthread_mutex_lock(&s->producer);
    uint64_t t = ring_now_ns();
    bool done = false;
    for (int round = 0; round < 64; round++) {
        if (atomic_load(&s->resize_pending)) {
            VRDEFRAMEBUFFERINFO fb;
            if (server_query_fb(s, &fb)) {
                if (!rec_resize(&s->ring, &fb, t)) {
                    break;
                }
            }
            atomic_store(&s->resize_pending, 0);
        }
        if (atomic_load(&s->pointer_pending)) {
            atomic_store(&s->pointer_pending, 0);
            if (!pointer_store_write(&s->pointer, &s->ring, t)) {
                atomic_store(&s->pointer_pending, 1);
                break;
            }
        }
        if (!flush_rects(s, t)) {
            break;
        }
        if (dirty_pending(&s->dirty)) {
            atomic_store(&s->complete_owed, 1);
            struct complete_arg a = {s, t, false};
            if (!dirty_clear_if_empty(&s->dirty, write_complete, &a)) {
                if (a.no_room) {
                    break;
                }
                continue; /* VRDE threads added area meanwhile */
            }
        } else if (atomic_load(&s->complete_owed)) {
            if (!rec_complete(&s->ring, t)) {
                break;
            }
            atomic_store(&s->complete_owed, 0);
        }
        if (!atomic_load(&s->resize_pending) && !atomic_load(&s->pointer_pending)) {
            done = true;
            break;
        }
    }
    ring_wake(&s->ring);
    pthread_mutex_unlock(&s->producer);
    return done;
}
