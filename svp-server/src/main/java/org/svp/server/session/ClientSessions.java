package org.svp.server.session;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.ChannelType;
import org.svp.protocol.message.SessionToken;
import org.svp.source.ClientLogin;
import org.svp.source.SessionObserver;

/**
 * The client sessions of a server (docs/protocol.md "Joining the other channels", "Roles and
 * control"): one per MAIN connection. A v2 session gets a random 32-byte token (SecureRandom) that its
 * other channels present, compared in constant time, good while its MAIN connection lives and for
 * each channel type once. A v1 session (no token, only with {@code --allow-v1}) takes the channels
 * from its address that arrive within {@link #V1_BIND_WINDOW_NANOS} of its MAIN. If the source has a
 * {@link SessionObserver}, it authorizes each session before it is served. Decides which session
 * controls. I/O thread only.
 */
public final class ClientSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);
    /** How long after a v1 MAIN its channels may arrive. */
    static final long V1_BIND_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SessionObserver observer;
    private final boolean shared;
    private final SecureRandom random = new SecureRandom();
    /** Live sessions in arrival order (the first CONTROL one controls). */
    private final List<Session> open = new ArrayList<>();
    private int nextId = 1;

    /** @param observer the source's observer, or null; one controlling session */
    public ClientSessions(SessionObserver observer) {
        this(observer, false);
    }

    /**
     * @param observer the source's observer, or null
     * @param shared every CONTROL session may send input ({@code --shared})
     */
    public ClientSessions(SessionObserver observer, boolean shared) {
        this.observer = observer;
        this.shared = shared;
    }

    /**
     * A v1 MAIN_CHANNEL_INIT arrived (the server allows v1): opens a CONTROL session without a token.
     *
     * @param ch the MAIN connection
     * @param clientVersion from its MAIN_CHANNEL_INIT
     * @param onAdmitted run on the I/O thread once admitted (sends CHANNEL_LIST)
     */
    void openV1(Channel ch, int clientVersion, Runnable onAdmitted) {
        Session s = new Session(nextId++, ch, clientVersion, null, SessionToken.ROLE_CONTROL);
        admit(s, ClientLogin.ANONYMOUS, () -> onAdmitted.run());
    }

    /**
     * A v2 client finished negotiation (and authentication): opens its session with a fresh token.
     *
     * @param ch the MAIN connection
     * @param clientVersion from its MAIN_CHANNEL_INIT
     * @param role the role its secret grants
     * @param login what the observer is told
     * @param onAdmitted run on the I/O thread once admitted, with the token (sends SESSION)
     * @param onRefused run on the I/O thread if the observer refuses (before the connection closes)
     */
    void openV2(Channel ch, int clientVersion, int role, ClientLogin login, Consumer<byte[]> onAdmitted,
                Runnable onRefused) {
        byte[] token = new byte[SessionToken.TOKEN_BYTES];
        random.nextBytes(token);
        Session s = new Session(nextId++, ch, clientVersion, token, role);
        admit(s, login, () -> onAdmitted.accept(token), onRefused);
    }

    private void admit(Session s, ClientLogin login, Runnable onAdmitted) {
        admit(s, login, onAdmitted, () -> { });
    }

    private void admit(Session s, ClientLogin login, Runnable onAdmitted, Runnable onRefused) {
        Channel ch = s.main();
        ByteCounter counter = ch.pipeline().get(ByteCounter.class);
        if (counter != null) {
            counter.attach(s);
        }
        open.add(s);
        if (observer == null) {
            s.admitted = true;
            onAdmitted.run();
            return;
        }
        CompletionStage<Boolean> decision;
        try {
            decision = observer.authorize(s.id(), s.remoteAddress(), login);
        } catch (RuntimeException e) {
            LOG.warn("{}: session authorization failed: {}", s.remoteAddress(), e.toString());
            onRefused.run();
            ch.close();
            return;
        }
        decision.whenComplete((ok, err) -> ch.eventLoop().execute(() -> {
            if (!Boolean.TRUE.equals(ok) || err != null) {
                LOG.info("{}: client {} refused{}", s.remoteAddress(), s.id(), err != null ? ": " + err : "");
                onRefused.run();
                ch.close();
                return;
            }
            if (!ch.isActive() || !open.contains(s)) {
                return;
            }
            s.admitted = true;
            onAdmitted.run();
            observer.connected(s);
        }));
    }

    /**
     * A CHANNEL_INIT_V2 arrived: attaches it to the session its token names.
     *
     * @param ch the connection
     * @param type its channel type
     * @param token the presented token
     * @return the session, or null with the reason logged (the caller closes the connection)
     */
    Session joinV2(Channel ch, ChannelType type, byte[] token) {
        Session found = null;
        for (Session s : open) { // every token compared in constant time, no early exit
            if (s.token() != null && s.mainOpen && s.admitted && MessageDigest.isEqual(s.token(), token)) {
                found = s;
            }
        }
        if (found == null) {
            LOG.warn("{}: {} channel with an unknown or ended session token; closing", ch.remoteAddress(), type);
            return null;
        }
        if (!found.claim(type)) {
            LOG.warn("{}: {} channel: session {} already has one; closing", ch.remoteAddress(), type, found.id());
            return null;
        }
        attach(found, ch);
        return found;
    }

    /**
     * A v1 CHANNEL_INIT arrived (the server allows v1): attaches it to the newest v1 session from the
     * same address whose MAIN arrived within the last 10 s.
     *
     * @param ch the connection
     * @param type its channel type
     * @return the session, or null with the reason logged (the caller closes the connection)
     */
    Session joinV1(Channel ch, ChannelType type) {
        InetAddress from = ((InetSocketAddress) ch.remoteAddress()).getAddress();
        long now = System.nanoTime();
        prune(now);
        for (int i = open.size() - 1; i >= 0; i--) {
            Session s = open.get(i);
            boolean recent = now - s.startNanos() <= V1_BIND_WINDOW_NANOS;
            // with an observer the session must still be live (it was reported to the source)
            boolean live = observer == null || s.mainOpen;
            if (s.isV1() && s.admitted && recent && live && s.remoteAddress().getAddress().equals(from)) {
                attach(s, ch);
                return s;
            }
        }
        LOG.warn("{}: v1 {} channel without a v1 MAIN connection from that address in the last 10 s; closing",
                ch.remoteAddress(), type);
        return null;
    }

    private void attach(Session s, Channel ch) {
        s.join(ch);
        ByteCounter counter = ch.pipeline().get(ByteCounter.class);
        if (counter != null) {
            counter.attach(s);
        }
    }

    /** Forgets v1 sessions whose MAIN closed, whose channels are gone and whose bind window passed. */
    private void prune(long now) {
        open.removeIf(s -> !s.mainOpen && !s.hasChannels() && now - s.startNanos() > V1_BIND_WINDOW_NANOS);
    }

    /**
     * @param s a session
     * @return true if its input reaches the desktop: it has the CONTROL role and is the first live
     *     CONTROL session, or the server is {@code --shared}
     */
    boolean mayControl(Session s) {
        if (s.role() != SessionToken.ROLE_CONTROL) {
            return false;
        }
        if (shared) {
            return true;
        }
        for (Session o : open) {
            if (o.role() == SessionToken.ROLE_CONTROL && o.admitted && (o.mainOpen || o.hasChannels())) {
                return o == s;
            }
        }
        return false;
    }

    /**
     * A connection closed: if it was a MAIN, its session ends (other channels closed, observer told).
     *
     * @param ch the connection
     */
    void closed(Channel ch) {
        for (Session s : new ArrayList<>(open)) {
            if (s.main() == ch) {
                s.mainOpen = false;
                s.closeChannels();
                if (!s.isV1() || observer != null) {
                    open.remove(s); // v1 without observer: its channels may still arrive (prune drops it)
                }
                if (s.admitted && observer != null) {
                    observer.disconnected(s.id());
                }
            } else {
                s.leave(ch);
            }
        }
        prune(System.nanoTime());
    }
}
