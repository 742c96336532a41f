package org.svp.netty;

import io.netty.handler.codec.DecoderException;
import org.svp.protocol.error.PeerProtocolException;

/**
 * A frame header declared a body larger than the receiving channel's limit. Thrown by
 * {@link SvpFrameDecoder} as soon as the header is read, before any body byte is buffered; the
 * decoder is then corrupt (framing lost). Its cause is the {@link PeerProtocolException}
 * (BAD_LENGTH) for handlers that only know that type; the server's limit handler reads
 * {@link #size()} and {@link #limit()} for its one log line.
 */
public final class FrameTooLargeException extends DecoderException {
    private final int command;
    private final int size;
    private final int limit;

    /**
     * @param command the header's cmd
     * @param size the declared body size
     * @param limit the channel's limit at that moment
     * @param cause the BAD_LENGTH protocol error
     */
    public FrameTooLargeException(int command, int size, int limit, PeerProtocolException cause) {
        super(cause.getMessage(), cause);
        this.command = command;
        this.size = size;
        this.limit = limit;
    }

    /** @return the header's cmd */
    public int command() {
        return command;
    }

    /** @return the declared body size */
    public int size() {
        return size;
    }

    /** @return the limit it exceeded */
    public int limit() {
        return limit;
    }
}
