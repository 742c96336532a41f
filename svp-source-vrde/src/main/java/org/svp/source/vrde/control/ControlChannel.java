package org.svp.source.vrde.control;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unix-socket connection to the VRDE module. {@link #send} never blocks (it is called from the
 * server's I/O thread and the "svp-vrde" thread): messages go to a queue drained by the
 * "svp-vrde-control-writer" thread, the only writer. Droppable messages (pointer moves) are dropped
 * past {@link #SOFT_LIMIT} queued messages; the others (key releases, buttons, client events) are
 * always queued. The "svp-vrde-control" thread reads the module's messages and hands them to a
 * {@link ControlListener}.
 */
public final class ControlChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    /** Queued messages past which droppable ones are dropped. */
    static final int SOFT_LIMIT = 4096;
    private static final ByteBuffer STOP = ByteBuffer.allocate(0);

    private final SocketChannel socket;
    private final LinkedBlockingQueue<ByteBuffer> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final Thread reader;
    private volatile boolean closing;

    /**
     * Connects; starts the reader and writer threads.
     *
     * @param path DIR/control.sock
     * @param listener gets the module's messages
     * @throws IOException if the socket cannot be reached
     */
    public ControlChannel(Path path, ControlListener listener) throws IOException {
        socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            socket.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        writer = Thread.ofPlatform().daemon().name("svp-vrde-control-writer").start(this::writeLoop);
        reader = Thread.ofPlatform().daemon().name("svp-vrde-control").start(() -> readLoop(listener));
    }

    /**
     * Queues a message. Never blocks; any thread.
     *
     * @param message a framed message ({@link ControlMessage})
     * @param droppable true if it may be dropped when the module does not keep up
     */
    public void send(ByteBuffer message, boolean droppable) {
        if (closing) {
            return;
        }
        if (droppable && queued.get() >= SOFT_LIMIT) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("the VRDE module is not reading its control socket: dropped {} pointer move(s)", dropped.get());
            }
            return;
        }
        queued.incrementAndGet();
        queue.add(message);
    }

    /** @param message a framed message that must arrive */
    public void send(ByteBuffer message) {
        send(message, false);
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer m = queue.take();
                if (m == STOP) {
                    return;
                }
                queued.decrementAndGet();
                while (m.hasRemaining()) {
                    socket.write(m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closing) {
                LOG.debug("control socket write failed: {}", e.toString());
            }
        }
    }

    private void readLoop(ControlListener listener) {
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        String why;
        try {
            while (true) {
                head.clear();
                readFully(head);
                int type = head.getInt(0);
                int len = head.getInt(4);
                if (len < 0 || len > ControlMessage.MAX_PAYLOAD) {
                    throw new IOException("control message type " + type + " with a bad length " + len);
                }
                ByteBuffer body = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
                readFully(body);
                body.flip();
                dispatch(listener, type, body);
            }
        } catch (EOFException e) {
            why = "the control socket was closed";
        } catch (IOException e) {
            why = "control socket: " + e.getMessage();
        } catch (RuntimeException e) {
            why = "control socket: " + e;
        }
        if (!closing) {
            listener.lost(why);
        }
    }

    private static void dispatch(ControlListener l, int type, ByteBuffer b) throws IOException {
        switch (type) {
            case ControlMessage.HELLO_ACK -> {
                need(b, 8, type);
                l.helloAck(b.getInt(0), b.getInt(4));
            }
            case ControlMessage.LOGON_RESULT -> {
                need(b, 8, type);
                l.logonResult(b.getInt(0), b.getInt(4));
            }
            case ControlMessage.DISCONNECT_CLIENT -> {
                need(b, 8, type);
                l.disconnectClient(b.getInt(0), b.getInt(4) != 0);
            }
            case ControlMessage.SHUTDOWN -> l.shutdown();
            default -> LOG.warn("ignored control message type {} ({} bytes) from the VRDE module", type, b.remaining());
        }
    }

    private static void need(ByteBuffer b, int n, int type) throws IOException {
        if (b.remaining() < n) {
            throw new IOException("control message type " + type + " has " + b.remaining() + " bytes, want " + n);
        }
    }

    private void readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (socket.read(b) < 0) {
                throw new EOFException();
            }
        }
    }

    /** @return pointer moves dropped because the module did not keep up */
    public long dropped() {
        return dropped.get();
    }

    /** Stops both threads and closes the socket (queued messages are written first, if the socket allows). */
    @Override
    public void close() {
        closing = true;
        queue.add(STOP);
        try {
            writer.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        writer.interrupt();
    }
}
