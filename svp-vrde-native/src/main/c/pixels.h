/*
 * pixels.h: reading rectangles out of VirtualBox's framebuffer into BITMAP record payloads.
 * Pure functions; called with the producer lock held, by a VRDE thread during VRDEUpdate or by the
 * control thread between FramebufferLock and FramebufferUnlock.
 */
#ifndef SVP_PIXELS_H
#define SVP_PIXELS_H

#include <stdbool.h>
#include <stdint.h>

#include "dirty.h"
#include "vrde_abi.h"

/* Bytes per pixel for the framebuffer depths served (32, 24, 16 and 15, 8); 0 for any other. */
int pixels_bytes_per_pixel(unsigned bpp);
/* Clips rc to the framebuffer; false when nothing is left or the depth is not served. */
bool pixels_clip(const VRDEFRAMEBUFFERINFO *fb, struct svp_rect *rc);
/* Writes a BITMAP payload: i16 x, i16 y, u16 w, u16 h, u32 bpp, u32 row_bytes (= w * bytes per
 * pixel), then h rows copied from the framebuffer, top row first. rc must be clipped. */
void pixels_write_bitmap(uint8_t *payload, const VRDEFRAMEBUFFERINFO *fb, struct svp_rect rc);

#endif
