package org.svp.server.session;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.svp.protocol.ChannelType;
import org.svp.protocol.message.SessionToken;
import org.svp.source.ClientSession;

/**
 * One client session: its MAIN connection, the channels that joined it, its role and (v2) its token.
 * Everything but the counters is touched only on the I/O thread; the counters are written there and
 * read anywhere.
 */
final class Session implements ClientSession {
    private final int id;
    private final Channel main;
    private final InetSocketAddress remote;
    private final int clientVersion;
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final List<Channel> channels = new ArrayList<>();
    private final Set<ChannelType> joinedTypes = EnumSet.noneOf(ChannelType.class);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    /** The v2 session token, null for a v1 session (it has none). */
    private final byte[] token;
    private final int role;
    /** Set on the I/O thread once the observer (if any) admitted the session. */
    boolean admitted;
    /** False once the MAIN connection closed. */
    boolean mainOpen = true;
    /** True once a dropped input event of this session was logged (one line per session). */
    boolean inputDropLogged;

    Session(int id, Channel main, int clientVersion, byte[] token, int role) {
        this.id = id;
        this.main = main;
        this.remote = (InetSocketAddress) main.remoteAddress();
        this.clientVersion = clientVersion;
        this.token = token;
        this.role = role;
    }

    Channel main() {
        return main;
    }

    /** @return the token, or null for a v1 session */
    byte[] token() {
        return token;
    }

    /** @return {@link SessionToken#ROLE_VIEW} or {@link SessionToken#ROLE_CONTROL} */
    int role() {
        return role;
    }

    boolean isV1() {
        return token == null;
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * I/O thread.
     *
     * @param type the channel's type
     * @return false if this session already has a channel of that type (v2: each type once)
     */
    boolean claim(ChannelType type) {
        return joinedTypes.add(type);
    }

    /** I/O thread. */
    void join(Channel ch) {
        channels.add(ch);
    }

    /** I/O thread. */
    void leave(Channel ch) {
        channels.remove(ch);
    }

    boolean hasChannels() {
        return !channels.isEmpty();
    }

    /** Closes the other channels after MAIN closed; I/O thread. */
    void closeChannels() {
        new ArrayList<>(channels).forEach(Channel::close);
        channels.clear();
    }

    void addSent(long n) {
        sent.addAndGet(n);
    }

    void addReceived(long n) {
        received.addAndGet(n);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public int clientVersion() {
        return clientVersion;
    }

    @Override
    public long startMillis() {
        return startMillis;
    }

    @Override
    public long bytesSent() {
        return sent.get();
    }

    @Override
    public long bytesReceived() {
        return received.get();
    }

    /** Any thread: closing MAIN ends the session (its other channels follow on the I/O thread). */
    @Override
    public void close() {
        main.close();
    }
}
