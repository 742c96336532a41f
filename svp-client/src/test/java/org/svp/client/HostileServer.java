package org.svp.client;

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
import org.svp.protocol.ChannelType;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageWriter;

/**
 * A server that does the v1 hand-shake correctly on one port (every channel listed on it) and then
 * sends whatever frames a test scripted on the display or cursor channel: the hostile-server tests of
 * the client. One thread per connection, all daemon; {@link #close()} ends them.
 */
final class HostileServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private final byte[] display;
    private final byte[] cursor;

    /**
     * @param display frames sent on the display channel right after CHANNEL_READY
     * @param cursor frames sent on the cursor channel right after CHANNEL_READY
     */
    HostileServer(byte[] display, byte[] cursor) throws IOException {
        this.display = display;
        this.cursor = cursor;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "hostile-accept");
        t.setDaemon(true);
        t.start();
    }

    /** @return frames (header + body) of these messages, one after the other */
    static byte[] frames(Message... messages) {
        List<byte[]> parts = new ArrayList<>();
        int n = 0;
        for (Message m : messages) {
            byte[] b = MessageWriter.encode(m);
            parts.add(b);
            n += b.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        parts.forEach(out::put);
        return out.array();
    }

    /** @return the frame of {@code m} with its body's int at {@code bodyOffset} replaced by {@code value} */
    static byte[] patched(Message m, int bodyOffset, int value) {
        byte[] b = MessageWriter.encode(m);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(ProtocolLimits.HEADER_LENGTH + bodyOffset, value);
        return b;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                synchronized (sockets) {
                    sockets.add(s);
                }
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] header = new byte[ProtocolLimits.HEADER_LENGTH];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int cmd = h.getShort(2) & 0xFFFF;
            byte[] body = new byte[h.getInt(4)];
            in.readFully(body);
            if (cmd == org.svp.protocol.Command.MAIN_CHANNEL_INIT.wireId()) {
                List<ChannelEntry> entries = new ArrayList<>();
                for (ChannelType t : ChannelType.values()) {
                    entries.add(new ChannelEntry(t.wireId(), port()));
                }
                out.write(MessageWriter.encode(new ChannelList(ProtocolLimits.VERSION_1, entries)));
                out.flush();
                return;
            }
            int type = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getShort(0);
            out.write(MessageWriter.encode(new ChannelReady(1)));
            if (type == ChannelType.DISPLAY.wireId()) {
                out.write(display);
            } else if (type == ChannelType.CURSOR.wireId()) {
                out.write(cursor);
            }
            out.flush();
        } catch (IOException e) {
            // the client hung up: fine
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
