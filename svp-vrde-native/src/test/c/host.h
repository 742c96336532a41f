/*
 * host.h: a minimal fake VirtualBox for the native tests: loads SVPVRDE.so, owns a framebuffer,
 * offers a callback table (v1/v3/v4) that records what the module calls, and answers properties
 * the way Main does (VINF_BUFFER_OVERFLOW with the size needed when the buffer is too small).
 */
#ifndef SVP_TEST_HOST_H
#define SVP_TEST_HOST_H

#include <pthread.h>
#include <stdint.h>

#include "vrde_abi.h"

#define HOST_MAX_EVENTS 256

struct host_event {
    int kind; /* 'I' input, 'P' bind port, 'L' logon, 'C' connect, 'D' disconnect, 'V' video mode hint */
    int type;
    uint32_t a, b, c, d;
    uint8_t data[16];
    unsigned len;
};

struct host {
    void *lib;
    VRDECREATESERVER *create;
    VRDESUPPORTEDPROPERTIES *supported;
    SVPVRDEGETSTATS *stats;

    VRDECALLBACKS_3 callbacks;
    const char *ports;
    const char *address;

    pthread_mutex_t lock; /* events and framebuffer description */
    struct host_event events[HOST_MAX_EVENTS];
    int n_events;
    int fb_locks, fb_unlocks, fb_queries;
    int property_overflows;

    uint8_t *fb;
    unsigned width, height, bpp, line;

    HVRDESERVER server;
    VRDEENTRYPOINTS_4 *ep;
};

extern struct host H;

int host_load(const char *module_path);
/* Creates a server with a callback table of that version and size; returns the status. */
int host_create(uint64_t version, uint64_t size);
void host_destroy(void);
void host_set_fb(unsigned width, unsigned height, unsigned bpp);
/* Fills the framebuffer rectangle with pseudo-random bytes from seed. */
void host_scribble(int x, int y, int w, int h, uint32_t seed);
void host_update_rect(int x, int y, int w, int h); /* header-only VRDEUpdate */
int host_count_events(int kind);
struct host_event host_last_event(int kind);
void host_clear_events(void);
struct svp_vrde_stats host_stats(void);

/* The test's private SVP_VRDE_DIR_BASE, and the single instance directory in it (after create). */
extern char host_dir_base[];
int host_instance_dir(char *out, size_t size);

#endif
