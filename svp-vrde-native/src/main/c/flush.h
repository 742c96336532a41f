/*
 * flush.h: the control thread's catch-up writer. Under the producer lock it writes what the VRDE
 * threads could not: a pending RESIZE, the latest pointer shape, the dirty area re-read from the
 * framebuffer (FramebufferLock → FramebufferQuery → copy in bands → FramebufferUnlock), then one
 * COMPLETE record.
 */
#ifndef SVP_FLUSH_H
#define SVP_FLUSH_H

#include <stdbool.h>

#include "server.h"

/* Something is owed to the ring. */
bool flush_wanted(struct svp_server *s);
/* Writes as much as fits; true when nothing is owed any more. Control thread only. */
bool flush_pending(struct svp_server *s);

#endif
