package org.svp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that forwards every connection to one port on 127.0.0.1 unchanged and counts
 * the bytes of each direction: how {@code svp bench x11 --peer freerdp} measures what FreeRDP's shadow
 * server sends to xfreerdp (TLS inside, so nothing can be counted in the protocol itself). Counts what
 * it has read from either side before forwarding it, so every byte a client has received is counted. Threads: "svp-count-accept", and per connection one pump per direction (platform daemon
 * threads, blocking I/O); the counters are read from any thread.
 */
final class ByteCountingProxy implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Listens on an ephemeral port of 127.0.0.1.
     *
     * @param targetPort the server's port on 127.0.0.1
     * @throws IOException if it cannot listen
     */
    ByteCountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("svp-count-accept").daemon().start(this::acceptLoop);
    }

    /** @return the port clients connect to */
    int port() {
        return listener.getLocalPort();
    }

    /** @return bytes server → client forwarded so far, over all connections */
    long downBytes() {
        return down.get();
    }

    /** @return bytes client → server forwarded so far, over all connections */
    long upBytes() {
        return up.get();
    }

    /** @return connections accepted so far */
    long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.incrementAndGet();
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(server, client, down, "svp-count-down");
                pump(client, server, up, "svp-count-up");
            } catch (IOException e) {
                closeQuietly(client); // the server is not there: the client sees the connection end
            }
        }
    }

    /** Copies {@code from} → {@code to} until either ends, counting; then closes both. */
    private static void pump(Socket from, Socket to, AtomicLong counter, String name) {
        Thread.ofPlatform().name(name).daemon().start(() -> {
            byte[] buf = new byte[CHUNK];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    counter.addAndGet(n); // before the write: whatever the peer has read is counted
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // one side went away: end both directions
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops listening and ends every forwarded connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(ByteCountingProxy::closeQuietly);
    }
}
