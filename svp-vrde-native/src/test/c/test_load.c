/* test_load.c: what loading does (nothing), and the extension pack's main module. */
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tests.h"
#include "vrde_abi.h"

static int count_entries(const char *dir, const char *prefix) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return -1;
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        n += e->d_name[0] != '.' && strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    }
    closedir(d);
    return n;
}

void test_load_starts_nothing(const char *module_dir) {
    char path[512];
    snprintf(path, sizeof path, "%s/SVPVRDE.so", module_dir);
    int threads = count_entries("/proc/self/task", "");
    int fds = count_entries("/proc/self/fd", "");
    int shm = count_entries("/dev/shm", "");
    /* what VBoxSVC does: load, read the supported properties, unload */
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    CHECK(lib != NULL, "%s", dlerror());
    if (lib == NULL) {
        return;
    }
    VRDESUPPORTEDPROPERTIES *props = (VRDESUPPORTEDPROPERTIES *)dlsym(lib, "VRDESupportedProperties");
    CHECK(props != NULL, "VRDESupportedProperties missing");
    if (props != NULL) {
        const char *const *p = props();
        CHECK(p[0] != NULL && strcmp(p[0], "TCP/Ports") == 0, "first property %s", p[0]);
        CHECK(p[1] != NULL && strcmp(p[1], "TCP/Address") == 0, "second property %s", p[1]);
        CHECK(p[2] == NULL, "more than two properties");
    }
    int threads_loaded = count_entries("/proc/self/task", "");
    int fds_loaded = count_entries("/proc/self/fd", "");
    int shm_loaded = count_entries("/dev/shm", "");
    CHECK(dlclose(lib) == 0, "dlclose: %s", dlerror());
    CHECK_EQ(threads_loaded, threads);
    CHECK_EQ(fds_loaded, fds);
    CHECK(shm_loaded <= shm, "/dev/shm had %d entries, %d after loading", shm, shm_loaded);
    CHECK_EQ(count_entries("/proc/self/task", ""), threads);
    printf("ok   load + VRDESupportedProperties + unload: %d thread(s), %d fds before and after\n", threads, fds);
}

typedef int REGISTER(const void *hlp, const VBOXEXTPACKREG **reg, void *err);

void test_extpack_main(const char *module_dir) {
    char path[512];
    snprintf(path, sizeof path, "%s/SVPMain.so", module_dir);
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    CHECK(lib != NULL, "%s", dlerror());
    if (lib == NULL) {
        return;
    }
    REGISTER *reg = (REGISTER *)dlsym(lib, "VBoxExtPackRegister");
    CHECK(reg != NULL, "VBoxExtPackRegister missing");
    if (reg != NULL) {
        const VBOXEXTPACKREG *r = NULL;
        CHECK_EQ(reg(NULL, &r, NULL), VINF_SUCCESS);
        CHECK(r != NULL, "no registration record");
        if (r != NULL) {
            CHECK_EQ(r->u32Version, 0x00030000);
            CHECK_EQ(r->u32EndMarker, r->u32Version);
            const void *const *hooks = (const void *const *)(const void *)&r->pfnInstalled;
            for (int i = 0; i < 12; i++) {
                CHECK(hooks[i] == NULL, "hook %d is set", i);
            }
            CHECK(r->pszNlsBaseName == NULL, "NLS name set");
        }
        CHECK_EQ(reg(NULL, NULL, NULL), VERR_INVALID_PARAMETER);
    }
    dlclose(lib);
    printf("ok   SVPMain.so: VBoxExtPackRegister gives version 0x00030000, end marker, no hooks\n");
}
