package org.svp.source;

/**
 * The server side of a {@link DisplaySource}: a bounded queue in front of the server's I/O thread.
 * Called only from the source's own thread. Every call may block while the queue is full, which is
 * how a source is slowed to the pace the server can encode (never by dropping updates).
 */
public interface DisplaySink {

    /**
     * Queues one update.
     *
     * @param update orders, a cursor shape, or a marker
     * @throws InterruptedException if the source's thread is interrupted while the queue is full
     */
    void submit(SourceUpdate update) throws InterruptedException;

    /**
     * Reports that the source stopped for good (its upstream is gone, e.g. the X server exited); it
     * submits nothing afterwards. Called at most once, from the source's thread; never blocks.
     *
     * @param e what happened, in words naming the upstream (e.g. "lost the X display :1: …")
     */
    default void fail(org.svp.protocol.error.UpstreamException e) {
    }

    /**
     * Reports that the upstream asked the server to stop (e.g. VirtualBox disables its VRDE server):
     * not an error; the server closes its clients and the process exits 0. Called at most once, from
     * the source's own threads; never blocks.
     */
    default void finish() {
    }
}
