/* test_dirty.c: the dirty region's rules, on dirty.c itself (compiled into the test host). */
#include <stdio.h>

#include "check.h"
#include "dirty.h"
#include "tests.h"

void test_dirty_region(void) {
    struct dirty_region d;
    dirty_init(&d);
    struct svp_rect out[DIRTY_MAX_RECTS];
    CHECK(dirty_add(&d, (struct svp_rect){10, 10, 5, 5}), "first add makes the region pending");
    CHECK(!dirty_add(&d, (struct svp_rect){20, 20, 5, 5}), "second add reports pending again");
    CHECK(!dirty_add(&d, (struct svp_rect){0, 0, 0, 9}), "empty rectangle");
    dirty_add(&d, (struct svp_rect){11, 11, 2, 2}); /* inside the first: nothing new */
    dirty_add(&d, (struct svp_rect){0, 0, 16, 16});  /* covers the first: replaces it */
    int n = dirty_take(&d, out);
    CHECK_EQ(n, 2);
    CHECK(out[0].x == 20 && out[1].x == 0 && out[1].w == 16, "rects %d,%d", out[0].x, out[1].x);
    CHECK(dirty_pending(&d), "take keeps pending");
    /* 33 disjoint rectangles: the region becomes their bounding box */
    for (int i = 0; i < 33; i++) {
        dirty_add(&d, (struct svp_rect){i * 10, i * 3, 4, 4});
    }
    n = dirty_take(&d, out);
    CHECK_EQ(n, 1);
    CHECK(out[0].x == 0 && out[0].y == 0 && out[0].w == 324 && out[0].h == 100, "box %d,%d %dx%d", out[0].x,
          out[0].y, out[0].w, out[0].h);
    for (int i = 0; i < 32; i++) {
        dirty_add(&d, (struct svp_rect){i * 10, 0, 4, 4});
    }
    CHECK_EQ(dirty_take(&d, out), 32);
    CHECK(dirty_clear_if_empty(&d, NULL, NULL), "clear when empty");
    CHECK(!dirty_pending(&d), "cleared");
    dirty_destroy(&d);
    printf("ok   dirty region: containment, up to 32 rectangles, then the bounding box\n");
}
