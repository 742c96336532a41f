/*
 * consumer.h: a fake Java side for the native tests: maps DIR/ring, talks on DIR/control.sock,
 * reads records the way docs/vrde.md says and keeps a shadow framebuffer from RESIZE and BITMAP.
 */
#ifndef SVP_TEST_CONSUMER_H
#define SVP_TEST_CONSUMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct consumer {
    uint8_t *base;
    size_t size;
    uint64_t capacity;
    int ctl;
    /* shadow screen from RESIZE + BITMAP */
    uint32_t width, height, bpp, line;
    uint8_t *shadow;
    /* what was read */
    uint64_t counts[8];
    uint64_t bitmap_rows;
    bool bad_record;
    uint8_t last_orders[4096];
    uint32_t last_orders_len;
    uint8_t last_pointer[300000];
    uint32_t last_pointer_len;
    uint32_t last_pointer_type;
    uint32_t generation;
};

int consumer_open(struct consumer *c, const char *dir);
void consumer_close(struct consumer *c);
int consumer_send(struct consumer *c, uint32_t type, const void *payload, uint32_t len);
/* Reads one message from the module (timeout in ms); returns its type or -1. */
int consumer_recv(struct consumer *c, void *payload, uint32_t cap, uint32_t *len, int timeout_ms);
/* HELLO, then waits for HELLO_ACK; returns the generation or -1. */
int consumer_hello(struct consumer *c);
/* Consumes every record up to write_pos. Returns how many. */
int consumer_drain(struct consumer *c);
/* Drains and sends ROOM while the module has dirty area, until the ring is empty, nothing is
 * dirty and a COMPLETE was read; false on timeout. */
bool consumer_sync(struct consumer *c, int timeout_ms);
uint64_t consumer_u64(struct consumer *c, size_t off);
uint32_t consumer_u32(struct consumer *c, size_t off);
/* Shadow equals the host framebuffer (same geometry, same pixels row by row). */
bool consumer_matches_host(struct consumer *c);

#endif
