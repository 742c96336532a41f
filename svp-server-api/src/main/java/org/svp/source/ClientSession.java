package org.svp.source;

import java.net.InetSocketAddress;

/**
 * One client session as {@link SessionObserver} sees it. The counters may be read from any thread;
 * {@link #close()} may be called from any thread.
 */
public interface ClientSession {

    /** @return the server's id for the session (1, 2, … in connect order) */
    int id();

    /** @return the MAIN connection's remote address */
    InetSocketAddress remoteAddress();

    /** @return the client_version of its MAIN_CHANNEL_INIT */
    int clientVersion();

    /** @return when the MAIN connection arrived, ms since 1970 */
    long startMillis();

    /** @return bytes written to the session's sockets so far (all its channels) */
    long bytesSent();

    /** @return bytes read from the session's sockets so far (all its channels) */
    long bytesReceived();

    /** Closes every connection of the session (the observer then gets {@link SessionObserver#disconnected}). */
    void close();
}
