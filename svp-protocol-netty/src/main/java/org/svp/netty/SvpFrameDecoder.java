package org.svp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.FrameHeader;
import org.svp.protocol.wire.MessageReader;

/**
 * Cuts the inbound byte stream into v1 frames (protocol.md §1) and decodes each body into its
 * {@link Message} record, which it passes downstream.
 *
 * <p>States: {@link State#READ_HEADER} waits for the 8-byte header and checks it (magic, negative
 * size, size over {@code maxBody}); {@link State#READ_BODY} waits for the whole body and decodes it;
 * {@link State#CORRUPT} is terminal and discards everything.
 *
 * <p>Errors:
 * <ul>
 *   <li>Framing lost ({@link org.svp.protocol.error.SvpStatus#framingLost()}: bad magic, bad length,
 *       unknown or reserved id): the decoder turns {@link State#CORRUPT} and throws a
 *       {@link DecoderException} whose cause is the {@link PeerProtocolException}; the pipeline's
 *       {@code exceptionCaught} logs it and closes this connection only.</li>
 *   <li>Frame intact, body bad (wrong body size, field out of range) or a reserved USB id 60–82: the
 *       frame is skipped and a {@link MalformedMessage} goes downstream instead; the stream stays in
 *       sync and the connection stays up (protocol.md §7).</li>
 * </ul>
 *
 * <p>Called only on the channel's event loop; one instance per channel (not sharable).
 */
public final class SvpFrameDecoder extends ByteToMessageDecoder {
    /** The default body limit: the v1 10 MiB ({@link ProtocolLimits#MAX_BODY}). */
    public static final int DEFAULT_MAX_BODY = ProtocolLimits.MAX_BODY;

    /** Where the decoder is in the stream. */
    enum State {
        /** Waiting for an 8-byte header. */
        READ_HEADER,
        /** Header read; waiting for {@code header.bodySize()} body bytes. */
        READ_BODY,
        /** Framing lost: all further input is discarded. Terminal. */
        CORRUPT
    }

    private final int maxBody;
    /**
     * The connection's negotiated protocol version: extension ids (100–999) decode only from 2 on, so
     * a v1 peer sending one gets the v1 treatment (unknown command). The owner of the pipeline sets
     * it on the I/O thread as the hand-shake goes (a server starts at 2 until the first message says
     * which client it is; a client starts at 1 until CHANNEL_LIST says the server speaks 2).
     */
    private int version = ProtocolLimits.VERSION_1;
    private State state = State.READ_HEADER;
    /** The header of the frame being read, valid in {@link State#READ_BODY}. */
    private FrameHeader header;

    /** Creates a decoder with the v1 body limit {@link #DEFAULT_MAX_BODY}. */
    public SvpFrameDecoder() {
        this(DEFAULT_MAX_BODY);
    }

    /**
     * @param maxBody the largest body accepted, in bytes; a larger header size is a framing error
     * @throws IllegalArgumentException if {@code maxBody} is negative
     */
    public SvpFrameDecoder(int maxBody) {
        if (maxBody < 0) {
            throw new IllegalArgumentException("maxBody must be >= 0, got " + maxBody);
        }
        this.maxBody = maxBody;
    }

    /**
     * Sets the version extension messages are decoded for (I/O thread).
     *
     * @param version the negotiated version
     * @return this decoder
     */
    public SvpFrameDecoder version(int version) {
        this.version = version;
        return this;
    }

    /** @return the negotiated version this decoder decodes for */
    public int version() {
        return version;
    }

    /** @return the body limit in bytes */
    public int maxBody() {
        return maxBody;
    }

    /** @return true once framing was lost and input is being discarded */
    public boolean isCorrupt() {
        return state == State.CORRUPT;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case READ_HEADER -> {
                if (decodeHeader(in)) {
                    decodeBody(in, out);
                }
            }
            case READ_BODY -> decodeBody(in, out);
            case CORRUPT -> in.skipBytes(in.readableBytes());
        }
    }

    /** @return true when a header was read and the state moved to READ_BODY */
    private boolean decodeHeader(ByteBuf in) {
        if (in.readableBytes() < ProtocolLimits.HEADER_LENGTH) {
            return false;
        }
        try {
            header = FrameHeader.read(in.nioBuffer(in.readerIndex(), ProtocolLimits.HEADER_LENGTH), 0, maxBody);
        } catch (PeerProtocolException e) {
            throw corrupt(in, e);
        }
        in.skipBytes(ProtocolLimits.HEADER_LENGTH);
        state = State.READ_BODY;
        return true;
    }

    private void decodeBody(ByteBuf in, List<Object> out) {
        int size = header.bodySize();
        if (in.readableBytes() < size) {
            return;
        }
        int cmd = header.command();
        try {
            out.add(MessageReader.decode(cmd, in.nioBuffer(in.readerIndex(), size), version));
        } catch (PeerProtocolException e) {
            if (e.status().framingLost() && !Command.isUsb(cmd)) {
                throw corrupt(in, e);
            }
            out.add(new MalformedMessage(e));
        }
        in.skipBytes(size);
        header = null;
        state = State.READ_HEADER;
    }

    private DecoderException corrupt(ByteBuf in, PeerProtocolException e) {
        state = State.CORRUPT;
        header = null;
        in.skipBytes(in.readableBytes());
        return new DecoderException(e.getMessage(), e);
    }
}
