package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.CursorShape;
import org.svp.render.CursorImage;

/**
 * Client side: the cursor channel's byte stream through the client's frame decoder and message reader,
 * then every CURSOR shape into the image conversion the viewer runs ({@link CursorImage}). Only a
 * {@link PeerProtocolException} may come out; a shape whose size the peer made up must not allocate
 * more than a cursor can need. Seeds: the captured CURSOR, CHANNEL_READY messages.
 */
class CursorChannelFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] stream) {
        check(stream);
    }

    static void check(byte[] stream) {
        for (Object m : FrameFeed.decode(stream)) {
            if (m instanceof CursorShape c) {
                try {
                    CursorImage.toArgb(c);
                    CursorImage.invertMask(c);
                } catch (PeerProtocolException expected) {
                    // a shape the client refuses, with a reason
                }
            }
        }
    }
}
