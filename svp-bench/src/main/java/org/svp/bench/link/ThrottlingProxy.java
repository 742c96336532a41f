package org.svp.bench.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.svp.protocol.Command;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;

/**
 * A slow link on loopback: listens on 127.0.0.1, forwards every connection to a single-port SVP server
 * and throttles both directions ({@link ThrottledLink}: rate, then one-way delay). Each direction reads
 * eagerly into its own queue (up to {@link #MAX_BUFFERED} bytes) — a bloated link buffer, the worst case
 * for latency, since the sender's TCP then sees no back-pressure at all.
 *
 * <p>The server's CHANNEL_LIST names its own port; the proxy rewrites it (plain SVP only: no TLS
 * through this proxy) to its own port, so every channel of the client goes through the link. Threads:
 * "svp-link-accept", and per connection and direction a reader and a writer (platform threads: the
 * writer sleeps until each chunk's arrival time with sub-millisecond precision).
 */
public final class ThrottlingProxy implements AutoCloseable {
    /** Per connection and direction; beyond it the reader stops reading (TCP back-pressure again). */
    static final long MAX_BUFFERED = 256L << 20;
    /** Bytes per read: a chunk arrives whole, so this is the link's granularity (3 ms at 10 Mbit/s). */
    static final int CHUNK = 4096;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final ThrottledLink down;
    private final ThrottledLink up;
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param targetPort the server's (single) port on 127.0.0.1
     * @param bitsPerSecond rate of each direction
     * @param rttNanos round trip (each direction gets half as delay)
     * @throws IOException if it cannot listen
     */
    public ThrottlingProxy(int targetPort, long bitsPerSecond, long rttNanos) throws IOException {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        this.listener = new ServerSocket(0, 50, lo);
        this.target = new InetSocketAddress(lo, targetPort);
        this.down = new ThrottledLink(bitsPerSecond, rttNanos / 2);
        this.up = new ThrottledLink(bitsPerSecond, rttNanos / 2);
        this.acceptor = Thread.ofPlatform().name("svp-link-accept").daemon().start(this::acceptLoop);
    }

    /** @return the port clients connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return bytes the server sent into the link so far (delivered or still in its buffer) */
    public long downBytes() {
        return down.bytes();
    }

    /** @return bytes the link has delivered to clients so far */
    public long deliveredDownBytes() {
        return delivered.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pipe(client, server, up, null);
                pipe(server, client, down, delivered);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("svp: link proxy: " + e.getMessage());
                }
            }
        }
    }

    /** A chunk in flight and the time it leaves the link; an empty one marks the end of the stream. */
    private record Chunk(byte[] data, long deliverAt) {
    }

    /**
     * @param counter where delivered bytes are counted; non-null for the server-to-client direction,
     *     whose first message (CHANNEL_LIST on main) is rewritten
     */
    private void pipe(Socket from, Socket to, ThrottledLink link, java.util.concurrent.atomic.AtomicLong counter) {
        boolean rewriteChannelList = counter != null;
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        long[] buffered = {0};
        Thread.ofPlatform().name("svp-link-read").daemon().start(() -> {
            try (InputStream in = from.getInputStream()) {
                if (rewriteChannelList) {
                    byte[] first = rewriteFirst(in);
                    queue.add(new Chunk(first, link.schedule(first.length, System.nanoTime())));
                }
                byte[] buf = new byte[CHUNK];
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (buffered) {
                        while (buffered[0] > MAX_BUFFERED) {
                            buffered.wait(10);
                        }
                        buffered[0] += n;
                    }
                    queue.add(new Chunk(java.util.Arrays.copyOf(buf, n), link.schedule(n, System.nanoTime())));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            queue.add(new Chunk(new byte[0], System.nanoTime()));
        });
        Thread.ofPlatform().name("svp-link-write").daemon().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    long wait;
                    while ((wait = c.deliverAt() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (c.data().length == 0) {
                        break;
                    }
                    out.write(c.data());
                    if (counter != null) {
                        counter.addAndGet(c.data().length);
                    }
                    synchronized (buffered) {
                        buffered[0] -= c.data().length;
                        buffered.notifyAll();
                    }
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    /**
     * Reads the server's first message; a CHANNEL_LIST gets this proxy's port for every channel.
     *
     * @return the bytes to forward in its place (unchanged if it is anything else)
     */
    private byte[] rewriteFirst(InputStream in) throws IOException {
        byte[] header = in.readNBytes(8);
        if (header.length < 8) {
            return header;
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int cmd = h.getShort(2) & 0xFFFF;
        int size = h.getInt(4);
        if (h.getShort(0) != (short) 0x7F5A || cmd != Command.CHANNEL_LIST.wireId() || size < 0 || size > 4096) {
            return header; // not a CHANNEL_LIST: the rest follows as it comes
        }
        byte[] frame = new byte[8 + size];
        System.arraycopy(header, 0, frame, 0, 8);
        in.readNBytes(frame, 8, size);
        ChannelList list = (ChannelList) MessageReader.decodeFrame(frame, 1);
        List<ChannelEntry> mine = list.channels().stream().map(e -> e.port() == 0 ? e : new ChannelEntry(e.channelType(), port())).toList();
        return MessageWriter.encode(new ChannelList(list.serverVersion(), mine));
    }

    private static void closeQuietly(java.io.Closeable s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        synchronized (sockets) {
            sockets.forEach(ThrottlingProxy::closeQuietly);
        }
        acceptor.interrupt();
    }
}
