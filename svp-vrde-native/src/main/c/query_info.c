/* query_info.c: VRDEQueryInfo (see query_info.h). Contract: *pcbOut is always set; when the value
 * does not fit, *pcbOut is the size needed and nothing is written; 0 means "no information". */
#include "query_info.h"

#include <string.h>
#include <time.h>

#include "svp_contract.h"

#define INFO_FIRST SVP_RING_OFF_ACTIVE
#define INFO_END (SVP_RING_OFF_CLIENT_IP + SVP_RING_CLIENT_IP_LEN)
#define SEQLOCK_TRIES 1000

/* Copies the info block consistently (seqlock reader). False if the writer kept it busy. */
static bool read_info(struct svp_server *s, uint8_t *out) {
    const struct ring *r = &s->ring;
    if (r->base == NULL) {
        return false;
    }
    _Atomic uint32_t *seq = ring_u32(r, SVP_RING_OFF_INFO_SEQ);
    for (int i = 0; i < SEQLOCK_TRIES; i++) {
        uint32_t a = atomic_load_explicit(seq, memory_order_acquire);
        if (a & 1) {
            continue;
        }
        /* word-wise relaxed loads: a torn read is detected by the sequence check below */
        for (size_t off = INFO_FIRST; off < INFO_END; off += 4) {
            uint32_t v = atomic_load_explicit(ring_u32(r, off), memory_order_relaxed);
            memcpy(out + off, &v, 4);
        }
        atomic_thread_fence(memory_order_acquire);
        if (atomic_load_explicit(seq, memory_order_relaxed) == a) {
            return true;
        }
    }
    return false;
}

static void answer(const void *value, uint32_t size, void *pv, uint32_t cb, uint32_t *pcb_out) {
    *pcb_out = size;
    if (size <= cb && pv != NULL) {
        memcpy(pv, value, size);
    }
}

static int64_t now_ms_utc(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void query_info(struct svp_server *s, uint32_t index, void *pv, uint32_t cb, uint32_t *pcb_out) {
    if (pcb_out == NULL) {
        return;
    }
    *pcb_out = 0;
    if (index == VRDE_QI_PORT) {
        int32_t port = (int32_t)atomic_load(&s->bound_port);
        answer(&port, 4, pv, cb, pcb_out);
        return;
    }
    static uint8_t zero_info[INFO_END];
    uint8_t info[INFO_END];
    if (!read_info(s, info)) {
        memcpy(info, zero_info, sizeof info);
    }
    uint32_t active;
    memcpy(&active, info + SVP_RING_OFF_ACTIVE, 4);
    switch (index) {
    case VRDE_QI_ACTIVE: answer(info + SVP_RING_OFF_ACTIVE, 4, pv, cb, pcb_out); break;
    case VRDE_QI_NUMBER_OF_CLIENTS: answer(info + SVP_RING_OFF_NUMBER_OF_CLIENTS, 4, pv, cb, pcb_out); break;
    case VRDE_QI_CLIENT_VERSION: answer(info + SVP_RING_OFF_CLIENT_VERSION, 4, pv, cb, pcb_out); break;
    case VRDE_QI_BEGIN_TIME: answer(info + SVP_RING_OFF_BEGIN_TIME, 8, pv, cb, pcb_out); break;
    case VRDE_QI_END_TIME: {
        int64_t end;
        memcpy(&end, info + SVP_RING_OFF_END_TIME, 8);
        if (active) {
            end = now_ms_utc(); /* "now if it is still active" */
        }
        answer(&end, 8, pv, cb, pcb_out);
        break;
    }
    case VRDE_QI_BYTES_SENT: answer(info + SVP_RING_OFF_BYTES_SENT, 8, pv, cb, pcb_out); break;
    case VRDE_QI_BYTES_SENT_TOTAL: answer(info + SVP_RING_OFF_BYTES_SENT_TOTAL, 8, pv, cb, pcb_out); break;
    case VRDE_QI_BYTES_RECEIVED: answer(info + SVP_RING_OFF_BYTES_RECEIVED, 8, pv, cb, pcb_out); break;
    case VRDE_QI_BYTES_RECEIVED_TOTAL:
        answer(info + SVP_RING_OFF_BYTES_RECEIVED_TOTAL, 8, pv, cb, pcb_out);
        break;
    case VRDE_QI_USER:
    case VRDE_QI_DOMAIN:
    case VRDE_QI_CLIENT_NAME:
    case VRDE_QI_CLIENT_IP: {
        static const uint32_t off[] = {SVP_RING_OFF_USER, SVP_RING_OFF_DOMAIN, SVP_RING_OFF_CLIENT_NAME,
                                       SVP_RING_OFF_CLIENT_IP};
        static const uint32_t max[] = {SVP_RING_USER_LEN, SVP_RING_DOMAIN_LEN, SVP_RING_CLIENT_NAME_LEN,
                                       SVP_RING_CLIENT_IP_LEN};
        uint32_t k = index - VRDE_QI_USER;
        const char *str = (const char *)info + off[k];
        answer(str, (uint32_t)strnlen(str, max[k] - 1) + 1, pv, cb, pcb_out);
        if (*pcb_out <= cb && pv != NULL) {
            ((char *)pv)[*pcb_out - 1] = '\0'; /* a field filled to the brim still ends with NUL */
        }
        break;
    }
    default:
        break; /* VRDE_QI_ENCRYPTION_STYLE and unknown indexes: no information */
    }
}
