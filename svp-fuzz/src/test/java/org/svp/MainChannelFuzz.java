package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;

/**
 * Client side: what a server answers on the main channel and on every channel's hand-shake
 * (CHANNEL_LIST, CHANNEL_READY) through the client's frame decoder and message reader. A list never
 * has more than its 8 slots and every port it names is a TCP port. Seeds: the captured CHANNEL_LIST and
 * CHANNEL_READY messages.
 */
class MainChannelFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] stream) {
        check(stream);
    }

    static void check(byte[] stream) {
        for (Object m : FrameFeed.decode(stream)) {
            if (m instanceof ChannelList list) {
                assertThat(list.channels()).hasSizeLessThanOrEqualTo(8);
                for (ChannelEntry e : list.channels()) {
                    assertThat(e.port()).isBetween(0, 65535);
                    assertThat(e.channelType()).isBetween(0, 65535);
                }
            }
        }
    }
}
