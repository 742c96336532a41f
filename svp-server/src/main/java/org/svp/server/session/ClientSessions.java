package org.svp.server.session;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.source.SessionObserver;

/**
 * The sessions of a server whose source has a {@link SessionObserver}: opens one per MAIN
 * connection, asks the observer to authorize it, attaches later channels from the same address to
 * the newest admitted session and ends the session when MAIN closes. I/O thread only.
 */
public final class ClientSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);

    private final SessionObserver observer;
    private final List<Session> open = new ArrayList<>();
    private int nextId = 1;

    /** @param observer the source's observer */
    public ClientSessions(SessionObserver observer) {
        this.observer = observer;
    }

    /**
     * A MAIN_CHANNEL_INIT arrived: opens a session and asks the observer.
     *
     * @param ch the MAIN connection
     * @param clientVersion from its MAIN_CHANNEL_INIT
     * @param onAdmitted run on the I/O thread if the observer admits it (sends CHANNEL_LIST)
     */
    void open(Channel ch, int clientVersion, Runnable onAdmitted) {
        Session s = new Session(nextId++, ch, clientVersion);
        ByteCounter counter = ch.pipeline().get(ByteCounter.class);
        if (counter != null) {
            counter.attach(s);
        }
        open.add(s);
        CompletionStage<Boolean> decision;
        try {
            decision = observer.authorize(s.id(), s.remoteAddress());
        } catch (RuntimeException e) {
            LOG.warn("{}: session authorization failed: {}", s.remoteAddress(), e.toString());
            ch.close();
            return;
        }
        decision.whenComplete((ok, err) -> ch.eventLoop().execute(() -> {
            if (!Boolean.TRUE.equals(ok) || err != null) {
                LOG.info("{}: client {} refused{}", s.remoteAddress(), s.id(), err != null ? ": " + err : "");
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
     * A non-main CHANNEL_INIT arrived: attaches it to the newest admitted session from its address.
     *
     * @param ch the connection
     * @return false if there is none (the caller closes the connection)
     */
    boolean join(Channel ch) {
        InetAddress from = ((InetSocketAddress) ch.remoteAddress()).getAddress();
        for (int i = open.size() - 1; i >= 0; i--) {
            Session s = open.get(i);
            if (s.admitted && s.remoteAddress().getAddress().equals(from)) {
                s.join(ch);
                ByteCounter counter = ch.pipeline().get(ByteCounter.class);
                if (counter != null) {
                    counter.attach(s);
                }
                return true;
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
                open.remove(s);
                s.closeChannels();
                if (s.admitted) {
                    observer.disconnected(s.id());
                }
            } else {
                s.leave(ch);
            }
        }
    }
}
