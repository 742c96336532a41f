package org.svp.source.vnc.connection;

import java.util.function.Consumer;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.vnc.rfb.ServerMessageDecoder;

/**
 * What {@link UpstreamLink} tells the source about its connections. Every call is on "svp-vnc".
 */
public interface Session {
    /**
     * The hand-shake is done: send the set-up messages and return the decoder for the normal phase.
     *
     * @param init what the server said
     * @param send writes (and flushes) bytes to this connection
     * @param again true for every connection after the first
     * @return the decoder (its listener is the source's mapping into SVP)
     */
    ServerMessageDecoder connected(ServerInit init, Consumer<byte[]> send, boolean again);

    /** The connection that {@link #connected} announced is gone; reconnecting follows. */
    void lost();

    /** The upstream refused us for good (e.g. the password no longer works); nothing follows. */
    void failed(UpstreamException e);
}
