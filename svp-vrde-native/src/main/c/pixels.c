/* pixels.c: framebuffer rectangle → BITMAP payload (see pixels.h). The pixels keep the
 * framebuffer's own format (32: B,G,R,X; 24: B,G,R; 16: RGB565 LE; 8: RGB 3-3-2); the Java side
 * converts, so the VRDE thread only does row memcpy. */
#include "pixels.h"

#include <string.h>

#include "svp_contract.h"

int pixels_bytes_per_pixel(unsigned bpp) {
    switch (bpp) {
    case 32: return 4;
    case 24: return 3;
    case 16:
    case 15: return 2;
    case 8: return 1;
    default: return 0;
    }
}

bool pixels_clip(const VRDEFRAMEBUFFERINFO *fb, struct svp_rect *rc) {
    if (fb->pu8Bits == NULL || pixels_bytes_per_pixel(fb->cBitsPerPixel) == 0) {
        return false;
    }
    int64_t x0 = rc->x < 0 ? 0 : rc->x;
    int64_t y0 = rc->y < 0 ? 0 : rc->y;
    int64_t x1 = (int64_t)rc->x + rc->w;
    int64_t y1 = (int64_t)rc->y + rc->h;
    if (x1 > (int64_t)fb->cWidth) x1 = fb->cWidth;
    if (y1 > (int64_t)fb->cHeight) y1 = fb->cHeight;
    if (x1 > 0x7FFF) x1 = 0x7FFF; /* BITMAP coordinates are i16/u16 */
    if (y1 > 0x7FFF) y1 = 0x7FFF;
    if (x1 <= x0 || y1 <= y0) {
        return false;
    }
    *rc = (struct svp_rect){(int32_t)x0, (int32_t)y0, (int32_t)(x1 - x0), (int32_t)(y1 - y0)};
    return true;
}

void pixels_write_bitmap(uint8_t *payload, const VRDEFRAMEBUFFERINFO *fb, struct svp_rect rc) {
    int bpp = pixels_bytes_per_pixel(fb->cBitsPerPixel);
    int16_t x = (int16_t)rc.x, y = (int16_t)rc.y;
    uint16_t w = (uint16_t)rc.w, h = (uint16_t)rc.h;
    uint32_t depth = fb->cBitsPerPixel;
    uint32_t row_bytes = (uint32_t)rc.w * (uint32_t)bpp;
    memcpy(payload + 0, &x, 2);
    memcpy(payload + 2, &y, 2);
    memcpy(payload + 4, &w, 2);
    memcpy(payload + 6, &h, 2);
    memcpy(payload + 8, &depth, 4);
    memcpy(payload + 12, &row_bytes, 4);
    uint8_t *dst = payload + SVP_REC_BITMAP_FIXED;
    const uint8_t *src = fb->pu8Bits + (size_t)rc.y * fb->cbLine + (size_t)rc.x * (size_t)bpp;
    for (int32_t row = 0; row < rc.h; row++) {
        memcpy(dst, src, row_bytes);
        dst += row_bytes;
        src += fb->cbLine;
    }
}
