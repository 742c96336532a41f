/*
 * update.h: what the VRDE threads do for screen and pointer calls: copy into the ring under a
 * try-lock, or turn the call into dirty area / a pending flag and wake the control thread.
 * Never blocks, never drops.
 */
#ifndef SVP_UPDATE_H
#define SVP_UPDATE_H

#include "server.h"

void update_screen(struct svp_server *s, unsigned screen, void *pv, uint32_t cb);
void update_resize(struct svp_server *s);
void update_pointer(struct svp_server *s, uint32_t kind, const void *data, uint32_t len);

#endif
