package org.svp.source.vrde.session;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.source.ClientLogin;
import org.svp.source.ClientSession;
import org.svp.source.SessionObserver;
import org.svp.source.vrde.control.ControlChannel;
import org.svp.source.vrde.control.ControlMessage;

/**
 * SVP client sessions as VRDE clients: each session is asked for through LOGON (VirtualBox's
 * ClientLogon) before it is served, then reported
 * with CLIENT_CONNECT / CLIENT_DISCONNECT; DISCONNECT_CLIENT from the module closes it. Publishes the
 * QueryInfo block on connect and disconnect and every {@link #PUBLISH_MS} ms while a client is
 * connected (from the "svp-vrde-info" timer). Observer methods run on the server's I/O thread, the
 * module's answers on "svp-vrde-control"; state is guarded by {@code this}.
 */
public final class VrdeSessions implements SessionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(VrdeSessions.class);
    /** Longest wait for VirtualBox's ClientLogon answer before the client is refused. */
    static final long LOGON_TIMEOUT_MS = 30_000;
    /** Info block refresh period while a client is connected. */
    public static final long PUBLISH_MS = 500;

    /** Set by {@link #attach} when the source starts; null before. */
    private volatile ControlChannel control;
    private volatile InfoBlock info;
    private int port = -1;
    private final Runnable onSessionStart;
    private final AtomicInteger nextRequest = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<Boolean>> pendingLogons = new ConcurrentHashMap<>();
    private final Map<Integer, ClientSession> live = new LinkedHashMap<>();
    private int numberOfClients;
    private ClientSession last;
    private long lastEndMillis;
    private long closedSent;
    private long closedReceived;
    private long lastSent;
    private long lastReceived;

    /**
     * @param onSessionStart run (I/O thread) when a session was admitted, e.g. to send the lock-key synch
     */
    public VrdeSessions(Runnable onSessionStart) {
        this.onSessionStart = onSessionStart;
    }

    /**
     * Connects the sessions to the module (the source's start). Sends PORT if the server already
     * reported it, and publishes an all-zero info block.
     *
     * @param control the module connection
     * @param info where QueryInfo values go
     */
    public synchronized void attach(ControlChannel control, InfoBlock info) {
        this.control = control;
        this.info = info;
        if (port >= 0) {
            control.send(ControlMessage.of(ControlMessage.PORT, port));
        }
        publishLocked();
    }

    /** The source is closing: stop writing to the ring (it is about to be unmapped) and the socket. */
    public synchronized void detach() {
        control = null;
        info = null;
    }

    @Override
    public synchronized void listening(int basePort) {
        port = basePort;
        if (control != null) {
            control.send(ControlMessage.of(ControlMessage.PORT, basePort));
        }
    }

    @Override
    public CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote) {
        return authorize(clientId, remote, ClientLogin.ANONYMOUS);
    }

    /**
     * Asks VirtualBox with ClientLogon(user, password, domain ""): what the server knows of the session.
     * With SCRAM the server never sees the password, so it is always empty; the user is the session's
     * role ("control" or "view") for an authenticated v2 session and empty otherwise (docs/vrde.md).
     */
    @Override
    public CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote, ClientLogin login) {
        ControlChannel control = this.control;
        if (control == null) {
            return CompletableFuture.completedFuture(false); // not connected to VirtualBox yet
        }
        int request = nextRequest.getAndIncrement();
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        pendingLogons.put(request, f);
        control.send(ControlMessage.logon(request, clientId, login.user(), login.password(), ""));
        return f.completeOnTimeout(false, LOGON_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .whenComplete((ok, e) -> pendingLogons.remove(request));
    }

    /** LOGON_RESULT from the module ("svp-vrde-control"). */
    public void logonResult(int request, int status) {
        CompletableFuture<Boolean> f = pendingLogons.get(request);
        if (f == null) {
            LOG.warn("LOGON_RESULT for unknown request {}", request);
            return;
        }
        if (status < 0) {
            LOG.info("VirtualBox refused the client (ClientLogon status {})", status);
        }
        f.complete(status >= 0);
    }

    @Override
    public void connected(ClientSession s) {
        synchronized (this) {
            live.put(s.id(), s);
            numberOfClients++;
            last = s;
            lastEndMillis = 0;
            publishLocked();
        }
        ControlChannel control = this.control;
        if (control != null) {
            control.send(ControlMessage.of(ControlMessage.CLIENT_CONNECT, s.id()));
            onSessionStart.run();
        }
    }

    @Override
    public void disconnected(int clientId) {
        synchronized (this) {
            ClientSession s = live.remove(clientId);
            if (s != null) {
                closedSent += s.bytesSent();
                closedReceived += s.bytesReceived();
                if (s == last) {
                    lastSent = s.bytesSent();
                    lastReceived = s.bytesReceived();
                    lastEndMillis = System.currentTimeMillis();
                }
            }
            publishLocked();
        }
        ControlChannel control = this.control;
        if (control != null) {
            control.send(ControlMessage.of(ControlMessage.CLIENT_DISCONNECT, clientId));
        }
    }

    /** DISCONNECT_CLIENT from the module ("svp-vrde-control"). */
    public void disconnect(int clientId) {
        ClientSession s;
        synchronized (this) {
            s = live.get(clientId);
        }
        if (s != null) {
            s.close();
        } else {
            LOG.info("VirtualBox asked to disconnect client {}, which is not connected", clientId);
        }
    }

    /** Refreshes the byte counters while a client is connected ("svp-vrde-info" timer). */
    public synchronized void tick() {
        if (!live.isEmpty()) {
            publishLocked();
        }
    }

    /** Publishes the current values (also at start: all zero). */
    public synchronized void publish() {
        publishLocked();
    }

    private void publishLocked() {
        if (info == null) {
            return;
        }
        long sentLive = 0;
        long receivedLive = 0;
        for (ClientSession s : live.values()) {
            sentLive += s.bytesSent();
            receivedLive += s.bytesReceived();
        }
        boolean lastLive = last != null && live.containsKey(last.id());
        long sent = lastLive ? last.bytesSent() : lastSent;
        long received = lastLive ? last.bytesReceived() : lastReceived;
        info.publish(new InfoBlock.Info(!live.isEmpty(), numberOfClients, last != null ? last.clientVersion() : 0,
                last != null ? last.startMillis() : 0, lastLive ? 0 : lastEndMillis, sent, closedSent + sentLive,
                received, closedReceived + receivedLive,
                last != null ? last.remoteAddress().getAddress().getHostAddress() : ""));
    }

    /** Refuses every logon still waiting (shutdown). */
    public void refuseWaiting() {
        pendingLogons.values().forEach(f -> f.complete(false));
    }
}
