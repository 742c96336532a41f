/* test_java.c: the module starts the Java server only on VRDEEnableConnections(true), with the
 * documented argv; restarts it with back-off when it dies; stops it with SHUTDOWN. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "tests.h"

static char log_path[300];

struct start_line {
    long long ms;
    int pid;
    char args[4096];
};

/* Reads the fake's start lines (and counts "shutdown" lines). */
static int read_log(struct start_line *out, int max, int *shutdowns) {
    FILE *f = fopen(log_path, "r");
    int n = 0;
    *shutdowns = 0;
    if (f == NULL) {
        return 0;
    }
    static char line[8192];
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "shutdown", 8) == 0) {
            (*shutdowns)++;
            continue;
        }
        if (n < max) {
            int used = 0;
            sscanf(line, "%lld %d %n", &out[n].ms, &out[n].pid, &used);
            snprintf(out[n].args, sizeof out[n].args, "%s", line + used);
            n++;
        }
    }
    fclose(f);
    return n;
}

static int wait_starts(struct start_line *lines, int want, int timeout_ms, int *shutdowns) {
    int n = 0;
    int64_t end = mono_ms() + timeout_ms;
    while ((n = read_log(lines, 8, shutdowns)) < want && mono_ms() < end) {
        sleep_ms(20);
    }
    return n;
}

static void crashing_server(const char *fake_java) {
    static char ports[600];
    int n = snprintf(ports, sizeof ports, "5000-5002,6000");
    for (int p = 7000; n < 400; p++) {
        n += snprintf(ports + n, sizeof ports - (size_t)n, ",%d", p); /* > 256 bytes: VINF_BUFFER_OVERFLOW */
    }
    H.ports = ports;
    H.address = "127.0.0.1";
    setenv("SVP_VRDE_JAVA", fake_java, 1);
    setenv("SVP_VRDE_JAR", "/opt/svp/svp.jar", 1);
    setenv("SVP_FAKE_JAVA_MODE", "exit", 1);
    remove(log_path);
    int overflows = H.property_overflows;
    struct svp_vrde_stats before = host_stats();
    CHECK_EQ(host_create(4, 120), VINF_SUCCESS);
    if (H.server == NULL) {
        return;
    }
    CHECK(H.property_overflows > overflows, "the long TCP/Ports never needed a retry");
    struct start_line lines[8];
    int shutdowns;
    sleep_ms(300);
    CHECK_EQ(read_log(lines, 8, &shutdowns), 0); /* nothing before VRDEEnableConnections(true) */
    H.ep->VRDEEnableConnections(H.server, true);
    int got = wait_starts(lines, 3, 6000, &shutdowns);
    CHECK_EQ(got, 3);
    char dir[512], want[2048];
    host_instance_dir(dir, sizeof dir);
    snprintf(want, sizeof want,
             "--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -jar /opt/svp/svp.jar server --source vrde:%s "
             "--bind 127.0.0.1 --ports %s --allow-v1 --shared",
             dir, ports);
    CHECK(got > 0 && strcmp(lines[0].args, want) == 0, "argv\n  got  %s\n  want %s", got ? lines[0].args : "", want);
    if (got >= 3) {
        long long gap1 = lines[1].ms - lines[0].ms, gap2 = lines[2].ms - lines[1].ms;
        CHECK(gap1 >= 900 && gap1 < 1600, "first restart after %lld ms", gap1);
        CHECK(gap2 >= 1900 && gap2 < 2600, "second restart after %lld ms", gap2);
        printf("     restarts after %lld ms and %lld ms\n", gap1, gap2);
    }
    H.ep->VRDEEnableConnections(H.server, false);
    struct svp_vrde_stats after = host_stats();
    for (int i = 0; i < 100 && after.java_starts - before.java_starts < (uint64_t)got; i++) {
        sleep_ms(10); /* the child can log before the control thread counted the spawn */
        after = host_stats();
    }
    CHECK_EQ(after.java_starts - before.java_starts, got);
    CHECK_EQ(after.java_restarts - before.java_restarts, got - 1);
    host_destroy();
    printf("ok   Java started only after VRDEEnableConnections(true), argv as documented, restarted with "
           "back-off 1 s, 2 s\n");
}

static void killed_server(const char *fake_java) {
    H.ports = "5000";
    H.address = "";
    setenv("SVP_VRDE_JAVA", fake_java, 1);
    setenv("SVP_FAKE_JAVA_MODE", "serve", 1);
    remove(log_path);
    host_clear_events();
    host_set_fb(320, 200, 32);
    CHECK_EQ(host_create(4, 120), VINF_SUCCESS);
    if (H.server == NULL) {
        return;
    }
    H.ep->VRDEEnableConnections(H.server, true);
    for (int i = 0; i < 300 && (host_count_events('P') < 1 || host_count_events('I') < 1); i++) {
        sleep_ms(10);
    }
    CHECK(host_count_events('P') == 1 && host_last_event('P').a == 5000, "bound port not reported");
    CHECK(host_count_events('I') == 1 && host_last_event('I').data[0] == 0x1E, "input not forwarded");
    struct start_line lines[8];
    int shutdowns;
    int got = read_log(lines, 8, &shutdowns);
    CHECK(got == 1 && strstr(lines[0].args, "--bind 0.0.0.0 --ports 5000") != NULL, "argv %s",
          got ? lines[0].args : "");
    if (got == 1) {
        kill(lines[0].pid, SIGKILL);
    }
    /* VirtualBox's calls keep returning promptly while there is no Java side */
    int64_t end = mono_ms() + 1800, worst_us = 0;
    uint32_t seed = 1;
    int calls = 0;
    while (mono_ms() < end) {
        seed = seed * 1103515245u + 12345u;
        host_scribble(0, 0, 64, 64, seed);
        int64_t a = mono_us();
        host_update_rect((int)(seed >> 24), 10, 64, 64);
        int64_t us = mono_us() - a;
        worst_us = us > worst_us ? us : worst_us;
        calls++;
        sleep_ms(1);
    }
    /* a call that waited for the restart would take >= 1 s; the bound leaves room for a loaded machine */
    CHECK(worst_us < 250000, "VRDEUpdate took %lld us while Java was dead", (long long)worst_us);
    printf("     %d VRDEUpdate calls while Java was dead, slowest %lld us\n", calls, (long long)worst_us);
    for (int i = 0; i < 300 && host_count_events('P') < 2; i++) {
        sleep_ms(10);
    }
    got = read_log(lines, 8, &shutdowns);
    CHECK(got == 2 && host_count_events('P') == 2, "no restarted server (%d starts)", got);
    int64_t t0 = mono_ms();
    host_destroy();
    int64_t destroy_ms = mono_ms() - t0;
    read_log(lines, 8, &shutdowns);
    CHECK(shutdowns == 1, "SHUTDOWN not received (%d)", shutdowns);
    CHECK(destroy_ms < 1500, "destroy took %lld ms", (long long)destroy_ms);
    printf("ok   killed Java: VRDEUpdate stayed prompt, restarted server said HELLO again; destroy → SHUTDOWN in "
           "%lld ms\n",
           (long long)destroy_ms);
}

void test_java_launch(const char *fake_java) {
    snprintf(log_path, sizeof log_path, "%s/fake-java.log", host_dir_base);
    setenv("SVP_FAKE_JAVA_LOG", log_path, 1);
    crashing_server(fake_java);
    killed_server(fake_java);
    remove(log_path);
    unsetenv("SVP_VRDE_JAVA");
    unsetenv("SVP_VRDE_JAR");
}
