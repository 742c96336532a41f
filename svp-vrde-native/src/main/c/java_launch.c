/* java_launch.c: start/watch/restart/stop the Java server (see java_launch.h). */
#include "java_launch.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "control.h"
#include "stats.h"
#include "svp_contract.h"

extern char **environ;

static const int64_t BACKOFF_MS[] = {1000, 2000, 4000, 8000, 16000, 30000};
#define BACKOFF_STEPS ((int)(sizeof BACKOFF_MS / sizeof BACKOFF_MS[0]))
#define HEALTHY_RUN_MS 60000  /* after a minute of running the back-off starts again at 1 s */
#define TERM_AFTER_MS 2000
#define KILL_AFTER_MS 5000
#define REAP_POLL_MS 100

int64_t java_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int java_locate_module(struct svp_server *s) {
    Dl_info info;
    if (dladdr((void *)&java_locate_module, &info) == 0 || info.dli_fname == NULL) {
        return -1;
    }
    char resolved[PATH_MAX];
    if (realpath(info.dli_fname, resolved) == NULL) {
        return -1;
    }
    char *slash = strrchr(resolved, '/');
    if (slash == NULL) {
        return -1;
    }
    *slash = '\0';
    snprintf(s->module_dir, sizeof s->module_dir, "%s", resolved);
    return 0;
}

/* Appends a string to buf; returns its start or NULL when full. */
static char *put(char *buf, size_t size, size_t *used, const char *a, const char *b) {
    int n = snprintf(buf + *used, size - *used, "%s%s", a, b == NULL ? "" : b);
    if (n < 0 || (size_t)n >= size - *used) {
        return NULL;
    }
    char *start = buf + *used;
    *used += (size_t)n + 1;
    return start;
}

int java_build_argv(const struct svp_server *s, char **argv, int max_args, char *buf, size_t buf_size) {
    const char *java_env = getenv("SVP_VRDE_JAVA");
    const char *jar_env = getenv("SVP_VRDE_JAR");
    size_t used = 0;
    char pack_dir[PATH_MAX];
    snprintf(pack_dir, sizeof pack_dir, "%s", s->module_dir);
    char *slash = strrchr(pack_dir, '/');
    if (slash != NULL) {
        *slash = '\0'; /* <pack>/linux.amd64 → <pack> */
    }
    const char *parts[][2] = {
        {java_env != NULL && *java_env ? java_env : s->module_dir,
         java_env != NULL && *java_env ? NULL : "/runtime/bin/java"},
        {"--enable-native-access=ALL-UNNAMED", NULL},
        {"-XX:+UseSerialGC", NULL},
        {"-jar", NULL},
        {jar_env != NULL && *jar_env ? jar_env : pack_dir, jar_env != NULL && *jar_env ? NULL : "/svp.jar"},
        {"server", NULL},
        {"--source", NULL},
        {"vrde:", s->dir},
        {"--bind", NULL},
        {s->address, NULL},
        {"--ports", NULL},
        {s->ports, NULL},
        /* VirtualBox users may use the original v1 client; VirtualBox authorizes every session
           (ClientLogon), so v1 stays allowed here (docs/vrde.md "Security") */
        {"--allow-v1", NULL},
        /* every VRDE client may send input, as with VirtualBox's own server (--vrde-multi-con) */
        {"--shared", NULL},
    };
    int n = (int)(sizeof parts / sizeof parts[0]);
    if (n + 1 > max_args) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        argv[i] = put(buf, buf_size, &used, parts[i][0], parts[i][1]);
        if (argv[i] == NULL) {
            return -1;
        }
    }
    argv[n] = NULL;
    return n;
}

static int spawn(struct svp_server *s) {
    char *argv[24];
    char buf[3 * PATH_MAX + 1024];
    if (java_build_argv(s, argv, 16, buf, sizeof buf) < 0) {
        return -1;
    }
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&fa);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    /* The control thread runs with every signal blocked and VirtualBox may have handlers or ignored
     * signals: the child starts with an empty mask, default dispositions and its own process group
     * (a Ctrl+C meant for VirtualBox does not reach it; SHUTDOWN does). */
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&fa, 3); /* none of VirtualBox's descriptors */
#endif
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        fprintf(stderr, "svp-vrde: cannot start %s: %s\n", argv[0], strerror(rc));
        return -1;
    }
    s->java.pid = pid;
    return 0;
}

static void schedule_restart(struct svp_server *s, int64_t now) {
    struct java_proc *j = &s->java;
    j->restart_at_ms = now + BACKOFF_MS[j->backoff_index];
    if (j->backoff_index < BACKOFF_STEPS - 1) {
        j->backoff_index++;
    }
}

/* Returns true when the process has exited (reaped, or not our child any more). */
static bool reap(struct svp_server *s) {
    int status;
    pid_t r = waitpid(s->java.pid, &status, WNOHANG);
    return r == s->java.pid || (r < 0 && errno == ECHILD);
}

static void begin_stop(struct svp_server *s, int64_t now, bool send_shutdown) {
    struct java_proc *j = &s->java;
    if (j->stop_begin_ms != 0) {
        return;
    }
    j->stop_begin_ms = now;
    j->sent_term = j->sent_kill = false;
    if (!send_shutdown || control_send(s, SVP_CTL_SHUTDOWN, NULL, 0) != 0) {
        kill(j->pid, SIGTERM); /* nobody to tell: no point waiting 2 s */
        j->sent_term = true;
    }
}

/* Escalates a stop in progress: SIGTERM after 2 s, SIGKILL after 5 s. */
static void escalate(struct svp_server *s, int64_t now) {
    struct java_proc *j = &s->java;
    if (!j->sent_term && now - j->stop_begin_ms >= TERM_AFTER_MS) {
        kill(j->pid, SIGTERM);
        j->sent_term = true;
    }
    if (!j->sent_kill && now - j->stop_begin_ms >= KILL_AFTER_MS) {
        kill(j->pid, SIGKILL);
        j->sent_kill = true;
    }
}

int java_tick(struct svp_server *s, int64_t now) {
    struct java_proc *j = &s->java;
    bool want = atomic_load(&s->enabled) != 0;
    if (want != j->running_enabled) {
        j->running_enabled = want;
        if (want) {
            j->backoff_index = 0;
            j->restart_at_ms = now; /* enabling starts at once */
        }
    }
    if (j->pid > 0 && reap(s)) {
        bool stopped_on_purpose = j->stop_begin_ms != 0 && !want;
        if (now - j->started_ms >= HEALTHY_RUN_MS) {
            j->backoff_index = 0;
        }
        j->pid = 0;
        j->stop_begin_ms = 0;
        if (want && !stopped_on_purpose) {
            schedule_restart(s, now);
        }
    }
    if (j->pid > 0) {
        if (!want) {
            begin_stop(s, now, true);
        }
        if (j->stop_begin_ms != 0) {
            escalate(s, now);
        }
        return REAP_POLL_MS;
    }
    if (!want) {
        return 1000;
    }
    if (now < j->restart_at_ms) {
        return (int)(j->restart_at_ms - now);
    }
    if (spawn(s) == 0) {
        j->started_ms = now;
        stat_add(STAT_JAVA_STARTS, 1);
        if (j->ever_started) {
            stat_add(STAT_JAVA_RESTARTS, 1);
        }
        j->ever_started = true;
        return REAP_POLL_MS;
    }
    schedule_restart(s, now);
    return (int)(j->restart_at_ms - now);
}

void java_control_lost(struct svp_server *s, int64_t now) {
    if (s->java.pid > 0) {
        begin_stop(s, now, false); /* it lost its control channel: it is no use any more */
    }
}

void java_stop_blocking(struct svp_server *s) {
    struct java_proc *j = &s->java;
    if (j->pid <= 0) {
        return;
    }
    int64_t now = java_now_ms();
    begin_stop(s, now, true);
    while (!reap(s)) {
        int64_t t = java_now_ms();
        if (t - now > KILL_AFTER_MS + 3000) {
            break; /* SIGKILL did not take: leave it rather than hang VirtualBox */
        }
        escalate(s, t);
        struct timespec ts = {0, 10 * 1000000};
        nanosleep(&ts, NULL);
    }
    j->pid = 0;
    j->stop_begin_ms = 0;
}
