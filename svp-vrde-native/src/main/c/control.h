/*
 * control.h: the module's control thread ("svp-vrde-control") and its unix socket DIR/control.sock.
 * The thread accepts the Java server's connection, frames messages (u32 type, u32 length, payload),
 * dispatches them (control_dispatch.c), flushes owed records (flush.c) and runs the Java process
 * state machine (java_launch.c).
 */
#ifndef SVP_CONTROL_H
#define SVP_CONTROL_H

#include <stdint.h>

#include "server.h"

/* Creates DIR/control.sock (listening) and the event fd. Returns 0 or -errno. Create thread. */
int control_open(struct svp_server *s);
/* Starts the thread (all signals blocked in it). Returns 0 or -errno. */
int control_start(struct svp_server *s);
/* Stops the Java process, ends and joins the thread, closes the sockets. Destroy thread. */
void control_stop(struct svp_server *s);
/* Sends one message to the Java server if connected (any thread; never blocks: a message that does
 * not fit the socket buffer is dropped and reported). Returns 0 or -1. */
int control_send(struct svp_server *s, uint32_t type, const void *payload, uint32_t len);

/* control_dispatch.c: one complete message from the Java side. Control thread. */
void control_dispatch(struct svp_server *s, uint32_t type, const uint8_t *payload, uint32_t len);

#endif
