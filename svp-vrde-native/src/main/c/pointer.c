/* pointer.c: pointer shape validation, the last-shape store and pointer records (see pointer.h). */
#include "pointer.h"

#include <stdlib.h>
#include <string.h>

#include "ring.h"
#include "svp_contract.h"

static bool side_ok(unsigned w, unsigned h) {
    return w >= 1 && h >= 1 && w <= VRDE_POINTER_MAX_SIDE && h <= VRDE_POINTER_MAX_SIDE;
}

uint32_t pointer_color_size(const VRDECOLORPOINTER *p) {
    if (p == NULL || !side_ok(p->u16Width, p->u16Height)) {
        return 0;
    }
    uint32_t mask_min = (uint32_t)((p->u16Width + 7) / 8) * p->u16Height;
    uint32_t data_min = (uint32_t)p->u16Width * p->u16Height * 3;
    if (p->u16MaskLen < mask_min || p->u16DataLen < data_min) {
        return 0;
    }
    return (uint32_t)sizeof *p + p->u16MaskLen + p->u16DataLen;
}

uint32_t pointer_mouseptr_size(const VRDEMOUSEPTRDATA *p) {
    if (p == NULL || !side_ok(p->u16Width, p->u16Height)) {
        return 0;
    }
    uint32_t mask_min = (uint32_t)((p->u16Width + 7) / 8) * p->u16Height;
    uint32_t data = (uint32_t)p->u16Width * p->u16Height * 4;
    if ((p->u16MaskLen != 0 && p->u16MaskLen < mask_min) || p->u32DataLen != data) {
        return 0;
    }
    return (uint32_t)sizeof *p + p->u16MaskLen + p->u32DataLen;
}

void pointer_store_init(struct pointer_store *ps) {
    memset(ps, 0, sizeof *ps);
    pthread_mutex_init(&ps->lock, NULL);
}

void pointer_store_destroy(struct pointer_store *ps) {
    free(ps->data);
    ps->data = NULL;
    pthread_mutex_destroy(&ps->lock);
}

bool pointer_store_set(struct pointer_store *ps, uint32_t kind, const void *data, uint32_t len) {
    pthread_mutex_lock(&ps->lock);
    if (len > ps->cap) {
        uint8_t *grown = realloc(ps->data, len);
        if (grown == NULL) {
            pthread_mutex_unlock(&ps->lock);
            return false;
        }
        ps->data = grown;
        ps->cap = len;
    }
    if (len > 0) {
        memcpy(ps->data, data, len);
    }
    ps->len = len;
    ps->kind = kind;
    pthread_mutex_unlock(&ps->lock);
    return true;
}

bool pointer_write_record(struct ring *r, uint32_t kind, const void *data, uint32_t len, uint64_t time_ns) {
    if (kind == SVP_REC_POINTER_HIDE) {
        if (ring_reserve(r, SVP_REC_POINTER_HIDE, 0, time_ns) == NULL) {
            return false;
        }
        ring_commit(r);
        return true;
    }
    uint8_t *p = ring_reserve(r, kind, 4 + len, time_ns);
    if (p == NULL) {
        return false;
    }
    memcpy(p, &len, 4);
    memcpy(p + 4, data, len);
    ring_commit(r);
    return true;
}

bool pointer_store_write(struct pointer_store *ps, struct ring *r, uint64_t time_ns) {
    pthread_mutex_lock(&ps->lock);
    bool ok = ps->kind == 0 || pointer_write_record(r, ps->kind, ps->data, ps->len, time_ns);
    pthread_mutex_unlock(&ps->lock);
    return ok;
}
