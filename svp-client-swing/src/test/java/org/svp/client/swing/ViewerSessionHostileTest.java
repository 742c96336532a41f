package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.ScaleMode;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.wire.MessageWriter;

/**
 * The viewer's session code against a server that asks for a 32767×32767 screen: the canvas shows one
 * line saying so (and retries), it never allocates the screen. Headless: the panel is not shown.
 */
@Timeout(30)
class ViewerSessionHostileTest {

    @Test
    void hugeScreenEndsTheConnectionWithOneLineOnTheCanvas() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> open = new ArrayList<>();
            Thread server = new Thread(() -> serve(listener, open), "hostile");
            server.setDaemon(true);
            server.start();
            FramebufferPanel panel = new FramebufferPanel(ScaleMode.FIT);
            String expected = "Connection to 127.0.0.1:" + listener.getLocalPort()
                    + " lost: the server asked for a 32767x32767 screen; the limit is 8192x8192";
            try (ViewerSession s = new ViewerSession("127.0.0.1", listener.getLocalPort())) {
                s.start();
                s.show(panel);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline && (panel.banner() == null || !panel.banner().startsWith(expected))) {
                    Thread.sleep(10);
                }
                assertThat(panel.banner()).startsWith(expected).contains("retrying in").doesNotContain("\n");
            } finally {
                synchronized (open) {
                    for (Socket sock : open) {
                        sock.close();
                    }
                }
            }
        }
    }

    /** v1 hand-shake on one port (every connection), then SCREEN_RESIZE 32767×32767 on display. */
    private static void serve(ServerSocket listener, List<Socket> open) {
        while (!listener.isClosed()) {
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
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }
}
