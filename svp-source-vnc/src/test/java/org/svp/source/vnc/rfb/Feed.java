package org.svp.source.vnc.rfb;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Feeds a decoder the way a socket does: all at once, or in pieces of a given size. */
final class Feed {
    private Feed() {
    }

    /** Feeds {@code bytes} in pieces of {@code chunk} bytes; @return bytes left undecoded at the end */
    static int chunks(ServerMessageDecoder d, byte[] bytes, int chunk) {
        ByteBuf cumulation = Unpooled.buffer();
        for (int i = 0; i < bytes.length; i += chunk) {
            cumulation.writeBytes(bytes, i, Math.min(chunk, bytes.length - i));
            d.decodeAvailable(new RfbIn(cumulation));
            cumulation.discardReadBytes();
        }
        return cumulation.readableBytes();
    }

    static int all(ServerMessageDecoder d, byte[] bytes) {
        return chunks(d, bytes, Math.max(1, bytes.length));
    }
}
