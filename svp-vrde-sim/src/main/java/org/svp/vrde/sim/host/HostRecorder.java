package org.svp.vrde.sim.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the module told the simulated VirtualBox: input events, client events and the bound port, in
 * arrival order, with waits for tests. Written from the module's threads, read from any thread.
 */
public final class HostRecorder {
    private final List<InputEvent> inputs = new ArrayList<>();
    private final List<HostEvent> events = new ArrayList<>();
    private int boundPort = -1;
    private volatile Consumer<String> console = s -> { };

    /** @param c gets one line per recorded callback (the {@code vrde-sim} command prints them) */
    public void printTo(Consumer<String> c) {
        this.console = c;
    }

    void input(InputEvent e) {
        synchronized (this) {
            inputs.add(e);
            notifyAll();
        }
        console.accept(e.describe());
    }

    void event(String kind, String detail) {
        HostEvent e = new HostEvent(System.nanoTime(), kind, detail);
        synchronized (this) {
            events.add(e);
            notifyAll();
        }
        console.accept(e.describe());
    }

    void bindPort(int port) {
        synchronized (this) {
            boundPort = port;
        }
        event("bind-port", Integer.toUnsignedString(port));
    }

    /** @return the last port reported through VRDE_SP_NETWORK_BIND_PORT, -1 before any */
    public synchronized int boundPort() {
        return boundPort;
    }

    /** @return a copy of the input events so far */
    public synchronized List<InputEvent> inputs() {
        return List.copyOf(inputs);
    }

    /** @return a copy of the other events so far */
    public synchronized List<HostEvent> events() {
        return List.copyOf(events);
    }

    /** Forgets the input events recorded so far. */
    public synchronized void clearInputs() {
        inputs.clear();
    }

    /**
     * Waits until a bind port other than 0 and 0xFFFFFFFF is reported.
     *
     * @param timeout at most this long
     * @return the port
     * @throws IllegalStateException on timeout
     */
    public synchronized int awaitBoundPort(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (boundPort <= 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the module reported no bound port within " + timeout.toSeconds() + " s");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return boundPort;
    }

    /**
     * Waits until the input list satisfies a condition.
     *
     * @param until the condition on the list of all inputs so far
     * @param timeout at most this long
     * @return true if it held in time
     */
    public synchronized boolean awaitInputs(Predicate<List<InputEvent>> until, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!until.test(inputs)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Waits for an event of a kind.
     *
     * @param kind e.g. {@code connect}
     * @param count how many of them
     * @param timeout at most this long
     * @return true if there were {@code count} in time
     */
    public synchronized boolean awaitEvents(String kind, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (events.stream().filter(e -> e.kind().equals(kind)).count() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** @return input events as lines, for failure messages */
    public synchronized List<String> describeInputs() {
        List<String> out = new ArrayList<>();
        for (InputEvent e : inputs) {
            out.add(e.describe());
        }
        return out;
    }
}
