/* test_session.c: pointers, query info, and the Java side's control messages. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "svp_contract.h"
#include "tests.h"

void test_pointers(void) {
    host_set_fb(64, 64, 32);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    consumer_sync(&c, 3000);
    /* legacy colour pointer, 32x32 as Main builds it */
    static uint8_t color[12 + 128 + 3072];
    VRDECOLORPOINTER cp = {3, 4, 32, 32, 128, 3072};
    memcpy(color, &cp, 12);
    for (size_t i = 12; i < sizeof color; i++) {
        color[i] = (uint8_t)(i * 7);
    }
    H.ep->VRDEColorPointer(H.server, (const VRDECOLORPOINTER *)(void *)color);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_POINTER_COLOR], 1);
    CHECK(c.last_pointer_len == sizeof color && memcmp(c.last_pointer, color, sizeof color) == 0,
          "colour pointer not verbatim");
    /* inconsistent sizes are refused */
    VRDECOLORPOINTER bad = {0, 0, 32, 32, 128, 100};
    H.ep->VRDEColorPointer(H.server, &bad);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_POINTER_COLOR], 1);
    /* the v4 MOUSEPTR form */
    VRDEMOUSEPTRINTERFACE mp = {.header = {1, sizeof mp}};
    H.ep->VRDEGetInterface(H.server, "MOUSEPTR", &mp.header, NULL, NULL);
    static uint8_t shape[14 + 16 * 16 * 4];
    VRDEMOUSEPTRDATA md = {1, 2, 16, 16, 0, 16 * 16 * 4};
    memcpy(shape, &md, 14);
    for (size_t i = 14; i < sizeof shape; i++) {
        shape[i] = (uint8_t)(i * 3);
    }
    mp.VRDEMousePtr(H.server, (const VRDEMOUSEPTRDATA *)(void *)shape);
    VRDEMOUSEPTRDATA big = {0, 0, 300, 16, 0, 300 * 16 * 4};
    mp.VRDEMousePtr(H.server, &big);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_POINTER_MOUSEPTR], 1);
    CHECK(c.last_pointer_type == SVP_REC_POINTER_MOUSEPTR && c.last_pointer_len == sizeof shape &&
              memcmp(c.last_pointer, shape, sizeof shape) == 0,
          "MOUSEPTR not verbatim");
    /* a new consumer (restarted Java) gets the last shape again */
    consumer_close(&c);
    char dir[512];
    host_instance_dir(dir, sizeof dir);
    CHECK(consumer_open(&c, dir) == 0, "reconnect");
    int gen = consumer_hello(&c);
    CHECK_EQ(gen, 2);
    CHECK(consumer_sync(&c, 3000), "sync after second HELLO");
    CHECK(c.last_pointer_type == SVP_REC_POINTER_MOUSEPTR && c.last_pointer_len == sizeof shape,
          "pointer not replayed on HELLO");
    CHECK(consumer_matches_host(&c), "screen not replayed on HELLO");
    H.ep->VRDEHidePointer(H.server);
    consumer_drain(&c);
    CHECK_EQ(c.counts[SVP_REC_POINTER_HIDE], 1);
    end_session(&c);
    printf("ok   pointers: colour and MOUSEPTR verbatim, bad sizes refused, hide, last shape replayed on HELLO\n");
}

static void put_u32(struct consumer *c, size_t off, uint32_t v) {
    atomic_store((_Atomic uint32_t *)(void *)(c->base + off), v);
}

static void put_u64(struct consumer *c, size_t off, uint64_t v) {
    atomic_store((_Atomic uint64_t *)(void *)(c->base + off), v);
}

void test_query_info(void) {
    host_set_fb(64, 64, 32);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    host_clear_events();
    /* the Java side's info block, written under its seqlock */
    put_u32(&c, SVP_RING_OFF_INFO_SEQ, 1);
    put_u32(&c, SVP_RING_OFF_ACTIVE, 1);
    put_u32(&c, SVP_RING_OFF_NUMBER_OF_CLIENTS, 3);
    put_u64(&c, SVP_RING_OFF_BEGIN_TIME, 1700000000123ll);
    put_u64(&c, SVP_RING_OFF_BYTES_SENT_TOTAL, 987654321ull);
    strcpy((char *)c.base + SVP_RING_OFF_USER, "alice");
    strcpy((char *)c.base + SVP_RING_OFF_CLIENT_IP, "127.0.0.1");
    put_u32(&c, SVP_RING_OFF_INFO_SEQ, 2);
    uint32_t port = 5678;
    consumer_send(&c, SVP_CTL_PORT, &port, 4);

    uint32_t out = 99, u32 = 0;
    uint64_t u64 = 0;
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_ACTIVE, &u32, 4, &out);
    CHECK(out == 4 && u32 == 1, "ACTIVE %u (%u bytes)", u32, out);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_NUMBER_OF_CLIENTS, &u32, 4, &out);
    CHECK(out == 4 && u32 == 3, "NUMBER_OF_CLIENTS %u", u32);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_BEGIN_TIME, &u64, 8, &out);
    CHECK(out == 8 && u64 == 1700000000123ull, "BEGIN_TIME %llu", (unsigned long long)u64);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_BYTES_SENT_TOTAL, &u64, 8, &out);
    CHECK(out == 8 && u64 == 987654321ull, "BYTES_SENT_TOTAL %llu", (unsigned long long)u64);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_END_TIME, &u64, 8, &out);
    CHECK(out == 8 && u64 > 1700000000123ull, "END_TIME while active is now: %llu", (unsigned long long)u64);
    /* strings: size first with (NULL, 0), then too small writes nothing, then the value */
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_USER, NULL, 0, &out);
    CHECK_EQ(out, 6);
    char small[4] = "xyz";
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_USER, small, sizeof small, &out);
    CHECK(out == 6 && strcmp(small, "xyz") == 0, "too small: %u, '%s'", out, small);
    char user[32];
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_USER, user, sizeof user, &out);
    CHECK(out == 6 && strcmp(user, "alice") == 0, "USER '%s'", user);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_CLIENT_IP, user, sizeof user, &out);
    CHECK(out == 10 && strcmp(user, "127.0.0.1") == 0, "CLIENT_IP '%s'", user);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_DOMAIN, user, sizeof user, &out);
    CHECK(out == 1 && user[0] == '\0', "DOMAIN %u", out);
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_ACTIVE, &u32, 2, &out);
    CHECK_EQ(out, 4);
    H.ep->VRDEQueryInfo(H.server, 99, &u32, 4, &out);
    CHECK_EQ(out, 0);
    for (int i = 0; i < 100 && host_count_events('P') == 0; i++) {
        sleep_ms(5);
    }
    int32_t qport = 0;
    H.ep->VRDEQueryInfo(H.server, VRDE_QI_PORT, &qport, 4, &out);
    CHECK(out == 4 && qport == 5678, "PORT %d", qport);
    end_session(&c);
    printf("ok   VRDEQueryInfo from the info block (sizes, too-small buffers, strings, port)\n");
}

static int wait_events(int kind, int n) {
    for (int i = 0; i < 400 && host_count_events(kind) < n; i++) {
        sleep_ms(5);
    }
    return host_count_events(kind);
}

void test_control_messages(void) {
    host_set_fb(64, 64, 32);
    struct consumer c;
    if (start_session(&c, NULL) != 0) {
        CHECK(0, "no session");
        return;
    }
    host_clear_events();
    uint32_t port = 3390;
    consumer_send(&c, SVP_CTL_PORT, &port, 4);
    CHECK_EQ(wait_events('P', 1), 1);
    CHECK_EQ(host_last_event('P').a, 3390);
    uint32_t scan[2] = {VRDE_INPUT_SCANCODE, 0xE0};
    consumer_send(&c, SVP_CTL_INPUT, scan, 8);
    uint32_t point[4] = {VRDE_INPUT_POINT, 100, 200, VRDE_INPUT_POINT_BUTTON1 | VRDE_INPUT_POINT_WHEEL_UP};
    consumer_send(&c, SVP_CTL_INPUT, point, 16);
    uint32_t cad = VRDE_INPUT_CAD;
    consumer_send(&c, SVP_CTL_INPUT, &cad, 4);
    uint32_t reset = VRDE_INPUT_RESET;
    consumer_send(&c, SVP_CTL_INPUT, &reset, 4);
    uint32_t wrong[3] = {VRDE_INPUT_SCANCODE, 0x1E, 0};
    consumer_send(&c, SVP_CTL_INPUT, wrong, 12);
    uint32_t synch[2] = {VRDE_INPUT_SYNCH, VRDE_INPUT_SYNCH_NUMLOCK};
    consumer_send(&c, SVP_CTL_INPUT, synch, 8);
    CHECK_EQ(wait_events('I', 4), 4);
    pthread_mutex_lock(&H.lock);
    int k = 0;
    for (int i = 0; i < H.n_events; i++) {
        struct host_event e = H.events[i];
        if (e.kind != 'I') {
            continue;
        }
        uint32_t v[3] = {0};
        memcpy(v, e.data, e.len < 12 ? e.len : 12);
        if (k == 0) CHECK(e.type == 0 && e.len == 4 && v[0] == 0xE0, "scancode event %d/%u/%#x", e.type, e.len, v[0]);
        if (k == 1) CHECK(e.type == 1 && e.len == 12 && v[0] == 100 && v[1] == 200 && v[2] == 0x09, "point event");
        if (k == 2) CHECK(e.type == 2 && e.len == 0, "CAD event");
        if (k == 3) CHECK(e.type == 4 && e.len == 4 && v[0] == 2, "synch event");
        k++;
    }
    pthread_mutex_unlock(&H.lock);
    CHECK_EQ(k, 4); /* RESET and the wrong size never reach VirtualBox */

    uint8_t logon[64];
    uint32_t ids[2] = {77, 5};
    memcpy(logon, ids, 8);
    memcpy(logon + 8, "bob\0pw\0dom", 11);
    consumer_send(&c, SVP_CTL_LOGON, logon, 19);
    uint32_t reply[8], len;
    int type = consumer_recv(&c, reply, sizeof reply, &len, 2000);
    CHECK(type == SVP_CTL_LOGON_RESULT && len == 8 && reply[0] == 77 && reply[1] == 0, "LOGON_RESULT %d", type);
    CHECK(strcmp((const char *)host_last_event('L').data, "bob|pw|dom") == 0, "logon args '%s'",
          host_last_event('L').data);
    memcpy(logon + 8, "refuse\0\0\0", 9);
    consumer_send(&c, SVP_CTL_LOGON, logon, 17);
    type = consumer_recv(&c, reply, sizeof reply, &len, 2000);
    CHECK(type == SVP_CTL_LOGON_RESULT && (int32_t)reply[1] == VERR_ACCESS_DENIED, "refused logon %d", (int)reply[1]);

    uint32_t client = 5;
    consumer_send(&c, SVP_CTL_CLIENT_CONNECT, &client, 4);
    consumer_send(&c, SVP_CTL_CLIENT_DISCONNECT, &client, 4);
    uint32_t hint[4] = {1024, 768, 32, 0};
    consumer_send(&c, SVP_CTL_VIDEO_MODE_HINT, hint, 16);
    CHECK_EQ(wait_events('V', 1), 1);
    CHECK(host_last_event('C').a == 5 && host_last_event('D').a == 5, "connect/disconnect ids");
    struct host_event v = host_last_event('V');
    CHECK(v.a == 1024 && v.b == 768 && v.c == 32 && v.d == 0, "video mode hint");

    H.ep->VRDEDisconnect(H.server, 5, true);
    type = consumer_recv(&c, reply, sizeof reply, &len, 2000);
    CHECK(type == SVP_CTL_DISCONNECT_CLIENT && reply[0] == 5 && reply[1] == 1, "DISCONNECT_CLIENT %d", type);

    /* REFRESH re-reads an area from the framebuffer */
    consumer_sync(&c, 2000);
    host_scribble(10, 10, 20, 20, 99); /* changed without an update: only REFRESH brings it */
    int32_t refresh[4] = {10, 10, 20, 20};
    consumer_send(&c, SVP_CTL_REFRESH, refresh, 16);
    CHECK(consumer_sync(&c, 2000), "refresh sync");
    CHECK(consumer_matches_host(&c), "REFRESH did not re-read the area");
    end_session(&c);
    printf("ok   control messages: PORT, INPUT (RESET and bad sizes dropped), LOGON, CONNECT, DISCONNECT, "
           "VIDEO_MODE_HINT, REFRESH; VRDEDisconnect → DISCONNECT_CLIENT\n");
}
