package org.svp.source.replay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.ClientSession;
import org.svp.source.InputSink;
import org.svp.source.SessionObserver;
import org.svp.source.SourceUpdate;

/**
 * Serves a recording ({@code --source replay:FILE}): {@link #START_DELAY_MILLIS} after the first client
 * session connects (so that its display channel has joined and every update is encoded for it, as it
 * was live), its updates are submitted on the thread "svp-replay" at the times they were recorded
 * (later when the server's queue is full: back-pressure delays, never drops), then the last picture
 * stays. Client input is ignored: a recording cannot react.
 * A damaged file stops the replay with one error naming the file and the record ({@link DisplaySink#fail}).
 */
public final class ReplaySource implements DisplaySource {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);

    /** From the first session's MAIN connection to the first update. */
    public static final long START_DELAY_MILLIS = 1000;

    private final Path file;
    private final CountDownLatch firstSession = new CountDownLatch(1);
    private final List<Runnable> onFinished = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param file the recording
     * @throws UpstreamException if it does not exist or is not a recording (checked now, so that
     *     {@code svp server} refuses to start with a message)
     */
    public ReplaySource(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new UpstreamException("no recording at " + file, null);
        }
        try {
            new RecordingReader(file).close(); // the header only; records are read as they are replayed
        } catch (IOException e) {
            throw new UpstreamException(e.getMessage(), e);
        }
    }

    /**
     * @param action run on the replay thread after the last update was submitted (not after a damaged
     *     file or a close)
     */
    public void onFinished(Runnable action) {
        onFinished.add(action);
    }

    @Override
    public void start(DisplaySink sink) {
        thread = new Thread(() -> run(sink), "svp-replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(DisplaySink sink) {
        long updates = 0;
        long start;
        try {
            firstSession.await();
            Thread.sleep(START_DELAY_MILLIS);
            start = System.nanoTime();
        } catch (InterruptedException e) {
            return;
        }
        LOG.info("replaying {}", file);
        try (RecordingReader r = new RecordingReader(file)) {
            RecordingReader.Entry e;
            while (!closed && (e = r.next()) != null) {
                long due = start + e.atNanos();
                for (long wait; !closed && (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                SourceUpdate u = e.update();
                if (u instanceof SourceUpdate.Draw d && e.captureAgeNanos() >= 0) {
                    u = new SourceUpdate.Draw(d.messages(), System.nanoTime() - e.captureAgeNanos());
                }
                sink.submit(u);
                updates++;
            }
        } catch (IOException e) {
            if (!closed) {
                sink.fail(new UpstreamException(e.getMessage(), e));
            }
            return;
        } catch (InterruptedException e) {
            return;
        }
        if (closed) {
            return;
        }
        LOG.info("replay of {} finished: {} updates in {} s", file, updates,
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        for (Runnable a : onFinished) {
            a.run();
        }
    }

    @Override
    public Optional<SessionObserver> sessionObserver() {
        return Optional.of(new SessionObserver() {
            @Override
            public CompletionStage<Boolean> authorize(int clientId, InetSocketAddress remote) {
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public void connected(ClientSession session) {
                firstSession.countDown();
            }

            @Override
            public void disconnected(int clientId) {
            }
        });
    }

    @Override
    public InputSink input() {
        return InputSink.IGNORE;
    }

    @Override
    public String name() {
        return "replay:" + file;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
