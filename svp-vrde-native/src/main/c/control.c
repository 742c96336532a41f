/* control.c: the control thread, its socket and message framing (see control.h). */
#include "control.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "flush.h"
#include "java_launch.h"
#include "svp_contract.h"

#define FLUSH_RETRY_MS 20 /* while records are owed: look for room this often even without ROOM */
#define INBUF_SIZE (SVP_CTL_HEADER_SIZE + SVP_CTL_MAX_PAYLOAD)

int control_open(struct svp_server *s) {
    s->listen_fd = s->conn_fd = s->event_fd = -1;
    s->inbuf = malloc(INBUF_SIZE);
    if (s->inbuf == NULL) {
        return -ENOMEM;
    }
    s->event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (s->event_fd < 0) {
        return -errno;
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if ((size_t)snprintf(addr.sun_path, sizeof addr.sun_path, "%s/control.sock", s->dir) >= sizeof addr.sun_path) {
        return -ENAMETOOLONG;
    }
    s->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s->listen_fd < 0) {
        return -errno;
    }
    if (bind(s->listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s->listen_fd, 4) != 0) {
        return -errno;
    }
    return 0;
}

void control_signal(struct svp_server *s) {
    uint64_t one = 1;
    if (s->event_fd >= 0 && write(s->event_fd, &one, sizeof one) < 0) {
        /* EAGAIN: the counter is saturated, the thread is going to look anyway */
    }
}

int control_send(struct svp_server *s, uint32_t type, const void *payload, uint32_t len) {
    uint8_t msg[SVP_CTL_HEADER_SIZE + 64];
    if (len > sizeof msg - SVP_CTL_HEADER_SIZE) {
        return -1;
    }
    memcpy(msg, &type, 4);
    memcpy(msg + 4, &len, 4);
    if (len > 0) {
        memcpy(msg + SVP_CTL_HEADER_SIZE, payload, len);
    }
    pthread_mutex_lock(&s->send_lock);
    int rc = -1;
    if (s->conn_fd >= 0) {
        ssize_t n = send(s->conn_fd, msg, SVP_CTL_HEADER_SIZE + len, MSG_DONTWAIT | MSG_NOSIGNAL);
        rc = n == (ssize_t)(SVP_CTL_HEADER_SIZE + len) ? 0 : -1;
        if (rc != 0) {
            fprintf(stderr, "svp-vrde: control message %u not sent\n", type);
        }
    }
    pthread_mutex_unlock(&s->send_lock);
    return rc;
}

static void close_conn(struct svp_server *s) {
    pthread_mutex_lock(&s->send_lock);
    if (s->conn_fd >= 0) {
        close(s->conn_fd);
        s->conn_fd = -1;
    }
    pthread_mutex_unlock(&s->send_lock);
    s->inlen = 0;
}

static void accept_conn(struct svp_server *s) {
    int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        return;
    }
    struct ucred cred;
    socklen_t cl = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &cl) != 0 || cred.uid != geteuid()) {
        close(fd); /* only our own user's processes may drive VirtualBox's input */
        return;
    }
    close_conn(s); /* the newest Java process wins */
    pthread_mutex_lock(&s->send_lock);
    s->conn_fd = fd;
    pthread_mutex_unlock(&s->send_lock);
}

/* Reads what is available and dispatches complete messages. False when the connection ended or
 * sent a message bigger than the limit. */
static bool read_conn(struct svp_server *s) {
    for (;;) {
        ssize_t n = read(s->conn_fd, s->inbuf + s->inlen, INBUF_SIZE - s->inlen);
        if (n == 0) {
            return false;
        }
        if (n < 0) {
            return errno == EAGAIN || errno == EINTR;
        }
        s->inlen += (uint32_t)n;
        uint32_t off = 0;
        while (s->inlen - off >= SVP_CTL_HEADER_SIZE) {
            uint32_t type, len;
            memcpy(&type, s->inbuf + off, 4);
            memcpy(&len, s->inbuf + off + 4, 4);
            if (len > SVP_CTL_MAX_PAYLOAD) {
                fprintf(stderr, "svp-vrde: control message of %u bytes refused\n", len);
                return false;
            }
            if (s->inlen - off - SVP_CTL_HEADER_SIZE < len) {
                break;
            }
            control_dispatch(s, type, s->inbuf + off + SVP_CTL_HEADER_SIZE, len);
            off += SVP_CTL_HEADER_SIZE + len;
            if (s->conn_fd < 0) {
                return false;
            }
        }
        memmove(s->inbuf, s->inbuf + off, s->inlen - off);
        s->inlen -= off;
    }
}

static void *control_main(void *arg) {
    struct svp_server *s = arg;
    while (!atomic_load(&s->stop)) {
        int64_t now = java_now_ms();
        int timeout = java_tick(s, now);
        bool owed = flush_wanted(s);
        if (owed && ring_max_payload(&s->ring) >= s->ring.capacity / 4 - 16) {
            owed = !flush_pending(s);
        }
        if (owed && timeout > FLUSH_RETRY_MS) {
            timeout = FLUSH_RETRY_MS;
        }
        struct pollfd p[3] = {
            {.fd = s->event_fd, .events = POLLIN},
            {.fd = s->listen_fd, .events = POLLIN},
            {.fd = s->conn_fd, .events = POLLIN},
        };
        int np = s->conn_fd >= 0 ? 3 : 2;
        if (poll(p, (nfds_t)np, timeout) < 0) {
            continue;
        }
        if (p[0].revents & POLLIN) {
            uint64_t v;
            (void)!read(s->event_fd, &v, sizeof v);
        }
        if (p[1].revents & POLLIN) {
            accept_conn(s);
        }
        if (np == 3 && s->conn_fd >= 0 && (p[2].revents & (POLLIN | POLLHUP | POLLERR))) {
            if (!read_conn(s)) {
                close_conn(s);
                java_control_lost(s, java_now_ms());
            }
        }
        if (p[0].revents & POLLIN && flush_wanted(s)) {
            flush_pending(s); /* a VRDE thread handed work over: try at once */
        }
    }
    java_stop_blocking(s);
    close_conn(s);
    return NULL;
}

int control_start(struct svp_server *s) {
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* the new thread inherits "everything blocked" */
    int rc = pthread_create(&s->thread, NULL, control_main, s);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        return -rc;
    }
    pthread_setname_np(s->thread, "svp-vrde-ctl");
    s->thread_started = true;
    return 0;
}

void control_stop(struct svp_server *s) {
    if (s->thread_started) {
        atomic_store(&s->stop, 1);
        control_signal(s);
        pthread_join(s->thread, NULL);
        s->thread_started = false;
    }
    close_conn(s);
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        s->listen_fd = -1;
    }
    if (s->event_fd >= 0) {
        close(s->event_fd);
        s->event_fd = -1;
    }
    free(s->inbuf);
    s->inbuf = NULL;
}
