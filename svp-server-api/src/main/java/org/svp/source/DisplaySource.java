package org.svp.source;

/**
 * A screen to serve: the built-in demo desktop, an X11 display, a VNC upstream or VirtualBox.
 *
 * <p>Life cycle: the server calls {@link #start(DisplaySink)} once, from its start-up thread; the source
 * then produces updates on a thread of its own (the seed's "VRDE thread") and hands them to the sink.
 * {@link #input()} is called on the server's I/O thread for every client event. {@link #close()} stops
 * the source's thread and releases what it holds; it is called once, at shutdown.
 */
public interface DisplaySource extends AutoCloseable {

    /**
     * Starts producing. Must return quickly; the first update should be a SCREEN_RESIZE followed by
     * the whole screen.
     *
     * @param sink where updates go; its methods may block the source's thread (back-pressure)
     * @throws org.svp.protocol.error.UpstreamException if the source cannot start (message says why)
     */
    void start(DisplaySink sink);

    /** @return where client keyboard, mouse and mode requests go */
    InputSink input();

    /**
     * @return an observer of client sessions, if this source wants one (asked once, before
     *     {@link #start}); the server then asks it to authorize each session
     */
    default java.util.Optional<SessionObserver> sessionObserver() {
        return java.util.Optional.empty();
    }

    /** @return a short name for logs, e.g. "demo" or "x11::1" */
    String name();

    /** Stops the source's thread. Idempotent. */
    @Override
    void close();
}
