/*
 * records.h: encoders for the ring's screen records (RESIZE, BITMAP bands, ORDERS, COMPLETE).
 * Producer lock held by the caller (a VRDE thread or the control thread). Pointer records are in
 * pointer.c.
 */
#ifndef SVP_RECORDS_H
#define SVP_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "dirty.h"
#include "ring.h"
#include "vrde_abi.h"

bool rec_resize(struct ring *r, const VRDEFRAMEBUFFERINFO *fb, uint64_t time_ns);
bool rec_complete(struct ring *r, uint64_t time_ns);
bool rec_orders(struct ring *r, unsigned screen, const void *update, uint32_t cb, uint64_t time_ns);
/* Largest ORDERS update (cbUpdate) a record can ever carry in this ring (capacity / 4 limit). */
uint32_t rec_orders_max(const struct ring *r);
/* Writes rc (clipped) as BITMAP bands of whole rows, as many as fit now. Returns the rows written
 * from the top; *bands counts the records. */
int32_t rec_bitmap_bands(struct ring *r, const VRDEFRAMEBUFFERINFO *fb, struct svp_rect rc, uint64_t time_ns,
                         int *bands);

#endif
