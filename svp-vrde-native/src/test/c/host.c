/* host.c: the fake VirtualBox (see host.h). */
#include "host.h"

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct host H = {.lock = PTHREAD_MUTEX_INITIALIZER};
char host_dir_base[256];

static void record(struct host_event e) {
    pthread_mutex_lock(&H.lock);
    if (H.n_events < HOST_MAX_EVENTS) {
        H.events[H.n_events++] = e;
    }
    pthread_mutex_unlock(&H.lock);
}

static int answer_string(const char *v, void *pv, uint32_t cb, uint32_t *pcb_out) {
    uint32_t need = (uint32_t)strlen(v) + 1;
    *pcb_out = need;
    if (cb < need) {
        pthread_mutex_lock(&H.lock);
        H.property_overflows++;
        pthread_mutex_unlock(&H.lock);
        return VINF_BUFFER_OVERFLOW;
    }
    memcpy(pv, v, need);
    return VINF_SUCCESS;
}

static int cb_property(void *ctx, uint32_t index, void *pv, uint32_t cb, uint32_t *pcb_out) {
    (void)ctx;
    switch (index) {
    case VRDE_QP_NETWORK_PORT_RANGE: return answer_string(H.ports, pv, cb, pcb_out);
    case VRDE_QP_NETWORK_ADDRESS: return answer_string(H.address, pv, cb, pcb_out);
    case VRDE_SP_NETWORK_BIND_PORT: {
        if (cb != 4) {
            return VERR_INVALID_PARAMETER;
        }
        uint32_t port;
        memcpy(&port, pv, 4);
        record((struct host_event){.kind = 'P', .a = port});
        return VINF_SUCCESS;
    }
    default: return VERR_NOT_SUPPORTED;
    }
}

static int cb_logon(void *ctx, uint32_t client, const char *user, const char *password, const char *domain) {
    (void)ctx;
    struct host_event e = {.kind = 'L', .a = client};
    snprintf((char *)e.data, sizeof e.data, "%s|%s|%s", user, password, domain);
    record(e);
    return strcmp(user, "refuse") == 0 ? VERR_ACCESS_DENIED : VINF_SUCCESS;
}

static void cb_connect(void *ctx, uint32_t client) {
    (void)ctx;
    record((struct host_event){.kind = 'C', .a = client});
}

static void cb_disconnect(void *ctx, uint32_t client, uint32_t intercepted) {
    (void)ctx;
    record((struct host_event){.kind = 'D', .a = client, .b = intercepted});
}

static bool cb_fb_query(void *ctx, unsigned screen, VRDEFRAMEBUFFERINFO *info) {
    (void)ctx;
    if (screen != 0 || H.fb == NULL) {
        return false;
    }
    pthread_mutex_lock(&H.lock);
    H.fb_queries++;
    *info = (VRDEFRAMEBUFFERINFO){H.fb, 0, 0, H.width, H.height, H.bpp, H.line};
    pthread_mutex_unlock(&H.lock);
    return true;
}

static void cb_fb_lock(void *ctx, unsigned screen) {
    (void)ctx, (void)screen;
    pthread_mutex_lock(&H.lock);
    H.fb_locks++;
    pthread_mutex_unlock(&H.lock);
}

static void cb_fb_unlock(void *ctx, unsigned screen) {
    (void)ctx, (void)screen;
    pthread_mutex_lock(&H.lock);
    H.fb_unlocks++;
    pthread_mutex_unlock(&H.lock);
}

static void cb_input(void *ctx, int type, const void *pv, unsigned cb) {
    (void)ctx;
    struct host_event e = {.kind = 'I', .type = type, .len = cb};
    if (cb <= sizeof e.data && pv != NULL) {
        memcpy(e.data, pv, cb);
    }
    record(e);
}

static void cb_video_mode_hint(void *ctx, unsigned w, unsigned h, unsigned bpp, unsigned screen) {
    (void)ctx;
    record((struct host_event){.kind = 'V', .a = w, .b = h, .c = bpp, .d = screen});
}

int host_load(const char *module_path) {
    H.lib = dlopen(module_path, RTLD_NOW | RTLD_LOCAL);
    if (H.lib == NULL) {
        fprintf(stderr, "cannot load %s: %s\n", module_path, dlerror());
        return -1;
    }
    H.create = (VRDECREATESERVER *)dlsym(H.lib, "VRDECreateServer");
    H.supported = (VRDESUPPORTEDPROPERTIES *)dlsym(H.lib, "VRDESupportedProperties");
    H.stats = (SVPVRDEGETSTATS *)dlsym(H.lib, "SVPVRDEGetStats");
    H.callbacks = (VRDECALLBACKS_3){
        .VRDECallbackProperty = cb_property,
        .VRDECallbackClientLogon = cb_logon,
        .VRDECallbackClientConnect = cb_connect,
        .VRDECallbackClientDisconnect = cb_disconnect,
        .VRDECallbackFramebufferQuery = cb_fb_query,
        .VRDECallbackFramebufferLock = cb_fb_lock,
        .VRDECallbackFramebufferUnlock = cb_fb_unlock,
        .VRDECallbackInput = cb_input,
        .VRDECallbackVideoModeHint = cb_video_mode_hint,
    };
    H.ports = "0";
    H.address = "";
    return H.create != NULL && H.supported != NULL && H.stats != NULL ? 0 : -1;
}

int host_create(uint64_t version, uint64_t size) {
    VRDECALLBACKS_3 table = H.callbacks;
    table.header = (VRDEINTERFACEHDR){version, size};
    VRDEINTERFACEHDR *entry = NULL;
    HVRDESERVER server = NULL;
    int rc = H.create(&table.header, &H, &entry, &server);
    if (rc >= 0) {
        H.server = server;
        H.ep = (VRDEENTRYPOINTS_4 *)entry;
    }
    return rc;
}

void host_destroy(void) {
    if (H.server != NULL) {
        H.ep->VRDEDestroy(H.server);
        H.server = NULL;
        H.ep = NULL;
    }
}

void host_set_fb(unsigned width, unsigned height, unsigned bpp) {
    pthread_mutex_lock(&H.lock);
    free(H.fb);
    unsigned bytes = bpp == 15 ? 2 : bpp / 8;
    H.width = width;
    H.height = height;
    H.bpp = bpp;
    H.line = (width * bytes + 7) & ~7u; /* padded lines, as VRAM may have */
    H.fb = calloc(1, (size_t)H.line * height);
    pthread_mutex_unlock(&H.lock);
}

void host_scribble(int x, int y, int w, int h, uint32_t seed) {
    unsigned bytes = H.bpp == 15 ? 2 : H.bpp / 8;
    for (int row = y; row < y + h && row < (int)H.height; row++) {
        uint8_t *p = H.fb + (size_t)row * H.line + (size_t)x * bytes;
        for (int i = 0; i < w * (int)bytes; i++) {
            seed = seed * 1103515245u + 12345u;
            p[i] = (uint8_t)(seed >> 16);
        }
    }
}

void host_update_rect(int x, int y, int w, int h) {
    VRDEORDERHDR hdr = {(int16_t)x, (int16_t)y, (uint16_t)w, (uint16_t)h};
    H.ep->VRDEUpdate(H.server, 0, &hdr, sizeof hdr);
}

int host_count_events(int kind) {
    pthread_mutex_lock(&H.lock);
    int n = 0;
    for (int i = 0; i < H.n_events; i++) {
        n += H.events[i].kind == kind;
    }
    pthread_mutex_unlock(&H.lock);
    return n;
}

struct host_event host_last_event(int kind) {
    struct host_event e = {0};
    pthread_mutex_lock(&H.lock);
    for (int i = 0; i < H.n_events; i++) {
        if (H.events[i].kind == kind) {
            e = H.events[i];
        }
    }
    pthread_mutex_unlock(&H.lock);
    return e;
}

void host_clear_events(void) {
    pthread_mutex_lock(&H.lock);
    H.n_events = 0;
    pthread_mutex_unlock(&H.lock);
}

struct svp_vrde_stats host_stats(void) {
    struct svp_vrde_stats s = {0};
    H.stats(&s, sizeof s);
    return s;
}

int host_instance_dir(char *out, size_t size) {
    DIR *d = opendir(host_dir_base);
    if (d == NULL) {
        return -1;
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "svp-vrde-", 9) == 0) {
            snprintf(out, size, "%s/%s", host_dir_base, e->d_name);
            n++;
        }
    }
    closedir(d);
    return n == 1 ? 0 : -1;
}
