/* test_screen.c: header-only updates at every depth, ORDERS verbatim, COMPLETE, RESIZE. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "svp_contract.h"
#include "tests.h"

static void bitmaps_at(unsigned bpp) {
    host_set_fb(200, 120, bpp);
    host_scribble(0, 0, 200, 120, bpp);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session at %u bpp", bpp);
        return;
    }
    /* HELLO: RESIZE, the whole screen as bands, COMPLETE */
    CHECK(consumer_sync(&c, 3000), "initial screen at %u bpp", bpp);
    CHECK_EQ(c.counts[SVP_REC_RESIZE], 1);
    CHECK(consumer_matches_host(&c), "initial screen differs at %u bpp", bpp);
    /* a header-only update: exactly one BITMAP with the rectangle read during the call */
    uint64_t bitmaps = c.counts[SVP_REC_BITMAP];
    host_scribble(13, 7, 64, 33, 1000 + bpp);
    host_update_rect(13, 7, 64, 33);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_BITMAP], bitmaps + 1);
    /* a rectangle reaching past the screen is clipped */
    host_scribble(180, 100, 20, 20, 7);
    host_update_rect(180, 100, 64, 64);
    H.ep->VRDEUpdate(H.server, 0, NULL, 0);
    CHECK(consumer_sync(&c, 3000), "sync at %u bpp", bpp);
    CHECK(!c.bad_record, "bad record at %u bpp", bpp);
    CHECK(consumer_matches_host(&c), "pixels differ at %u bpp", bpp);
    end_session(&c);
}

static void orders_verbatim(void) {
    host_set_fb(64, 64, 32);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    consumer_sync(&c, 3000);
    /* header + SOLIDRECT + BOUNDS + REPEAT, as the guest driver sends them */
    uint8_t buf[8 + 4 + 8 + 4 + 12 + 4 + 8];
    VRDEORDERHDR hdr = {1, 2, 30, 40};
    size_t off = 0;
    memcpy(buf + off, &hdr, 8), off += 8;
    uint32_t code = VRDE_ORDER_BOUNDS;
    VRDEORDERBOUNDS bounds = {{1, 2}, {31, 42}};
    memcpy(buf + off, &code, 4), off += 4;
    memcpy(buf + off, &bounds, 8), off += 8;
    code = VRDE_ORDER_SOLIDRECT;
    VRDEORDERSOLIDRECT rect = {0, 0, 64, 64, 0x00FF8000};
    memcpy(buf + off, &code, 4), off += 4;
    memcpy(buf + off, &rect, 12), off += 12;
    code = VRDE_ORDER_REPEAT;
    memcpy(buf + off, &code, 4), off += 4;
    memcpy(buf + off, &bounds, 8), off += 8;
    uint64_t complete = c.counts[SVP_REC_COMPLETE];
    H.ep->VRDEUpdate(H.server, 0, buf, (uint32_t)off);
    H.ep->VRDEUpdate(H.server, 0, NULL, 0);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_ORDERS], 1);
    CHECK(c.last_orders_len == off && memcmp(c.last_orders, buf, off) == 0, "ORDERS not verbatim (%u bytes)",
          c.last_orders_len);
    CHECK_EQ(c.counts[SVP_REC_COMPLETE], complete + 1);
    end_session(&c);
    printf("ok   ORDERS record carries the update verbatim (%zu bytes); NULL update → COMPLETE\n", off);
}

static void resize_mid_session(void) {
    host_set_fb(100, 80, 32);
    host_scribble(0, 0, 100, 80, 5);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    consumer_sync(&c, 3000);
    host_set_fb(300, 170, 16);
    host_scribble(0, 0, 300, 170, 6);
    H.ep->VRDEResize(H.server);
    CHECK(consumer_sync(&c, 3000), "sync after resize");
    CHECK_EQ(c.counts[SVP_REC_RESIZE], 2);
    CHECK(consumer_matches_host(&c), "screen after resize differs");
    end_session(&c);
    printf("ok   VRDEResize: RESIZE 300x170@16 then the whole new screen\n");
}

void test_screen_records(void) {
    static const unsigned depths[] = {32, 24, 16, 8};
    for (int i = 0; i < 4; i++) {
        bitmaps_at(depths[i]);
    }
    printf("ok   header-only updates → BITMAP with the framebuffer's pixels at 32/24/16/8 bpp\n");
    orders_verbatim();
    resize_mid_session();
}
