/* consumer.c: the fake Java side (see consumer.h). */
#include "consumer.h"

#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "svp_contract.h"

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint64_t consumer_u64(struct consumer *c, size_t off) {
    return atomic_load_explicit((_Atomic uint64_t *)(void *)(c->base + off), memory_order_acquire);
}

uint32_t consumer_u32(struct consumer *c, size_t off) {
    return atomic_load_explicit((_Atomic uint32_t *)(void *)(c->base + off), memory_order_acquire);
}

int consumer_open(struct consumer *c, const char *dir) {
    memset(c, 0, sizeof *c);
    c->ctl = -1;
    char path[512];
    snprintf(path, sizeof path, "%s/ring", dir);
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        return -1;
    }
    struct stat st;
    fstat(fd, &st);
    c->size = (size_t)st.st_size;
    c->base = mmap(NULL, c->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (c->base == MAP_FAILED || consumer_u64(c, SVP_RING_OFF_MAGIC) != SVP_RING_MAGIC) {
        return -1;
    }
    c->capacity = consumer_u64(c, SVP_RING_OFF_CAPACITY);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/control.sock", dir);
    c->ctl = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (connect(c->ctl, (struct sockaddr *)&addr, sizeof addr) != 0) {
        return -1;
    }
    return 0;
}

void consumer_close(struct consumer *c) {
    if (c->ctl >= 0) {
        close(c->ctl);
    }
    if (c->base != NULL && c->base != MAP_FAILED) {
        munmap(c->base, c->size);
    }
    free(c->shadow);
    memset(c, 0, sizeof *c);
    c->ctl = -1;
}

int consumer_send(struct consumer *c, uint32_t type, const void *payload, uint32_t len) {
    uint8_t msg[8 + 256];
    memcpy(msg, &type, 4);
    memcpy(msg + 4, &len, 4);
    if (len > 0) {
        memcpy(msg + 8, payload, len);
    }
    return send(c->ctl, msg, 8 + len, MSG_NOSIGNAL) == (ssize_t)(8 + len) ? 0 : -1;
}

static bool read_full(int fd, void *buf, size_t n, int64_t deadline) {
    size_t got = 0;
    while (got < n) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int left = (int)(deadline - now_ms());
        if (left <= 0 || poll(&p, 1, left) <= 0) {
            return false;
        }
        ssize_t r = read(fd, (uint8_t *)buf + got, n - got);
        if (r <= 0) {
            return false;
        }
        got += (size_t)r;
    }
    return true;
}

int consumer_recv(struct consumer *c, void *payload, uint32_t cap, uint32_t *len, int timeout_ms) {
    int64_t deadline = now_ms() + timeout_ms;
    uint32_t hdr[2];
    if (!read_full(c->ctl, hdr, 8, deadline) || hdr[1] > cap || !read_full(c->ctl, payload, hdr[1], deadline)) {
        return -1;
    }
    *len = hdr[1];
    return (int)hdr[0];
}

int consumer_hello(struct consumer *c) {
    uint32_t version = 1;
    if (consumer_send(c, SVP_CTL_HELLO, &version, 4) != 0) {
        return -1;
    }
    for (int i = 0; i < 8; i++) {
        uint32_t p[16], len;
        int type = consumer_recv(c, p, sizeof p, &len, 3000);
        if (type == SVP_CTL_HELLO_ACK && len == 8) {
            c->generation = p[1];
            return (int)p[1];
        }
        if (type < 0) {
            return -1;
        }
    }
    return -1;
}

static void apply_bitmap(struct consumer *c, const uint8_t *p, uint32_t len) {
    int16_t x, y;
    uint16_t w, h;
    uint32_t bpp, row_bytes;
    memcpy(&x, p, 2);
    memcpy(&y, p + 2, 2);
    memcpy(&w, p + 4, 2);
    memcpy(&h, p + 6, 2);
    memcpy(&bpp, p + 8, 4);
    memcpy(&row_bytes, p + 12, 4);
    uint32_t bytes = bpp == 15 ? 2 : bpp / 8;
    if (c->shadow == NULL || bpp != c->bpp || row_bytes != w * bytes || 16u + (uint64_t)h * row_bytes > len ||
        x < 0 || y < 0 || (uint32_t)x + w > c->width || (uint32_t)y + h > c->height) {
        c->bad_record = true;
        return;
    }
    for (uint32_t r = 0; r < h; r++) {
        memcpy(c->shadow + (size_t)(y + r) * c->line + (size_t)x * bytes, p + 16 + (size_t)r * row_bytes, row_bytes);
    }
    c->bitmap_rows += h;
}

static void apply(struct consumer *c, uint32_t type, const uint8_t *p, uint32_t len) {
    if (type < 8) {
        c->counts[type]++;
    } else {
        c->bad_record = true;
        return;
    }
    switch (type) {
    case SVP_REC_RESIZE: {
        uint32_t v[4];
        memcpy(v, p, 16);
        c->width = v[1];
        c->height = v[2];
        c->bpp = v[3];
        c->line = c->width * (c->bpp == 15 ? 2 : c->bpp / 8);
        free(c->shadow);
        c->shadow = calloc(1, (size_t)c->line * c->height + 1);
        break;
    }
    case SVP_REC_BITMAP: apply_bitmap(c, p, len); break;
    case SVP_REC_ORDERS: {
        uint32_t cb;
        memcpy(&cb, p + 4, 4);
        if (cb + 8 <= len && cb <= sizeof c->last_orders) {
            memcpy(c->last_orders, p + 8, cb);
            c->last_orders_len = cb;
        }
        break;
    }
    case SVP_REC_POINTER_COLOR:
    case SVP_REC_POINTER_MOUSEPTR: {
        uint32_t size;
        memcpy(&size, p, 4);
        if (size + 4 <= len && size <= sizeof c->last_pointer) {
            memcpy(c->last_pointer, p + 4, size);
            c->last_pointer_len = size;
            c->last_pointer_type = type;
        }
        break;
    }
    case SVP_REC_POINTER_HIDE:
        c->last_pointer_type = type;
        c->last_pointer_len = 0;
        break;
    default: break;
    }
}

int consumer_drain(struct consumer *c) {
    uint8_t *data = c->base + SVP_RING_HEADER_SIZE;
    uint64_t rp = consumer_u64(c, SVP_RING_OFF_READ_POS);
    uint64_t wp = consumer_u64(c, SVP_RING_OFF_WRITE_POS);
    int n = 0;
    while (rp < wp) {
        uint64_t off = rp & (c->capacity - 1);
        uint32_t type, len;
        memcpy(&type, data + off, 4);
        memcpy(&len, data + off + 4, 4);
        if (len < 16 || len % 16 != 0 || off + len > c->capacity) {
            c->bad_record = true;
            break;
        }
        if (type != SVP_REC_PAD) {
            apply(c, type, data + off + 16, len - 16);
            n++;
        }
        rp += len;
    }
    atomic_store_explicit((_Atomic uint64_t *)(void *)(c->base + SVP_RING_OFF_READ_POS), rp, memory_order_release);
    return n;
}

bool consumer_sync(struct consumer *c, int timeout_ms) {
    int64_t deadline = now_ms() + timeout_ms;
    uint64_t complete_before = c->counts[SVP_REC_COMPLETE];
    while (now_ms() < deadline) {
        consumer_drain(c);
        bool empty = consumer_u64(c, SVP_RING_OFF_READ_POS) == consumer_u64(c, SVP_RING_OFF_WRITE_POS);
        bool dirty = consumer_u32(c, SVP_RING_OFF_DIRTY_PENDING) != 0;
        if (empty && !dirty && c->counts[SVP_REC_COMPLETE] > complete_before) {
            return true;
        }
        if (empty && dirty) {
            consumer_send(c, SVP_CTL_ROOM, NULL, 0);
        }
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    return false;
}

bool consumer_matches_host(struct consumer *c) {
    if (c->shadow == NULL || c->width != H.width || c->height != H.height || c->bpp != H.bpp) {
        fprintf(stderr, "shadow %ux%u@%u vs host %ux%u@%u\n", c->width, c->height, c->bpp, H.width, H.height, H.bpp);
        return false;
    }
    for (uint32_t y = 0; y < c->height; y++) {
        if (memcmp(c->shadow + (size_t)y * c->line, H.fb + (size_t)y * H.line, c->line) != 0) {
            fprintf(stderr, "shadow row %u differs\n", y);
            return false;
        }
    }
    return true;
}
