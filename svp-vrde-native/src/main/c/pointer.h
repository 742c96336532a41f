/*
 * pointer.h: pointer shapes, validated and kept in module memory so a restarted Java server gets
 * the current shape (replayed on HELLO).
 *
 * Threads: VRDEColorPointer / VRDEMousePtr / VRDEHidePointer (any VirtualBox thread) set the
 * store; the control thread replays it. The store has its own mutex, held only for a memcpy.
 */
#ifndef SVP_POINTER_H
#define SVP_POINTER_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "vrde_abi.h"

struct pointer_store {
    pthread_mutex_t lock;
    uint32_t kind; /* 0 none, SVP_REC_POINTER_COLOR, SVP_REC_POINTER_MOUSEPTR or SVP_REC_POINTER_HIDE */
    uint8_t *data; /* the VRDE structure and its planes, verbatim */
    uint32_t len;
    uint32_t cap;
};

/* Total bytes of a legacy colour pointer (struct + mask + data), or 0 when its sizes are
 * inconsistent: sides 1..256, mask >= ((w+7)/8)*h, data >= w*h*3. */
uint32_t pointer_color_size(const VRDECOLORPOINTER *p);
/* Same for the MOUSEPTR form: mask 0 or >= ((w+7)/8)*h, data == w*h*4. */
uint32_t pointer_mouseptr_size(const VRDEMOUSEPTRDATA *p);

void pointer_store_init(struct pointer_store *ps);
void pointer_store_destroy(struct pointer_store *ps);
/* Remembers the latest shape (data may be NULL for HIDE). Returns false if out of memory (the
 * previous shape stays). */
bool pointer_store_set(struct pointer_store *ps, uint32_t kind, const void *data, uint32_t len);

struct ring;
/* Writes the remembered shape as a ring record (nothing remembered: true). Producer lock held. */
bool pointer_store_write(struct pointer_store *ps, struct ring *r, uint64_t time_ns);
/* Writes one pointer record from the caller's bytes. Producer lock held. */
bool pointer_write_record(struct ring *r, uint32_t kind, const void *data, uint32_t len, uint64_t time_ns);

#endif
