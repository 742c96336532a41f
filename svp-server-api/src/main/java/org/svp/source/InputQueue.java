package org.svp.source;

import java.util.ArrayDeque;
import java.util.Iterator;
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
 * drain it on their thread.
 *
 * <p>When the source stops draining (a stuck X server, say) and {@code capacity} events wait, pointer
 * motion is coalesced: a MOUSE_EVENT replaces the last queued MOUSE_EVENT if that one has the same
 * button state (nothing between them changed a button, so only the position moves earlier). Key
 * events and button changes are never dropped — a lost key release is a stuck key — and may exceed the
 * capacity up to {@code hardCap}; only past that (far above what the per-connection input rate limit
 * lets through in the time a source may stall) are they dropped, with a warning.
 *
 * <p>{@link #keyboard} and {@link #mouse} run on the I/O thread; {@code onQueued} runs there too,
 * after each queued event (e.g. to wake the source's thread). The {@code poll} methods run on the
 * source's thread.
 */
public final class InputQueue implements InputSink {
    private static final Logger LOG = LoggerFactory.getLogger(InputQueue.class);
    /** A warning is logged for the first dropped event and then for every this many. */
    private static final long WARN_EVERY = 1000;
    /** The hard cap as a multiple of the capacity. */
    private static final int HARD_CAP_FACTOR = 10;

    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final int capacity;
    private final int hardCap;
    private final Runnable onQueued;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param capacity events held before pointer motion is coalesced
     * @param onQueued run on the I/O thread after an event was queued; must not block
     */
    public InputQueue(int capacity, Runnable onQueued) {
        this.capacity = capacity;
        this.hardCap = (int) Math.min(Integer.MAX_VALUE, (long) capacity * HARD_CAP_FACTOR);
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
        synchronized (queue) {
            if (queue.size() >= capacity && m instanceof MouseEvent mouse && replaceLastMotion(mouse)) {
                coalesced.incrementAndGet();
                return; // nothing new to take: no wake-up
            }
            if (queue.size() >= hardCap) {
                long n = dropped.incrementAndGet();
                if (n % WARN_EVERY == 1) {
                    LOG.warn("the source is not taking input: dropped {} event(s) so far ({} waiting)", n, queue.size());
                }
                return;
            }
            queue.addLast(m);
            queue.notifyAll();
        }
        queued.incrementAndGet();
        onQueued.run();
    }

    /** Replaces the last queued MOUSE_EVENT when it has the same buttons. Holds the queue's lock. */
    private boolean replaceLastMotion(MouseEvent m) {
        Iterator<Message> it = queue.descendingIterator();
        int fromEnd = 0;
        while (it.hasNext()) {
            Message e = it.next();
            if (e instanceof MouseEvent last) {
                if (last.buttons() != m.buttons()) {
                    return false; // a button change: keep it and queue this one after it
                }
                if (fromEnd == 0) {
                    queue.pollLast();
                    queue.addLast(m);
                } else {
                    it.remove();
                    insertFromEnd(fromEnd, m);
                }
                return true;
            }
            fromEnd++;
        }
        return false;
    }

    /** Puts {@code m} where the removed motion was: {@code fromEnd} events before the tail. */
    private void insertFromEnd(int fromEnd, MouseEvent m) {
        ArrayDeque<Message> tail = new ArrayDeque<>(fromEnd);
        for (int i = 0; i < fromEnd; i++) {
            tail.addFirst(queue.pollLast());
        }
        queue.addLast(m);
        queue.addAll(tail);
    }

    /** @return the oldest event, or null if none waits; source thread */
    public Message poll() {
        synchronized (queue) {
            return queue.pollFirst();
        }
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
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (queue) {
            while (queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(queue, left);
            }
            return queue.pollFirst();
        }
    }

    /** @return events waiting now */
    public int size() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** @return events queued since start (not counting coalesced or dropped ones) */
    public long queuedTotal() {
        return queued.get();
    }

    /** @return pointer motions merged into a queued one because the queue was full */
    public long coalesced() {
        return coalesced.get();
    }

    /** @return events dropped because the queue was past its hard cap */
    public long dropped() {
        return dropped.get();
    }
}
