package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.Feature;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.FrameHeader;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * A v1 peer on a plain blocking {@link Socket}, for byte-exact and misbehaving-client tests: it
 * speaks the hand-shake by hand and reads frames with {@link FrameHeader} and {@link MessageReader}.
 */
final class RawClient implements AutoCloseable {
    /** One received frame. */
    record Frame(int command, byte[] header, byte[] body) {
        Message message() {
            return MessageReader.decode(command, ByteBuffer.wrap(body), 2); // a test peer understands v2 too
        }

        byte[] bytes() {
            byte[] all = Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, all, header.length, body.length);
            return all;
        }

        boolean is(Command c) {
            return command == c.wireId();
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private Frame ready;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port}. */
    static RawClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * @param port a listening port
     * @param receiveBuffer SO_RCVBUF set before connecting (so the window is small), 0 = default
     */
    static RawClient connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress(TestServers.HOST, port), 5_000);
        s.setSoTimeout((int) TestServers.WAIT.toMillis());
        return new RawClient(s);
    }

    /** Main channel: sends MAIN_CHANNEL_INIT(1, 0, 0), returns the CHANNEL_LIST frame. */
    static Frame mainInit(RawClient main) throws IOException {
        main.send(new MainChannelInit(ProtocolLimits.VERSION_1, 0, 0));
        Frame f = main.read();
        assertThat(f.command()).as("answer to MAIN_CHANNEL_INIT").isEqualTo(Command.CHANNEL_LIST.wireId());
        return f;
    }

    /**
     * Asks the server's main channel for the channel list, connects the channel of {@code type} and
     * sends CHANNEL_INIT as a v1 client does.
     *
     * @param server a started server
     * @param type the channel to open
     * @param receiveBuffer SO_RCVBUF for the new socket, 0 = default
     * @return the connected channel, CHANNEL_READY already read (see {@link #ready()})
     */
    static RawClient open(SvpServer server, ChannelType type, int receiveBuffer) throws IOException {
        int port;
        try (RawClient main = connect(server.port())) {
            ChannelList list = (ChannelList) mainInit(main).message();
            port = list.channels().stream().filter(e -> e.channelType() == type.wireId())
                    .mapToInt(ChannelEntry::port).findFirst().orElseThrow();
        }
        RawClient c = connect(port, receiveBuffer);
        c.send(new ChannelInit(type.wireId(), 0, Feature.V1_CLIENT_ALL));
        c.ready = c.read();
        assertThat(c.ready.command()).as("answer to CHANNEL_INIT").isEqualTo(Command.CHANNEL_READY.wireId());
        return c;
    }

    /** A display channel that asked for {@code codec} in GRAPHIC_CONFIG. */
    static RawClient openDisplay(SvpServer server, int receiveBuffer, int codec) throws IOException {
        RawClient c = open(server, ChannelType.DISPLAY, receiveBuffer);
        c.send(new GraphicConfig(new GraphicSettings(codec, false).toIni()));
        return c;
    }

    /** @return the CHANNEL_READY frame {@link #open} read */
    Frame ready() {
        return ready;
    }

    void send(Message m) throws IOException {
        sendBytes(MessageWriter.encode(m));
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one frame, failing if none arrives within {@link TestServers#WAIT}. */
    Frame read() throws IOException {
        return readWithin(TestServers.WAIT).orElseThrow(() -> new AssertionError("no frame within "
                + TestServers.WAIT.toSeconds() + " s"));
    }

    /**
     * @param quiet how long to wait for the first byte of a frame
     * @return the frame, or empty if no byte arrived within {@code quiet}; once a frame has started,
     *     the rest must follow within {@link TestServers#WAIT}
     */
    Optional<Frame> readWithin(Duration quiet) throws IOException {
        byte[] header = new byte[ProtocolLimits.HEADER_LENGTH];
        socket.setSoTimeout((int) Math.max(1, quiet.toMillis()));
        try {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            header[0] = (byte) b;
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        socket.setSoTimeout((int) TestServers.WAIT.toMillis());
        in.readFully(header, 1, header.length - 1);
        FrameHeader h = FrameHeader.read(ByteBuffer.wrap(header), 0, ProtocolLimits.MAX_BODY);
        byte[] body = new byte[h.bodySize()];
        in.readFully(body);
        return Optional.of(new Frame(h.command(), header, body));
    }

    /**
     * Reads frames until none starts for {@code quiet}.
     *
     * @param quiet the silence that ends the read
     * @param max the longest the whole read may take
     */
    List<Frame> readUntilQuiet(Duration quiet, Duration max) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        List<Frame> frames = new ArrayList<>();
        Optional<Frame> f;
        while ((f = readWithin(quiet)).isPresent()) {
            frames.add(f.get());
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the server kept sending for more than " + max.toSeconds() + " s");
            }
        }
        return frames;
    }

    /**
     * Waits for the server to close this connection, reading (and failing on) nothing else.
     *
     * @param timeout how long to wait
     * @return true if the server closed it (EOF or reset) in time, false if it stayed open
     * @throws AssertionError if the server sent data instead
     */
    boolean awaitClosed(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream raw = socket.getInputStream();
        try {
            int b = raw.read();
            if (b >= 0) {
                throw new AssertionError("expected the server to close the connection, got byte " + b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset: closed as well
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Renders display frames in order into {@code renderer} (as a v1 client does). */
    static void render(List<Frame> frames, OrderRenderer renderer) {
        for (Frame f : frames) {
            renderer.apply((DisplayMessage) f.message());
        }
    }

    /** @return a new renderer with {@code frames} applied */
    static OrderRenderer rendered(List<Frame> frames) {
        OrderRenderer r = new OrderRenderer(new Surface(0, 0));
        render(frames, r);
        return r;
    }

    /** @return how many of {@code frames} are {@code c} */
    static long count(List<Frame> frames, Command c) {
        return frames.stream().filter(f -> f.is(c)).count();
    }
}
