package org.svp.source;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;

/**
 * The hand-off of client input from the server's I/O thread to a source's own thread: a bounded
 * queue that never blocks the I/O thread. Sources return it from {@link DisplaySource#input()} and
 * drain it on their thread. If the source stops draining (a stuck X server, say), events past the
 * capacity are dropped with a warning rather than eating the heap.
 *
 * <p>{@link #keyboard} and {@link #mouse} run on the I/O thread; {@code onQueued} runs there too,
 * after each queued event (e.g. to wake the source's thread). The {@code poll} methods run on the
 * source's thread.
 */
public final class InputQueue implements InputSink {
    private static final Logger LOG = LoggerFactory.getLogger(InputQueue.class);
    /** A warning is logged for the first dropped event and then for every this many. */
    private static final long WARN_EVERY = 1000;

    private final LinkedBlockingQueue<Message> queue;
    private final Runnable onQueued;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param capacity events held before new ones are dropped
     * @param onQueued run on the I/O thread after an event was queued; must not block
     */
    public InputQueue(int capacity, Runnable onQueued) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.onQueued = onQueued;
    }

    @Override
    public void keyboard(KeyboardEvent event) {
        offer(event);
    }

    @Override
    public void mouse(MouseEvent event) {
        offer(event);
    }

    private void offer(Message m) {
        if (!queue.offer(m)) {
            long n = dropped.incrementAndGet();
            if (n % WARN_EVERY == 1) {
                LOG.warn("the source is not taking input: dropped {} event(s) so far ({} waiting)", n, queue.size());
            }
            return;
        }
        queued.incrementAndGet();
        onQueued.run();
    }

    /** @return the oldest event, or null if none waits; source thread */
    public Message poll() {
        return queue.poll();
    }

    /**
     * Waits for an event. Source thread.
     *
     * @param timeout the longest wait
     * @param unit its unit
     * @return the oldest event, or null after the timeout
     * @throws InterruptedException if the source's thread is interrupted
     */
    public Message poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** @return events queued since start (not counting dropped ones) */
    public long queuedTotal() {
        return queued.get();
    }

    /** @return events dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }
}
