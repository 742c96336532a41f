/* instance_dir.h: the private directory DIR of one server instance (ring, wake, control.sock). */
#ifndef SVP_INSTANCE_DIR_H
#define SVP_INSTANCE_DIR_H

#include <stddef.h>

/* mkdtemp(<base>/svp-vrde-XXXXXX), mode 0700; base = $SVP_VRDE_DIR_BASE, else /dev/shm, $TMPDIR,
 * /tmp (the first that works). Returns 0 or -errno. */
int instance_dir_create(char *out, size_t size);
/* Removes DIR's known files and DIR itself. */
void instance_dir_remove(const char *dir);

#endif
