package org.svp.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;

/** The link simulator: delay, rate, and the CHANNEL_LIST rewrite, against a small server on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThrottlingProxyTest {

    @Test
    void itDelaysThrottlesAndPointsTheChannelListAtItself() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             ThrottlingProxy proxy = new ThrottlingProxy(server.getLocalPort(), 8_000_000, 40_000_000L)) {
            Thread serverSide = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write(MessageWriter.encode(new ChannelList(2, java.util.List.of(new ChannelEntry(1, 5678),
                            new ChannelEntry(2, 5679)))));
                    out.flush();
                    in.read(); // the client's go
                    out.write(new byte[200_000]); // 1.6 Mbit: 200 ms at 8 Mbit/s
                    out.flush();
                    in.read();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Socket c = new Socket("127.0.0.1", proxy.port()); InputStream in = c.getInputStream();
                 OutputStream out = c.getOutputStream()) {
                ChannelList list = (ChannelList) MessageReader.decodeFrame(in.readNBytes(46), 1);
                assertThat(list.channels()).extracting(ChannelEntry::port).containsOnly(proxy.port());
                assertThat(list.channels()).extracting(ChannelEntry::channelType).containsExactly(1, 2);
                long t0 = System.nanoTime();
                out.write(1);
                out.flush();
                int first = in.read();
                long firstByte = System.nanoTime() - t0;
                byte[] rest = in.readNBytes(199_999);
                long all = System.nanoTime() - t0;
                assertThat(first).isZero();
                assertThat(rest).hasSize(199_999);
                assertThat(firstByte).as("a round trip before the first byte").isGreaterThanOrEqualTo(40_000_000L);
                assertThat(all).as("200 kB at 8 Mbit/s plus the round trip").isGreaterThanOrEqualTo(230_000_000L);
                assertThat(proxy.downBytes()).isEqualTo(46 + 200_000);
                out.write(2);
            }
            serverSide.join(10_000);
        }
    }
}
