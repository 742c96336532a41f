/*
 * fake_java.c: stands in for the Java server in the launch tests (SVP_VRDE_JAVA points here).
 * Appends "<monotonic ms> <pid> <args...>" to $SVP_FAKE_JAVA_LOG, then per $SVP_FAKE_JAVA_MODE:
 * "exit": exits 1 at once (a crashing server); "serve": connects to DIR/control.sock, says HELLO,
 * reports the first port of --ports, sends one scancode, and waits for SHUTDOWN (exit 0).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static void log_line(const char *text) {
    const char *path = getenv("SVP_FAKE_JAVA_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;
    if (f != NULL) {
        fputs(text, f);
        fputc('\n', f);
        fclose(f);
    }
}

static int send_msg(int fd, uint32_t type, const void *p, uint32_t len) {
    uint8_t m[64];
    memcpy(m, &type, 4);
    memcpy(m + 4, &len, 4);
    memcpy(m + 8, p, len);
    return write(fd, m, 8 + len) == (ssize_t)(8 + len) ? 0 : -1;
}

int main(int argc, char **argv) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    char line[8192];
    int n = snprintf(line, sizeof line, "%lld %d", (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, (int)getpid());
    const char *dir = NULL, *ports = "0";
    for (int i = 1; i < argc && n < (int)sizeof line - 1; i++) {
        n += snprintf(line + n, sizeof line - (size_t)n, " %s", argv[i]);
        if (strncmp(argv[i], "vrde:", 5) == 0) dir = argv[i] + 5;
        if (strcmp(argv[i], "--ports") == 0 && i + 1 < argc) ports = argv[i + 1];
    }
    log_line(line);
    const char *mode = getenv("SVP_FAKE_JAVA_MODE");
    if (mode == NULL || strcmp(mode, "serve") != 0 || dir == NULL) {
        return 1;
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/control.sock", dir);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        return 1;
    }
    uint32_t version = 1, port = (uint32_t)atoi(ports);
    uint32_t scan[2] = {0, 0x1E};
    send_msg(fd, 1, &version, 4);
    send_msg(fd, 2, &port, 4);
    send_msg(fd, 3, scan, 8);
    for (;;) {
        uint32_t hdr[2];
        uint8_t payload[256];
        if (read(fd, hdr, 8) != 8 || hdr[1] > sizeof payload || (hdr[1] && read(fd, payload, hdr[1]) != hdr[1])) {
            return 1; /* the module went away */
        }
        if (hdr[0] == 104) {
            snprintf(line, sizeof line, "shutdown %d", (int)getpid());
            log_line(line);
            return 0;
        }
    }
}
