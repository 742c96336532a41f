package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.svp.netty.MalformedMessage;
import org.svp.protocol.Command;
import org.svp.protocol.message.Nop;

/**
 * Server side: the reserved USB ids 60–82 (protocol.md §2) with any body. A USB frame is skipped as a
 * {@link MalformedMessage} and never costs framing: the NOP after it still arrives. The first input
 * byte picks the id, the rest is the body.
 */
class UsbFrameFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int id = Command.USB_FIRST + (input[0] & 0xFF) % (Command.USB_LAST - Command.USB_FIRST + 1);
        byte[] usb = FrameFeed.frame(id, Arrays.copyOfRange(input, 1, input.length));
        byte[] nop = FrameFeed.frame(Command.NOP.wireId(), new byte[0]);
        List<Object> out = FrameFeed.decode(ByteBuffer.allocate(usb.length + nop.length).put(usb).put(nop).array());
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(MalformedMessage.class);
        assertThat(out.get(1)).isInstanceOf(Nop.class);
    }
}
