package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.wire.MessageWriter;

/**
 * {@code svp snapshot} against a server that asks for a 32767×32767 screen: one line on stderr, exit 1,
 * no PNG, no OutOfMemoryError (the 4.3 GB canvas is never allocated).
 */
@Timeout(30)
class HostileSnapshotTest {

    @Test
    void hugeScreenIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> open = new ArrayList<>();
            Thread server = new Thread(() -> serve(listener, open), "hostile");
            server.setDaemon(true);
            server.start();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path png = dir.resolve("out.png");
            int code = Main.run(new String[] {"snapshot", "127.0.0.1:" + listener.getLocalPort(), png.toString(),
                "--timeout-s", "10", "--no-tls"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(err.toString().lines().toList())
                    .containsExactly("svp: the server asked for a 32767x32767 screen; the limit is 8192x8192");
            assertThat(code).isEqualTo(1);
            assertThat(png).doesNotExist();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    /** v1 hand-shake on one port, then SCREEN_RESIZE 32767×32767 on the display channel. */
    private static void serve(ServerSocket listener, List<Socket> open) {
        for (int i = 0; i < 4; i++) {
            try {
                Socket s = listener.accept();
                synchronized (open) {
                    open.add(s);
                }
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream o = s.getOutputStream();
                byte[] header = new byte[ProtocolLimits.HEADER_LENGTH];
                in.readFully(header);
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                byte[] body = new byte[h.getInt(4)];
                in.readFully(body);
                if ((h.getShort(2) & 0xFFFF) == Command.MAIN_CHANNEL_INIT.wireId()) {
                    List<ChannelEntry> entries = new ArrayList<>();
                    for (ChannelType t : ChannelType.values()) {
                        entries.add(new ChannelEntry(t.wireId(), listener.getLocalPort()));
                    }
                    o.write(MessageWriter.encode(new ChannelList(ProtocolLimits.VERSION_1, entries)));
                } else {
                    o.write(MessageWriter.encode(new ChannelReady(1)));
                    if (ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getShort(0) == ChannelType.DISPLAY.wireId()) {
                        o.write(MessageWriter.encode(new ScreenResize(32767, 32767)));
                    }
                }
                o.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
