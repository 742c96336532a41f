package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.message.KeyboardEvent;

/**
 * Server side: a KEYBOARD_EVENT body (the input channel's key events (set-1 scancode, down 0/1)) as a client would send it, through the server's frame
 * decoder and message reader ({@link ClientMessages#decodeExact}). Seeds: the captured v1 messages'
 * bodies in {@code src/test/resources/org/svp/KeyboardEventFuzzInputs/}.
 */
class KeyboardEventFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        ClientMessages.decodeExact(Command.KEYBOARD_EVENT, body, KeyboardEvent.class);
    }
}
