/*
 * java_launch.h: the Java server process: where it is (dladdr of this module), its argv, spawning,
 * watching, restarting with back-off, stopping (SHUTDOWN → SIGTERM after 2 s → SIGKILL after 5 s).
 * Control thread only.
 */
#ifndef SVP_JAVA_LAUNCH_H
#define SVP_JAVA_LAUNCH_H

#include <stddef.h>
#include <stdint.h>

#include "server.h"

/* Fills s->module_dir from the module's own file (dladdr). Returns 0 or -1. */
int java_locate_module(struct svp_server *s);
/* Builds the argv (NULL-terminated, strings in buf). Returns argc, or -1 if buf is too small. */
int java_build_argv(const struct svp_server *s, char **argv, int max_args, char *buf, size_t buf_size);
/* One step of the process state machine; returns the poll timeout in ms the next step needs. */
int java_tick(struct svp_server *s, int64_t now_ms);
/* The control connection ended while the process may still run: make sure it goes away (it is
 * restarted with back-off when it has exited). */
void java_control_lost(struct svp_server *s, int64_t now_ms);
/* Destroy: stop the process and wait for it (at most ~5 s). */
void java_stop_blocking(struct svp_server *s);

int64_t java_now_ms(void);

#endif
