/*
 * vrde_test_host.c: the native test run. Usage: vrde_test_host MODULE_DIR FAKE_JAVA
 * Loads SVPVRDE.so the way VirtualBox does (first only for the properties, then for a server),
 * plays the tests in tests.h and exits 1 if any check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "host.h"
#include "tests.h"

int check_failures;

void sleep_ms(int ms) {
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
}

int64_t mono_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t mono_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int start_session(struct consumer *c, const char *ring_bytes) {
    if (ring_bytes != NULL) {
        setenv("SVP_VRDE_RING_BYTES", ring_bytes, 1);
    }
    int rc = host_create(4, 120);
    unsetenv("SVP_VRDE_RING_BYTES");
    char dir[512];
    if (rc < 0 || host_instance_dir(dir, sizeof dir) != 0 || consumer_open(c, dir) != 0) {
        host_destroy();
        return -1;
    }
    return consumer_hello(c) > 0 ? 0 : -1;
}

void end_session(struct consumer *c) {
    consumer_close(c);
    host_destroy();
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: vrde_test_host MODULE_DIR FAKE_JAVA\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(host_dir_base, 256, "/tmp/svp-vrde-test-XXXXXX");
    if (mkdtemp(host_dir_base) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    setenv("SVP_VRDE_DIR_BASE", host_dir_base, 1);
    int64_t t0 = mono_ms();
    test_load_starts_nothing(argv[1]); /* first: before this process has any module thread */
    test_extpack_main(argv[1]);
    char path[512];
    snprintf(path, sizeof path, "%s/SVPVRDE.so", argv[1]);
    if (host_load(path) != 0) {
        return 1;
    }
    test_dirty_region();
    test_versions();
    test_create_failure();
    test_screen_records();
    test_pointers();
    test_query_info();
    test_control_messages();
    test_overflow();
    test_latency();
    test_java_launch(argv[2]);
    rmdir(host_dir_base);
    printf("%s: native VRDE tests, %d failure(s), %.1f s\n", check_failures ? "FAILED" : "PASSED", check_failures,
           (mono_ms() - t0) / 1000.0);
    return check_failures ? 1 : 0;
}
