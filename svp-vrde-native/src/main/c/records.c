/* records.c: ring record encoders for screen content (see records.h). */
#include "records.h"

#include <string.h>

#include "pixels.h"
#include "stats.h"
#include "svp_contract.h"

bool rec_resize(struct ring *r, const VRDEFRAMEBUFFERINFO *fb, uint64_t time_ns) {
    uint8_t *p = ring_reserve(r, SVP_REC_RESIZE, 16, time_ns);
    if (p == NULL) {
        return false;
    }
    uint32_t v[4] = {0, fb->cWidth, fb->cHeight, fb->cBitsPerPixel};
    memcpy(p, v, sizeof v);
    ring_commit(r);
    return true;
}

bool rec_complete(struct ring *r, uint64_t time_ns) {
    if (ring_reserve(r, SVP_REC_COMPLETE, 0, time_ns) == NULL) {
        return false;
    }
    ring_commit(r);
    return true;
}

uint32_t rec_orders_max(const struct ring *r) {
    return (uint32_t)(r->capacity / 4 - SVP_REC_HEADER_SIZE - 8);
}

bool rec_orders(struct ring *r, unsigned screen, const void *update, uint32_t cb, uint64_t time_ns) {
    if (cb > rec_orders_max(r)) {
        return false;
    }
    uint8_t *p = ring_reserve(r, SVP_REC_ORDERS, 8 + cb, time_ns);
    if (p == NULL) {
        return false;
    }
    uint32_t v[2] = {screen, cb};
    memcpy(p, v, sizeof v);
    memcpy(p + 8, update, cb);
    ring_commit(r);
    stat_add(STAT_ORDER_RECORDS, 1);
    return true;
}

int32_t rec_bitmap_bands(struct ring *r, const VRDEFRAMEBUFFERINFO *fb, struct svp_rect rc, uint64_t time_ns,
                         int *bands) {
    *bands = 0;
    uint32_t row_bytes = (uint32_t)rc.w * (uint32_t)pixels_bytes_per_pixel(fb->cBitsPerPixel);
    int32_t done = 0;
    while (done < rc.h) {
        uint32_t room = ring_max_payload(r);
        if (room < SVP_REC_BITMAP_FIXED + row_bytes) {
            break;
        }
        int32_t rows = (int32_t)((room - SVP_REC_BITMAP_FIXED) / row_bytes);
        if (rows > rc.h - done) {
            rows = rc.h - done;
        }
        uint8_t *p = ring_reserve(r, SVP_REC_BITMAP, SVP_REC_BITMAP_FIXED + (uint32_t)rows * row_bytes, time_ns);
        if (p == NULL) {
            break;
        }
        pixels_write_bitmap(p, fb, (struct svp_rect){rc.x, rc.y + done, rc.w, rows});
        ring_commit(r);
        done += rows;
        (*bands)++;
    }
    stat_add(STAT_BITMAP_RECORDS, (uint64_t)*bands);
    return done;
}
