/*
 * vrde_module.c: the exported VRDE entry points of SVPVRDE.so: VRDESupportedProperties,
 * VRDECreateServer (version negotiation, instance setup) and the entry-point tables.
 *
 * Loading the library starts nothing: no constructors, no threads, no files. VBoxSVC loads it only
 * to call VRDESupportedProperties and unloads it again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control.h"
#include "instance_dir.h"
#include "java_launch.h"
#include "pointer.h"
#include "query_info.h"
#include "server.h"
#include "svp_contract.h"
#include "update.h"
#include "vrde_abi.h"

#define EXPORT __attribute__((visibility("default")))

static struct svp_server *S(HVRDESERVER h) {
    return (struct svp_server *)(void *)h;
}

/* ---- instance lifetime ---- */

static void server_free(struct svp_server *s) {
    control_stop(s);
    ring_close(&s->ring);
    instance_dir_remove(s->dir);
    pointer_store_destroy(&s->pointer);
    dirty_destroy(&s->dirty);
    pthread_mutex_destroy(&s->producer);
    pthread_mutex_destroy(&s->send_lock);
    free(s->ports);
    free(s->address);
    free(s);
}

static void vrde_destroy(HVRDESERVER h) {
    struct svp_server *s = S(h);
    if (s == NULL) {
        return;
    }
    control_stop(s); /* stops Java, joins the thread: no callback after this */
    properties_report_port(s, 0xFFFFFFFFu);
    server_free(s);
}

static int vrde_enable_connections(HVRDESERVER h, bool enable) {
    struct svp_server *s = S(h);
    atomic_store(&s->enabled, enable ? 1 : 0); /* the control thread starts or stops Java */
    control_signal(s);
    return VINF_SUCCESS;
}

static void vrde_disconnect(HVRDESERVER h, uint32_t client, bool reconnect) {
    uint32_t msg[2] = {client, reconnect ? 1u : 0u};
    control_send(S(h), SVP_CTL_DISCONNECT_CLIENT, msg, sizeof msg);
}

/* ---- screen and pointer (update.c) ---- */

static void vrde_resize(HVRDESERVER h) {
    update_resize(S(h));
}

static void vrde_update(HVRDESERVER h, unsigned screen, void *pv, uint32_t cb) {
    update_screen(S(h), screen, pv, cb);
}

static void vrde_color_pointer(HVRDESERVER h, const VRDECOLORPOINTER *p) {
    uint32_t size = pointer_color_size(p);
    if (size != 0) {
        update_pointer(S(h), SVP_REC_POINTER_COLOR, p, size);
    }
}

static void vrde_mouse_ptr(HVRDESERVER h, const VRDEMOUSEPTRDATA *p) {
    uint32_t size = pointer_mouseptr_size(p);
    if (size != 0) {
        update_pointer(S(h), SVP_REC_POINTER_MOUSEPTR, p, size);
    }
}

static void vrde_hide_pointer(HVRDESERVER h) {
    update_pointer(S(h), SVP_REC_POINTER_HIDE, NULL, 0);
}

/* ---- not supported yet: audio, USB, clipboard, redirect (safe no-ops) ---- */

static void vrde_audio_samples(HVRDESERVER h, const void *pv, uint32_t c, VRDEAUDIOFORMAT f) {
    (void)h, (void)pv, (void)c, (void)f;
}

static void vrde_audio_volume(HVRDESERVER h, uint16_t l, uint16_t r) {
    (void)h, (void)l, (void)r;
}

static void vrde_usb_request(HVRDESERVER h, uint32_t client, void *pv, uint32_t cb) {
    (void)h, (void)client, (void)pv, (void)cb;
}

static void vrde_clipboard(HVRDESERVER h, uint32_t function, uint32_t format, void *pv, uint32_t cb,
                           uint32_t *pcb_read) {
    (void)h, (void)format, (void)pv, (void)cb;
    if (function == VRDE_CLIPBOARD_FUNCTION_DATA_READ && pcb_read != NULL) {
        *pcb_read = 0; /* no client clipboard data */
    }
}

static void vrde_query_info(HVRDESERVER h, uint32_t index, void *pv, uint32_t cb, uint32_t *pcb_out) {
    query_info(S(h), index, pv, cb, pcb_out);
}

static void vrde_redirect(HVRDESERVER h, uint32_t client, const char *server, const char *user,
                          const char *domain, const char *password, uint32_t session, const char *cookie) {
    (void)h, (void)client, (void)server, (void)user, (void)domain, (void)password, (void)session, (void)cookie;
}

static void vrde_audio_in_open(HVRDESERVER h, void *ctx, uint32_t client, VRDEAUDIOFORMAT f, uint32_t n) {
    (void)h, (void)ctx, (void)client, (void)f, (void)n;
}

static void vrde_audio_in_close(HVRDESERVER h, uint32_t client) {
    (void)h, (void)client;
}

static int vrde_get_interface(HVRDESERVER h, const char *id, VRDEINTERFACEHDR *iface,
                              const VRDEINTERFACEHDR *callbacks, void *ctx) {
    (void)h, (void)callbacks, (void)ctx;
    if (id == NULL || iface == NULL || strcmp(id, VRDE_MOUSEPTR_INTERFACE_NAME) != 0) {
        return VERR_NOT_SUPPORTED;
    }
    if (iface->u64Version != VRDE_MOUSEPTR_INTERFACE_VERSION_1 || iface->u64Size != sizeof(VRDEMOUSEPTRINTERFACE)) {
        return VERR_VERSION_MISMATCH;
    }
    VRDEMOUSEPTRINTERFACE *t = (VRDEMOUSEPTRINTERFACE *)iface;
    t->VRDEMousePtr = vrde_mouse_ptr;
    return VINF_SUCCESS;
}

/* ---- entry-point tables, one per served version ---- */

#define ENTRY_POINTS_1                                                                              \
    .VRDEDestroy = vrde_destroy, .VRDEEnableConnections = vrde_enable_connections,                  \
    .VRDEDisconnect = vrde_disconnect, .VRDEResize = vrde_resize, .VRDEUpdate = vrde_update,        \
    .VRDEColorPointer = vrde_color_pointer, .VRDEHidePointer = vrde_hide_pointer,                   \
    .VRDEAudioSamples = vrde_audio_samples, .VRDEAudioVolume = vrde_audio_volume,                   \
    .VRDEUSBRequest = vrde_usb_request, .VRDEClipboard = vrde_clipboard, .VRDEQueryInfo = vrde_query_info
#define ENTRY_POINTS_3                                                                              \
    ENTRY_POINTS_1, .VRDERedirect = vrde_redirect, .VRDEAudioInOpen = vrde_audio_in_open,           \
                    .VRDEAudioInClose = vrde_audio_in_close

static VRDEENTRYPOINTS_1 entry_points_1 = {.header = {1, sizeof(VRDEENTRYPOINTS_1)}, ENTRY_POINTS_1};
static VRDEENTRYPOINTS_3 entry_points_3 = {.header = {3, sizeof(VRDEENTRYPOINTS_3)}, ENTRY_POINTS_3};
static VRDEENTRYPOINTS_4 entry_points_4 = {.header = {4, sizeof(VRDEENTRYPOINTS_4)}, ENTRY_POINTS_3,
                                           .VRDEGetInterface = vrde_get_interface};

/* The callback table sizes VirtualBox uses for the versions served; v2 is never requested. */
static VRDEINTERFACEHDR *entry_points_for(const VRDEINTERFACEHDR *cb) {
    if (cb->u64Version == 4 && cb->u64Size == sizeof(VRDECALLBACKS_4)) {
        return &entry_points_4.header;
    }
    if (cb->u64Version == 3 && cb->u64Size == sizeof(VRDECALLBACKS_3)) {
        return &entry_points_3.header;
    }
    if (cb->u64Version == 1 && cb->u64Size == sizeof(VRDECALLBACKS_1)) {
        return &entry_points_1.header;
    }
    return NULL;
}

/* ---- exports ---- */

EXPORT const char *const *VRDESupportedProperties(void) {
    static const char *const properties[] = {"TCP/Ports", "TCP/Address", NULL};
    return properties;
}

/* Sets up DIR, ring, FIFO, socket and the control thread. Returns an IPRT status. */
static int server_setup(struct svp_server *s) {
    char *ports = properties_query_string(s, VRDE_QP_NETWORK_PORT_RANGE);
    char *address = properties_query_string(s, VRDE_QP_NETWORK_ADDRESS);
    s->ports = (ports == NULL || ports[0] == '\0' || strcmp(ports, "0") == 0) ? strdup("3389") : strdup(ports);
    s->address = (address == NULL || address[0] == '\0') ? strdup("0.0.0.0") : strdup(address);
    free(ports);
    free(address);
    if (s->ports == NULL || s->address == NULL) {
        return VERR_NO_MEMORY;
    }
    if (java_locate_module(s) != 0) {
        fprintf(stderr, "svp-vrde: cannot find the module's own file\n");
        return VERR_OPEN_FAILED;
    }
    int rc = instance_dir_create(s->dir, sizeof s->dir);
    if (rc == 0) {
        rc = ring_create(&s->ring, s->dir, ring_capacity_from_env());
    }
    if (rc == 0) {
        s->dirty.mirror = ring_u32(&s->ring, SVP_RING_OFF_DIRTY_PENDING);
        rc = control_open(s);
    }
    if (rc == 0) {
        rc = control_start(s);
    }
    if (rc != 0) {
        fprintf(stderr, "svp-vrde: cannot set up %s: %s\n", s->dir[0] ? s->dir : "the server directory",
                strerror(-rc));
        return rc == -12 /* ENOMEM */ ? VERR_NO_MEMORY : VERR_OPEN_FAILED;
    }
    return VINF_SUCCESS;
}

EXPORT int VRDECreateServer(const VRDEINTERFACEHDR *callbacks, void *pv_callback, VRDEINTERFACEHDR **pp_entry,
                            HVRDESERVER *ph_server) {
    if (callbacks == NULL || pp_entry == NULL || ph_server == NULL) {
        return VERR_INVALID_PARAMETER;
    }
    VRDEINTERFACEHDR *entry = entry_points_for(callbacks);
    if (entry == NULL) {
        return VERR_VERSION_MISMATCH; /* VirtualBox retries with v3, then v1 */
    }
    struct svp_server *s = calloc(1, sizeof *s);
    if (s == NULL) {
        return VERR_NO_MEMORY;
    }
    memcpy(&s->cb, callbacks, callbacks->u64Size); /* v1: AudioIn stays NULL */
    s->pv_callback = pv_callback;
    s->version = callbacks->u64Version;
    s->ring.fd = s->ring.wake_fd = -1;
    s->listen_fd = s->conn_fd = s->event_fd = -1;
    pthread_mutex_init(&s->producer, NULL);
    pthread_mutex_init(&s->send_lock, NULL);
    dirty_init(&s->dirty);
    pointer_store_init(&s->pointer);
    int rc = server_setup(s);
    if (rc < 0) {
        properties_report_port(s, 0);
        server_free(s);
        return rc;
    }
    *pp_entry = entry;
    *ph_server = (HVRDESERVER)(void *)s;
    return VINF_SUCCESS;
}
