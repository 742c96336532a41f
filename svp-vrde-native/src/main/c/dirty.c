/* dirty.c: dirty region bookkeeping (see dirty.h). */
#include "dirty.h"

#include <string.h>

void dirty_init(struct dirty_region *d) {
    memset(d, 0, sizeof *d);
    pthread_mutex_init(&d->lock, NULL);
}

void dirty_destroy(struct dirty_region *d) {
    pthread_mutex_destroy(&d->lock);
}

static bool contains(struct svp_rect a, struct svp_rect b) {
    return b.x >= a.x && b.y >= a.y && (int64_t)b.x + b.w <= (int64_t)a.x + a.w &&
           (int64_t)b.y + b.h <= (int64_t)a.y + a.h;
}

static struct svp_rect bounding(struct svp_rect a, struct svp_rect b) {
    int64_t x0 = a.x < b.x ? a.x : b.x;
    int64_t y0 = a.y < b.y ? a.y : b.y;
    int64_t x1 = (int64_t)a.x + a.w > (int64_t)b.x + b.w ? (int64_t)a.x + a.w : (int64_t)b.x + b.w;
    int64_t y1 = (int64_t)a.y + a.h > (int64_t)b.y + b.h ? (int64_t)a.y + a.h : (int64_t)b.y + b.h;
    return (struct svp_rect){(int32_t)x0, (int32_t)y0, (int32_t)(x1 - x0), (int32_t)(y1 - y0)};
}

static void set_pending(struct dirty_region *d, int v) {
    atomic_store_explicit(&d->pending, v, memory_order_release);
    if (d->mirror != NULL) {
        atomic_store_explicit(d->mirror, (uint32_t)v, memory_order_release);
    }
}

/* region lock held */
static void add_locked(struct dirty_region *d, struct svp_rect rc) {
    for (int i = 0; i < d->n; i++) {
        if (contains(d->r[i], rc)) {
            return;
        }
    }
    int k = 0;
    for (int i = 0; i < d->n; i++) { /* drop rectangles the new one covers */
        if (!contains(rc, d->r[i])) {
            d->r[k++] = d->r[i];
        }
    }
    d->n = k;
    if (d->n < DIRTY_MAX_RECTS) {
        d->r[d->n++] = rc;
        return;
    }
    struct svp_rect box = rc;
    for (int i = 0; i < d->n; i++) {
        box = bounding(box, d->r[i]);
    }
    d->r[0] = box;
    d->n = 1;
}

bool dirty_add(struct dirty_region *d, struct svp_rect rc) {
    if (rc.w <= 0 || rc.h <= 0) {
        return false;
    }
    pthread_mutex_lock(&d->lock);
    add_locked(d, rc);
    bool was = atomic_load_explicit(&d->pending, memory_order_relaxed) != 0;
    if (!was) {
        set_pending(d, 1);
    }
    pthread_mutex_unlock(&d->lock);
    return !was;
}

bool dirty_add_all(struct dirty_region *d) {
    /* clipped to the framebuffer when flushed */
    return dirty_add(d, (struct svp_rect){0, 0, 0x10000, 0x10000});
}

int dirty_take(struct dirty_region *d, struct svp_rect *out) {
    pthread_mutex_lock(&d->lock);
    int n = d->n;
    memcpy(out, d->r, (size_t)n * sizeof *out);
    d->n = 0;
    pthread_mutex_unlock(&d->lock);
    return n;
}

bool dirty_clear_if_empty(struct dirty_region *d, bool (*before_clear)(void *), void *arg) {
    pthread_mutex_lock(&d->lock);
    bool clear = d->n == 0 && (before_clear == NULL || before_clear(arg));
    if (clear) {
        set_pending(d, 0);
    }
    pthread_mutex_unlock(&d->lock);
    return clear;
}
