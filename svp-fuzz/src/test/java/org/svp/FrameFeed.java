package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.svp.netty.SvpFrameDecoder;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;

/**
 * What every harness does with wire bytes: the real frame decoder in a Netty {@link EmbeddedChannel}
 * (the same {@link SvpFrameDecoder} the server and the client put in their pipelines), which calls the
 * real message reader. The property checked here for all of them: a framing error surfaces only as a
 * {@link DecoderException} caused by a {@link PeerProtocolException}; everything else the decoder
 * passes on is a message record or a {@code MalformedMessage}. Called on the fuzzing thread.
 */
final class FrameFeed {
    /** Body limit for the harnesses: big enough for every seed, small enough to keep runs fast. */
    static final int MAX_BODY = 1 << 20;

    private FrameFeed() {
    }

    /**
     * @param stream bytes as they would arrive on a socket
     * @return what the decoder passed downstream, in order (messages and MalformedMessage)
     */
    static List<Object> decode(byte[] stream) {
        return decode(stream, ProtocolLimits.VERSION_1);
    }

    /**
     * @param stream bytes as they would arrive on a socket
     * @param version the negotiated version the decoder is set to (extension ids decode from 2 on)
     * @return what the decoder passed downstream, in order (messages and MalformedMessage)
     */
    static List<Object> decode(byte[] stream, int version) {
        EmbeddedChannel ch = new EmbeddedChannel(new SvpFrameDecoder(MAX_BODY).version(version));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(stream));
        } catch (DecoderException e) {
            assertThat(e.getCause()).isInstanceOf(PeerProtocolException.class);
        }
        List<Object> out = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) {
            out.add(m);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    /**
     * @param command the header's cmd
     * @param body the body
     * @return a v1 frame: magic, cmd, size, body (protocol.md §1)
     */
    static byte[] frame(int command, byte[] body) {
        return ByteBuffer.allocate(ProtocolLimits.HEADER_LENGTH + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) ProtocolLimits.MAGIC).putShort((short) command).putInt(body.length).put(body).array();
    }
}
