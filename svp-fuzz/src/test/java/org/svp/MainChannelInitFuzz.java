package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.message.MainChannelInit;

/**
 * Server side: a MAIN_CHANNEL_INIT body (the first message of a main channel) as a client would send it, through the server's frame
 * decoder and message reader ({@link ClientMessages#decodeExact}). Seeds: the captured v1 messages'
 * bodies in {@code src/test/resources/org/svp/MainChannelInitFuzzInputs/}.
 */
class MainChannelInitFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        ClientMessages.decodeExact(Command.MAIN_CHANNEL_INIT, body, MainChannelInit.class);
    }
}
