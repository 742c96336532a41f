package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** How the FreeRDP peer sees that the shadow server listens without connecting to it (no FreeRDP needed). */
class FreeRdpPeerTest {
    private static final String PROC_NET_TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1075 1
               1: 0100007F:DF5C 0100007F:A019 06 00000000:00000000 03:000005A1 00000000     0        0 0 3
               2: 0100007F:843B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1
               0: 0000000000000000FFFF00000100007F:9C41 00000000000000000000000000000000:0000 0A 00000000:00000000
            """;

    @Test
    void aListenerOnLoopbackIsFoundByPortAndState() {
        assertThat(FreeRdpPeer.listening(PROC_NET_TCP, 0x843B)).isTrue();
        assertThat(FreeRdpPeer.listening(PROC_NET_TCP, 0xDF5C)).as("TIME_WAIT, not listening").isFalse();
        assertThat(FreeRdpPeer.listening(PROC_NET_TCP, 2024)).as("0.0.0.0, not 127.0.0.1").isFalse();
        assertThat(FreeRdpPeer.listening(PROC_NET_TCP, 0x9C41)).as("tcp6, v4-mapped 127.0.0.1").isTrue();
        assertThat(FreeRdpPeer.listening(PROC_NET_TCP, 3389)).isFalse();
    }

    @Test
    void aRealListenerShowsUpInProcNetTcp() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(FreeRdpPeer.listening(FreeRdpPeer.procNetTcp(), s.getLocalPort())).isTrue();
        }
    }
}
