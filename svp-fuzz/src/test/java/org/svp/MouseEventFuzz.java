package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.message.MouseEvent;

/**
 * Server side: a MOUSE_EVENT body (the input channel's pointer events) as a client would send it, through the server's frame
 * decoder and message reader ({@link ClientMessages#decodeExact}). Seeds: the captured v1 messages'
 * bodies in {@code src/test/resources/org/svp/MouseEventFuzzInputs/}.
 */
class MouseEventFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        ClientMessages.decodeExact(Command.MOUSE_EVENT, body, MouseEvent.class);
    }
}
