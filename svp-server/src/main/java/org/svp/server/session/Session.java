package org.svp.server.session;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.svp.source.ClientSession;

/**
 * One v1 client session (see {@link org.svp.source.SessionObserver}): its MAIN connection and the
 * channels that joined it. The channel list is touched only on the I/O thread; the counters are
 * written there and read anywhere.
 */
final class Session implements ClientSession {
    private final int id;
    private final Channel main;
    private final InetSocketAddress remote;
    private final int clientVersion;
    private final long startMillis = System.currentTimeMillis();
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    /** Set on the I/O thread once the observer admitted the session. */
    boolean admitted;

    Session(int id, Channel main, int clientVersion) {
        this.id = id;
        this.main = main;
        this.remote = (InetSocketAddress) main.remoteAddress();
        this.clientVersion = clientVersion;
    }

    Channel main() {
        return main;
    }

    /** I/O thread. */
    void join(Channel ch) {
        channels.add(ch);
    }

    /** I/O thread. */
    void leave(Channel ch) {
        channels.remove(ch);
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
