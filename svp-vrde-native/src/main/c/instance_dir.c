/* instance_dir.c: create and remove DIR (create and destroy threads). */
#include "instance_dir.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int instance_dir_create(char *out, size_t size) {
    const char *env_base = getenv("SVP_VRDE_DIR_BASE");
    const char *tmp = getenv("TMPDIR");
    const char *bases[] = {env_base, env_base != NULL ? NULL : "/dev/shm", tmp, "/tmp"};
    int err = ENOENT;
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        if (bases[i] == NULL || bases[i][0] == '\0') {
            continue;
        }
        if ((size_t)snprintf(out, size, "%s/svp-vrde-XXXXXX", bases[i]) >= size) {
            err = ENAMETOOLONG;
            continue;
        }
        if (mkdtemp(out) != NULL) { /* mkdtemp makes it 0700 */
            return 0;
        }
        err = errno;
        if (env_base != NULL) {
            break; /* an explicit base is not silently replaced */
        }
    }
    out[0] = '\0';
    return -err;
}

void instance_dir_remove(const char *dir) {
    if (dir == NULL || dir[0] == '\0') {
        return;
    }
    static const char *const files[] = {"ring", "wake", "control.sock"};
    char path[PATH_MAX];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}
