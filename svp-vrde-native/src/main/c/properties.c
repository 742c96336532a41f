/* properties.c: VRDECallbackProperty helpers (create thread, control thread, destroy thread). */
#include <stdlib.h>
#include <string.h>

#include "server.h"

void properties_report_port(struct svp_server *s, uint32_t port) {
    if (s->cb.VRDECallbackProperty == NULL) {
        return;
    }
    uint32_t out = 0;
    s->cb.VRDECallbackProperty(s->pv_callback, VRDE_SP_NETWORK_BIND_PORT, &port, sizeof port, &out);
}

char *properties_query_string(struct svp_server *s, uint32_t index) {
    if (s->cb.VRDECallbackProperty == NULL) {
        return strdup("");
    }
    uint32_t size = 256;
    for (int attempt = 0; attempt < 3; attempt++) {
        char *buf = calloc(1, size + 1);
        if (buf == NULL) {
            return NULL;
        }
        uint32_t needed = 0;
        int rc = s->cb.VRDECallbackProperty(s->pv_callback, index, buf, size, &needed);
        if (rc == VINF_BUFFER_OVERFLOW && needed > size && needed < (1u << 20)) {
            free(buf);
            size = needed; /* VirtualBox said how much it needs: ask again with that */
            continue;
        }
        if (rc < 0 || rc == VINF_BUFFER_OVERFLOW) {
            free(buf);
            return rc == VERR_NOT_SUPPORTED ? strdup("") : NULL;
        }
        buf[size] = '\0';
        return buf;
    }
    return NULL;
}
