/*
 * ring.h: the producer side of the shared-memory ring (layout in svp_contract.h / docs/vrde.md).
 * The files DIR/ring and DIR/wake belong to one server instance.
 *
 * Threads: ring_reserve/ring_commit/ring_max_payload/ring_reset_consumer run only with the server's
 * producer lock held (a VRDE thread that won the try-lock, or the control thread); ring_wake may run
 * right after, still under the lock. The header fields the Java side writes are read with acquire
 * loads.
 */
#ifndef SVP_RING_H
#define SVP_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RING_DEFAULT_CAPACITY (32u << 20)
#define RING_MIN_CAPACITY (2u << 20) /* a 256x256 32-bpp pointer record must stay <= capacity / 4 */
#define RING_MAX_CAPACITY (1u << 30)

struct ring {
    int fd;        /* DIR/ring, mapped; -1 when closed */
    int wake_fd;   /* DIR/wake FIFO, held open read-write and non-blocking so writes never block */
    uint8_t *base; /* the mapping: header then data area */
    size_t map_size;
    uint64_t capacity;
    uint64_t wp;         /* producer's copy of write_pos, including reserved-but-uncommitted bytes */
    uint32_t reserved;   /* length of the record reserved and not committed yet (0: none) */
    bool commit_pending; /* a commit happened since the last ring_wake */
};

/* Creates DIR/ring (header + capacity bytes, allocated up front so a full /dev/shm fails here and
 * never as SIGBUS later) and the DIR/wake FIFO. Returns 0 or -errno. */
int ring_create(struct ring *r, const char *dir, uint64_t capacity);
void ring_close(struct ring *r);

/* Capacity from $SVP_VRDE_RING_BYTES (a power of two within the limits) or the default. */
uint64_t ring_capacity_from_env(void);

/* Payload bytes the largest record writable right now may carry (0: no room), already limited to
 * the capacity / 4 record maximum. */
uint32_t ring_max_payload(const struct ring *r);

/* Reserves a record of 16 + payload_len bytes (rounded to 16), writing a PAD over the tail first if
 * it does not fit before the end. Returns the payload pointer, or NULL when there is no room. */
uint8_t *ring_reserve(struct ring *r, uint32_t type, uint32_t payload_len, uint64_t time_ns);
/* Publishes the reserved record: release store of write_pos. */
void ring_commit(struct ring *r);
/* After commits: if the consumer sleeps on the FIFO, write one byte to it. */
void ring_wake(struct ring *r);

/* HELLO: the new consumer starts at the current write position; generation + 1. Returns it. */
uint32_t ring_reset_consumer(struct ring *r);

static inline _Atomic uint32_t *ring_u32(const struct ring *r, size_t off) {
    return (_Atomic uint32_t *)(void *)(r->base + off);
}
static inline _Atomic uint64_t *ring_u64(const struct ring *r, size_t off) {
    return (_Atomic uint64_t *)(void *)(r->base + off);
}

uint64_t ring_now_ns(void);

#endif
