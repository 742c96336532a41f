package org.svp.server.update;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;

/**
 * The bounded queue between a display source's thread and the server's I/O thread (seed §2.1 steps
 * 2–3: "copy the orders into a queue, then notify the main thread").
 *
 * <p>{@link #submit} runs on the source's thread and blocks while the queue is full; {@link #poll}
 * runs on the I/O thread. At most one wake-up task is pending on the I/O thread at a time.
 */
public final class UpdateQueue implements DisplaySink {

    /**
     * An update with the time it entered the queue (for capture-to-wire latency).
     *
     * @param update what the source sent
     * @param submitNanos {@link System#nanoTime()} at submit
     */
    public record Queued(SourceUpdate update, long submitNanos) {
    }

    private final ArrayBlockingQueue<Queued> queue;
    private final Executor ioThread;
    private final Runnable onAvailable;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Consumer<UpstreamException> onFailure;
    private final Runnable onFinish;

    /**
     * @param capacity updates held before {@link #submit} blocks
     * @param ioThread the I/O event loop
     * @param onAvailable run on the I/O thread when updates may be waiting
     */
    public UpdateQueue(int capacity, Executor ioThread, Runnable onAvailable) {
        this(capacity, ioThread, onAvailable, e -> { });
    }

    /**
     * @param capacity updates held before {@link #submit} blocks
     * @param ioThread the I/O event loop
     * @param onAvailable run on the I/O thread when updates may be waiting
     * @param onFailure called (on the source's thread) when the source reports it stopped for good
     */
    public UpdateQueue(int capacity, Executor ioThread, Runnable onAvailable, Consumer<UpstreamException> onFailure) {
        this(capacity, ioThread, onAvailable, onFailure, () -> { });
    }

    /**
     * @param capacity updates held before {@link #submit} blocks
     * @param ioThread the I/O event loop
     * @param onAvailable run on the I/O thread when updates may be waiting
     * @param onFailure called (on the source's thread) when the source reports it stopped for good
     * @param onFinish called (on the source's thread) when the upstream asks the server to stop
     */
    public UpdateQueue(int capacity, Executor ioThread, Runnable onAvailable, Consumer<UpstreamException> onFailure,
                       Runnable onFinish) {
        this.onFinish = onFinish;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.ioThread = ioThread;
        this.onAvailable = onAvailable;
        this.onFailure = onFailure;
    }

    @Override
    public void fail(UpstreamException e) {
        onFailure.accept(e);
    }

    @Override
    public void finish() {
        onFinish.run();
    }

    @Override
    public void submit(SourceUpdate update) throws InterruptedException {
        queue.put(new Queued(update, System.nanoTime()));
        if (wakeupPending.compareAndSet(false, true)) {
            ioThread.execute(() -> {
                wakeupPending.set(false);
                onAvailable.run();
            });
        }
    }

    /** @return the oldest update, or null; I/O thread only */
    public Queued poll() {
        return queue.poll();
    }
}
