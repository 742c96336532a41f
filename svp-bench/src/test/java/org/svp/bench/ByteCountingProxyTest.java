package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The counting proxy forwards both directions unchanged and counts each on its own, over every connection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ByteCountingProxyTest {

    @Test
    void itForwardsUnchangedAndCountsEachDirection() throws Exception {
        byte[] down = new byte[300_001];
        for (int i = 0; i < down.length; i++) {
            down[i] = (byte) (i * 31 + 7);
        }
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ByteCountingProxy proxy = new ByteCountingProxy(server.getLocalPort())) {
            Thread serverSide = Thread.ofPlatform().daemon().start(() -> {
                for (int c = 0; c < 2; c++) { // two connections, as a client that reconnects
                    try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        byte[] hello = in.readNBytes(5);
                        out.write(hello); // echoed back: also counted downwards
                        out.write(down);
                        out.flush();
                        in.read(); // until the client closes
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            for (int c = 0; c < 2; c++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                     InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hello");
                    assertThat(Arrays.equals(in.readNBytes(down.length), down)).as("forwarded unchanged").isTrue();
                }
            }
            serverSide.join(10_000);
            assertThat(proxy.connections()).isEqualTo(2);
            assertThat(proxy.upBytes()).isEqualTo(2 * 5L);
            assertThat(proxy.downBytes()).isEqualTo(2 * (5L + down.length));
        }
    }

    @Test
    void aClientOfAMissingServerIsClosedAndNothingIsCounted() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (ByteCountingProxy proxy = new ByteCountingProxy(deadPort);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(proxy.downBytes()).isZero();
        }
    }
}
