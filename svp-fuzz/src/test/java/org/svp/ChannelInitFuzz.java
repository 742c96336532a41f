package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.message.ChannelInit;

/**
 * Server side: a CHANNEL_INIT body (the first message of every other channel) as a client would send it, through the server's frame
 * decoder and message reader ({@link ClientMessages#decodeExact}). Seeds: the captured v1 messages'
 * bodies in {@code src/test/resources/org/svp/ChannelInitFuzzInputs/}.
 */
class ChannelInitFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        ClientMessages.decodeExact(Command.CHANNEL_INIT, body, ChannelInit.class);
    }
}
