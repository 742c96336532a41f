package org.svp.bench;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.CodecId;
import org.svp.render.Surface;

/**
 * Many headless viewers (display, cursor and input channels each) on a few shared event loop threads —
 * {@value #EVENT_LOOP_THREADS} for any number of clients, so 200 clients × 4 channels are 800 sockets
 * but not 800 threads in the benchmark JVM. Connects {@value #CONNECT_PARALLELISM} at a time. Used by
 * {@code bench load} and {@code bench faults} from their benchmark thread.
 */
final class ClientFleet implements AutoCloseable {
    static final int EVENT_LOOP_THREADS = 4;
    private static final int CONNECT_PARALLELISM = 8;
    /** Generous: 200 clients joining at once queue behind each other's first pictures on 2 cores. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Tries per client: a hand-shake the server closed after its 10 s timeout (the fleet's threads were
     * busy rendering the others' streams) is made again, as a viewer reconnects.
     */
    private static final int CONNECT_ATTEMPTS = 3;
    /**
     * Screen cache each client offers: one 1280×800 screen, not a viewer's 64 MiB — 50 clients with the
     * default took 5.5 GB in the benchmark JVM. The server's cache path still runs for every client.
     */
    static final long CACHE_BUDGET = 4L << 20;

    private final EventLoopGroup group = SvpClient.newEventLoopGroup(EVENT_LOOP_THREADS);
    private final List<SvpClient> clients = new ArrayList<>();
    private final List<String> connectErrors = new ArrayList<>();
    /** Filled by {@link #finalsIdentical} on the benchmark thread. */
    private final List<String> finalNotes = new ArrayList<>();
    /** Written and read by the benchmark thread only. */
    private int retried;

    /**
     * Connects {@code n} more clients; failures are counted, not thrown.
     *
     * @param port the server's main port
     * @param n how many
     * @return how many connected
     * @throws InterruptedException if interrupted
     */
    int connect(int port, int n) throws InterruptedException {
        ClientOptions options = new ClientOptions("127.0.0.1", port, CONNECT_TIMEOUT, CodecId.AUTO, true, true, true);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECT_PARALLELISM);
        try {
            int ok = 0;
            int left = n;
            for (int attempt = 1; attempt <= CONNECT_ATTEMPTS && left > 0; attempt++) {
                List<Future<SvpClient>> pending = new ArrayList<>();
                for (int i = 0; i < left; i++) {
                    pending.add(pool.submit(() -> SvpClient.connect(options, group, CACHE_BUDGET)));
                }
                int now = 0;
                for (Future<SvpClient> f : pending) {
                    try {
                        SvpClient c = f.get(CONNECT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
                        synchronized (clients) {
                            clients.add(c);
                        }
                        now++;
                    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                        Throwable c = e.getCause() == null ? e : e.getCause();
                        synchronized (connectErrors) {
                            connectErrors.add(String.valueOf(c.getMessage()));
                        }
                    }
                }
                ok += now;
                left -= now;
                if (left > 0 && attempt < CONNECT_ATTEMPTS) {
                    retried += left;
                }
            }
            return ok;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** @return connection attempts repeated after a failure (a real viewer reconnects too) */
    int retried() {
        return retried;
    }

    /**
     * From now on the fleet's event loops run below the benchmark's and the server's priority
     * ({@link ThreadPriority}): called once all clients are connected, so that their hand-shakes
     * (which the server times out after 10 s) are not starved, and the hold then measures the server's
     * latency rather than the run queue behind hundreds of rendering clients. Waits until every loop
     * has lowered itself.
     *
     * @throws InterruptedException if interrupted
     */
    void yieldToServer() throws InterruptedException {
        List<io.netty.util.concurrent.Future<?>> done = new ArrayList<>();
        for (io.netty.util.concurrent.EventExecutor loop : group) {
            done.add(loop.submit(ThreadPriority::lowerPriority));
        }
        for (io.netty.util.concurrent.Future<?> f : done) {
            f.await(10, TimeUnit.SECONDS);
        }
    }

    /** @return the connected clients (a copy) */
    List<SvpClient> clients() {
        synchronized (clients) {
            return List.copyOf(clients);
        }
    }

    /** @return the first few connect errors */
    List<String> connectErrors() {
        synchronized (connectErrors) {
            return List.copyOf(connectErrors.subList(0, Math.min(3, connectErrors.size())));
        }
    }

    /** @return clients whose display channel is still up */
    int held() {
        return (int) clients().stream().filter(c -> c.screen().isOpen()).count();
    }

    /** @return display messages received so far, summed over the clients */
    long displayMessages() {
        return clients().stream().mapToLong(c -> c.stats().displayMessages.sum()).sum();
    }

    /**
     * Abruptly drops one client: its sockets close at once (no goodbye exists in v1), possibly in the
     * middle of a message the server is writing.
     *
     * @param c a client of this fleet
     */
    void kill(SvpClient c) {
        synchronized (clients) {
            clients.remove(c);
        }
        c.close();
    }

    /**
     * Waits until each open client's screen has been still for a second, then compares it with the
     * server's final picture; a client that differs is compared again after each further still second
     * (it may only be behind: 50 clients share each of the fleet's event loops) until it matches or the
     * common bound has passed.
     *
     * @param reference the server's final frame
     * @param timeout how long in total to wait for all clients
     * @return how many open clients show exactly {@code reference}, and how many were compared
     * @throws InterruptedException if interrupted
     */
    int[] finalsIdentical(Surface reference, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int same = 0;
        int compared = 0;
        for (SvpClient c : clients()) {
            if (!c.screen().isOpen()) {
                continue;
            }
            compared++;
            boolean settled;
            Surface shown;
            try {
                // a second without change is not the end when the fleet's shared event loops are busy
                // with the other clients' last frames: compare again after each further quiet second
                // until the picture matches or the common bound has passed
                do {
                    long left = Math.max(0, deadline - System.nanoTime());
                    settled = c.screen().settle(Duration.ofSeconds(1), Duration.ofNanos(Math.max(left, 1_000_000_000L)));
                    shown = c.screen().snapshot();
                } while (!samePicture(shown, reference) && System.nanoTime() < deadline && pause());
            } catch (RuntimeException e) {
                finalNotes.add("client " + compared + ": " + e.getMessage());
                continue; // failed or closed while settling: not identical
            }
            if (samePicture(shown, reference)) {
                same++;
            } else if (finalNotes.size() < 5) {
                finalNotes.add("client " + compared + (settled ? " (still for 1 s)" : " (still changing at the bound)")
                        + ": " + difference(shown, reference));
            }
        }
        return new int[] {same, compared};
    }

    /** Closes every client, then the event loops. */
    @Override
    public void close() {
        for (SvpClient c : clients()) {
            c.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** @return true if both hold the same RGB pixels (the top byte ignored) */
    /** @return true after a short pause between two comparisons of a client still behind */
    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    /** @return why the last {@link #finalsIdentical} found pictures different (a few clients), for the report */
    List<String> finalNotes() {
        return List.copyOf(finalNotes);
    }

    /** @return how many pixels differ and their bounding box, or the sizes when they differ */
    static String difference(Surface a, Surface b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            return a.width() + "x" + a.height() + " instead of " + b.width() + "x" + b.height();
        }
        int n = 0;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int i = 0; i < a.pixels().length; i++) {
            if (((a.pixels()[i] ^ b.pixels()[i]) & 0xFFFFFF) != 0) {
                n++;
                x0 = Math.min(x0, i % a.width());
                x1 = Math.max(x1, i % a.width());
                y0 = Math.min(y0, i / a.width());
                y1 = Math.max(y1, i / a.width());
            }
        }
        return n + " pixels differ within (" + x0 + "," + y0 + ")-(" + x1 + "," + y1 + ")";
    }

    static boolean samePicture(Surface a, Surface b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            return false;
        }
        int[] pa = a.pixels();
        int[] pb = b.pixels();
        for (int i = 0; i < pa.length; i++) {
            if (((pa[i] ^ pb[i]) & 0xFFFFFF) != 0) {
                return false;
            }
        }
        return true;
    }
}
