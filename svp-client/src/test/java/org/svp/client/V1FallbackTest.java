package org.svp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.ChannelType;
import org.svp.protocol.CodecId;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;

/**
 * The client against a v1-only server (a scripted socket on 127.0.0.1 that answers
 * {@code server_version} 1): it announces version 2, then carries on as v1 — CHANNEL_INIT (42), not
 * CHANNEL_INIT_V2, and no CAPABILITIES on main.
 */
@Timeout(30)
class V1FallbackTest {

    private static Message read(DataInputStream in) throws IOException {
        byte[] h = in.readNBytes(8);
        int size = ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4);
        byte[] frame = new byte[8 + size];
        System.arraycopy(h, 0, frame, 0, 8);
        in.readFully(frame, 8, size);
        return MessageReader.decodeFrame(frame, 2);
    }

    @Test
    void aV1ServerGetsAV1Client() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            List<Message> seen = new ArrayList<>();
            CompletableFuture<Void> script = CompletableFuture.runAsync(() -> {
                try (Socket main = server.accept()) {
                    DataInputStream in = new DataInputStream(main.getInputStream());
                    OutputStream out = main.getOutputStream();
                    seen.add(read(in));
                    List<ChannelEntry> entries = new ArrayList<>();
                    for (ChannelType t : ChannelType.values()) {
                        entries.add(new ChannelEntry(t.wireId(), port));
                    }
                    out.write(MessageWriter.encode(new ChannelList(1, entries)));
                    try (Socket input = server.accept()) {
                        seen.add(read(new DataInputStream(input.getInputStream())));
                        input.getOutputStream().write(MessageWriter.encode(new ChannelReady(1)));
                        main.setSoTimeout(300);
                        try {
                            int b = in.read(); // a v1 client sends nothing more on main
                            seen.add(b < 0 ? null : new org.svp.protocol.message.Nop());
                        } catch (java.net.SocketTimeoutException quiet) {
                            // expected
                        }
                        input.setSoTimeout(5000);
                        input.getInputStream().read(); // until the client closes
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ClientOptions o = new ClientOptions("127.0.0.1", port, Duration.ofSeconds(5), CodecId.AUTO, false, false, true);
            try (SvpClient c = SvpClient.connect(o)) {
                assertThat(c.protocolVersion()).isEqualTo(1);
                assertThat(c.controlRole()).isTrue();
                Thread.sleep(400);
            }
            script.get(10, TimeUnit.SECONDS);
            assertThat(seen.get(0).command().name()).isEqualTo("MAIN_CHANNEL_INIT");
            assertThat(((org.svp.protocol.message.MainChannelInit) seen.get(0)).clientVersion()).isEqualTo(2);
            assertThat(seen.get(1).command().name()).as("v1 CHANNEL_INIT on a v1 server").isEqualTo("CHANNEL_INIT");
            assertThat(seen).hasSize(2);
        }
    }
}
