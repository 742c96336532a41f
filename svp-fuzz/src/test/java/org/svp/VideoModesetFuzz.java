package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.message.VideoModeset;

/**
 * Server side: a VIDEO_MODESET body (the display channel's request for a mode (the source may act on it)) as a client would send it, through the server's frame
 * decoder and message reader ({@link ClientMessages#decodeExact}). Seeds: the captured v1 messages'
 * bodies in {@code src/test/resources/org/svp/VideoModesetFuzzInputs/}.
 */
class VideoModesetFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        ClientMessages.decodeExact(Command.VIDEO_MODESET, body, VideoModeset.class);
    }
}
