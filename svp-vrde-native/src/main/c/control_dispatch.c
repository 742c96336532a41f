/* control_dispatch.c: messages from the Java server → VirtualBox callbacks and ring actions.
 * Control thread only (the only thread that calls VirtualBox's slow callbacks). */
#include <stdio.h>
#include <string.h>

#include "control.h"
#include "flush.h"
#include "records.h"
#include "svp_contract.h"

static uint32_t u32_at(const uint8_t *p, uint32_t off) {
    uint32_t v;
    memcpy(&v, p + off, 4);
    return v;
}

/* HELLO: a new consumer. Under the producer lock: it starts at write_pos, the generation moves on,
 * it gets the geometry, the current pointer and (by the flush that follows) the whole screen. */
static void on_hello(struct svp_server *s) {
    uint64_t t = ring_now_ns();
    pthread_mutex_lock(&s->producer);
    uint32_t gen = ring_reset_consumer(&s->ring);
    VRDEFRAMEBUFFERINFO fb;
    if (server_query_fb(s, &fb) && rec_resize(&s->ring, &fb, t)) {
        atomic_store(&s->resize_pending, 0);
    } else {
        atomic_store(&s->resize_pending, 1);
    }
    if (pointer_store_write(&s->pointer, &s->ring, t)) {
        atomic_store(&s->pointer_pending, 0);
    } else {
        atomic_store(&s->pointer_pending, 1);
    }
    dirty_add_all(&s->dirty);
    pthread_mutex_unlock(&s->producer);
    uint32_t ack[2] = {SVP_CTL_VERSION, gen};
    control_send(s, SVP_CTL_HELLO_ACK, ack, sizeof ack);
    flush_pending(s);
}

static void on_port(struct svp_server *s, uint32_t port) {
    atomic_store(&s->bound_port, port);
    properties_report_port(s, port);
}

static void on_input(struct svp_server *s, const uint8_t *p, uint32_t len) {
    if (len < 4 || s->cb.VRDECallbackInput == NULL) {
        return;
    }
    uint32_t type = u32_at(p, 0);
    uint32_t size = len - 4;
    uint32_t want;
    switch (type) {
    case VRDE_INPUT_SCANCODE: want = sizeof(VRDEINPUTSCANCODE); break;
    case VRDE_INPUT_POINT: want = sizeof(VRDEINPUTPOINT); break;
    case VRDE_INPUT_SYNCH: want = sizeof(VRDEINPUTSYNCH); break;
    case VRDE_INPUT_CAD: want = 0; break;
    default: return; /* VRDE_INPUT_RESET resets the VM: never forwarded from a remote client */
    }
    if (size != want) {
        return; /* VirtualBox ignores wrong sizes too; keep it from seeing them */
    }
    uint8_t copy[16]; /* aligned copy of the struct */
    memcpy(copy, p + 4, size);
    s->cb.VRDECallbackInput(s->pv_callback, (int)type, size ? copy : NULL, size);
}

/* LOGON: u32 request id, u32 client id, then user, password, domain (NUL-terminated). */
static void on_logon(struct svp_server *s, const uint8_t *p, uint32_t len) {
    if (len < 8) {
        return;
    }
    uint32_t request = u32_at(p, 0), client = u32_at(p, 4);
    const char *str[3] = {"", "", ""};
    uint32_t off = 8;
    int32_t status = VERR_INVALID_PARAMETER;
    int i = 0;
    for (; i < 3 && off < len; i++) {
        const void *nul = memchr(p + off, '\0', len - off);
        if (nul == NULL) {
            break;
        }
        str[i] = (const char *)p + off;
        off = (uint32_t)((const uint8_t *)nul - p) + 1;
    }
    if (i == 3) {
        status = s->cb.VRDECallbackClientLogon == NULL
                     ? VINF_SUCCESS
                     : s->cb.VRDECallbackClientLogon(s->pv_callback, client, str[0], str[1], str[2]);
    }
    uint32_t reply[2] = {request, (uint32_t)status};
    control_send(s, SVP_CTL_LOGON_RESULT, reply, sizeof reply);
}

void control_dispatch(struct svp_server *s, uint32_t type, const uint8_t *p, uint32_t len) {
    switch (type) {
    case SVP_CTL_HELLO:
        if (len >= 4) {
            on_hello(s);
        }
        break;
    case SVP_CTL_PORT:
        if (len >= 4) {
            on_port(s, u32_at(p, 0));
        }
        break;
    case SVP_CTL_INPUT:
        on_input(s, p, len);
        break;
    case SVP_CTL_LOGON:
        on_logon(s, p, len);
        break;
    case SVP_CTL_CLIENT_CONNECT:
        if (len >= 4 && s->cb.VRDECallbackClientConnect != NULL) {
            s->cb.VRDECallbackClientConnect(s->pv_callback, u32_at(p, 0));
        }
        break;
    case SVP_CTL_CLIENT_DISCONNECT:
        if (len >= 4 && s->cb.VRDECallbackClientDisconnect != NULL) {
            s->cb.VRDECallbackClientDisconnect(s->pv_callback, u32_at(p, 0), 0);
        }
        break;
    case SVP_CTL_VIDEO_MODE_HINT:
        if (len >= 16 && s->cb.VRDECallbackVideoModeHint != NULL) {
            s->cb.VRDECallbackVideoModeHint(s->pv_callback, u32_at(p, 0), u32_at(p, 4), u32_at(p, 8), u32_at(p, 12));
        }
        break;
    case SVP_CTL_REFRESH:
        if (len >= 16) {
            struct svp_rect rc = {(int32_t)u32_at(p, 0), (int32_t)u32_at(p, 4), (int32_t)u32_at(p, 8),
                                  (int32_t)u32_at(p, 12)};
            dirty_add(&s->dirty, rc);
            flush_pending(s);
        }
        break;
    case SVP_CTL_ROOM:
        flush_pending(s);
        break;
    default:
        break; /* unknown types are skipped: newer Java sides may send more */
    }
}
