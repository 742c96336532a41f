/*
 * server.h: one VRDE server instance (the HVRDESERVER handed to VirtualBox), shared by the module's
 * files. Who touches what:
 * - VRDE threads (VirtualBox's EMT/display threads): update.c, query_info.c, the entry points in
 *   vrde_module.c. They never block: only try-lock `producer`, short holds of the dirty-region and
 *   pointer-store mutexes.
 * - The control thread (control.c, control_dispatch.c, flush.c, java_launch.c): the socket, the
 *   Java process, every callback into VirtualBox that may take time, dirty flushes.
 */
#ifndef SVP_SERVER_H
#define SVP_SERVER_H

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "dirty.h"
#include "pointer.h"
#include "ring.h"
#include "vrde_abi.h"

struct java_proc {
    pid_t pid;             /* 0: no process */
    int64_t started_ms;    /* when pid was spawned */
    int64_t restart_at_ms; /* earliest next spawn */
    int backoff_index;     /* into the 1, 2, 4, 8, 16, 30 s table */
    bool ever_started;
    bool running_enabled;  /* the enable state the control thread last acted on */
    int64_t stop_begin_ms; /* 0: not stopping; else when SHUTDOWN was sent / the stop began */
    bool sent_term;
    bool sent_kill;
};

struct svp_server {
    VRDECALLBACKS_3 cb; /* copied from VirtualBox; AudioIn NULL for v1 */
    void *pv_callback;
    uint64_t version;   /* negotiated interface version: 1, 3 or 4 */

    char dir[PATH_MAX]; /* the instance directory DIR */
    char module_dir[PATH_MAX]; /* where SVPVRDE.so lives: <pack>/linux.amd64 */
    char *ports;        /* TCP/Ports as given ("0"/empty mapped to "3389") */
    char *address;      /* TCP/Address ("" mapped to "0.0.0.0") */

    struct ring ring;
    pthread_mutex_t producer; /* guards the ring's producer side and the *_pending flags below */
    struct dirty_region dirty;
    struct pointer_store pointer;
    atomic_int resize_pending;  /* a RESIZE record is owed (the ring had no room / lock was busy) */
    atomic_int pointer_pending; /* the stored pointer shape is owed */
    atomic_int complete_owed;   /* a COMPLETE record is owed */

    /* control thread */
    pthread_t thread;
    bool thread_started;
    int listen_fd;
    int conn_fd;   /* the Java server's control connection, -1 if none */
    int event_fd;  /* eventfd: any thread → control thread "look at the flags" */
    atomic_int stop;
    atomic_int enabled; /* VRDEEnableConnections state wanted by VirtualBox */
    pthread_mutex_t send_lock; /* one writer at a time on conn_fd */
    uint8_t *inbuf;
    uint32_t inlen;

    atomic_uint bound_port;
    struct java_proc java;
};

/* Wakes the control thread (any thread; never blocks). */
void control_signal(struct svp_server *s);

/* Reports the port through VRDE_SP_NETWORK_BIND_PORT (0: create failed, 0xFFFFFFFF: destroyed). */
void properties_report_port(struct svp_server *s, uint32_t port);
/* Reads a string property (VRDE_QP_*), retrying once with the size VirtualBox reports for
 * VINF_BUFFER_OVERFLOW. Returns a malloc'd string ("" when unset), NULL on failure. */
char *properties_query_string(struct svp_server *s, uint32_t index);

/* VRDECallbackFramebufferQuery. Caller holds s->producer: every query the module makes is
 * serialised by that lock, because Main's implementation replaces a per-screen reference to the
 * source bitmap on each call (not thread-safe), and that reference is also what keeps the pixels
 * we read between queries alive (so the control thread may read them outside VRDEUpdate). */
static inline bool server_query_fb(struct svp_server *s, VRDEFRAMEBUFFERINFO *fb) {
    if (s->cb.VRDECallbackFramebufferQuery == NULL) {
        return false;
    }
    *fb = (VRDEFRAMEBUFFERINFO){0};
    return s->cb.VRDECallbackFramebufferQuery(s->pv_callback, 0, fb);
}

#endif
