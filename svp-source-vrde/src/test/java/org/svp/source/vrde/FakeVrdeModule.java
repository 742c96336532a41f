package org.svp.source.vrde;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.svp.source.vrde.control.ControlMessage;
import org.svp.source.vrde.ring.RingLayout;

/**
 * A stand-in for the C module, written from docs/vrde.md only: makes DIR (ring file with its header,
 * the wake FIFO via mkfifo, the listening control socket), writes ring records the way the contract
 * says (PAD at the end, release store of write_pos, a FIFO byte when the consumer waits), answers
 * HELLO and LOGON, answers REFRESH with BITMAP records of its own 32-bpp framebuffer, and records every
 * control message it receives. Test threads plus its own "fake-vrde-control" thread.
 */
final class FakeVrdeModule implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_VH = LONG.varHandle();
    private static final VarHandle INT_VH = INT.varHandle();

    /** One control message from the Java side. */
    record Msg(int type, ByteBuffer payload) {
        int u32(int index) {
            return payload.getInt(4 * index);
        }
    }

    final Path dir;
    final long capacity;
    private final Arena arena = Arena.ofShared();
    final MemorySegment ring;
    private final FileChannel fifo;
    private final ServerSocketChannel server;
    private volatile SocketChannel conn;
    private final Thread thread;
    final List<Msg> received = new CopyOnWriteArrayList<>();
    /** ClientLogon's answer. */
    volatile int logonStatus = 0;
    /** Answer HELLO at all (false: test the timeout). */
    volatile boolean answerHello = true;
    /** Answer REFRESH from {@link #framebuffer}. */
    volatile boolean answerRefresh = true;
    /** The VM's screen as 0x00RRGGBB, for REFRESH answers. */
    int[] framebuffer = new int[0];
    int fbWidth;
    int fbHeight;
    private int generation;

    FakeVrdeModule(long capacity) throws IOException {
        this.dir = Files.createTempDirectory("svp-vrde-test-");
        this.capacity = capacity;
        try (FileChannel fc = FileChannel.open(dir.resolve("ring"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ring = fc.map(FileChannel.MapMode.READ_WRITE, 0, RingLayout.HEADER_SIZE + capacity, arena);
        }
        ring.set(LONG, RingLayout.OFF_MAGIC, RingLayout.MAGIC);
        ring.set(INT, RingLayout.OFF_VERSION, RingLayout.VERSION);
        ring.set(INT, RingLayout.OFF_HEADER_SIZE, RingLayout.HEADER_SIZE);
        ring.set(LONG, RingLayout.OFF_CAPACITY, capacity);
        Path wake = dir.resolve("wake");
        try {
            Process p = new ProcessBuilder("mkfifo", wake.toString()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        fifo = FileChannel.open(wake, StandardOpenOption.READ, StandardOpenOption.WRITE); // O_RDWR: never blocks
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("control.sock")));
        thread = Thread.ofPlatform().daemon().name("fake-vrde-control").start(this::serve);
    }

    FakeVrdeModule() throws IOException {
        this(1 << 22);
    }

    private void serve() {
        try {
            conn = server.accept();
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (true) {
                head.clear();
                if (!readFully(head)) {
                    return;
                }
                ByteBuffer body = ByteBuffer.allocate(head.getInt(4)).order(ByteOrder.LITTLE_ENDIAN);
                if (!readFully(body)) {
                    return;
                }
                body.flip();
                Msg m = new Msg(head.getInt(0), body);
                received.add(m);
                answer(m);
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    private boolean readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (conn.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    private void answer(Msg m) throws IOException {
        switch (m.type()) {
            case ControlMessage.HELLO -> {
                if (!answerHello) {
                    return;
                }
                synchronized (this) {
                    LONG_VH.setRelease(ring, RingLayout.OFF_READ_POS, (long) LONG_VH.getAcquire(ring,
                            RingLayout.OFF_WRITE_POS));
                    INT_VH.setRelease(ring, RingLayout.OFF_GENERATION, ++generation);
                }
                send(ControlMessage.of(ControlMessage.HELLO_ACK, 1, generation));
            }
            case ControlMessage.LOGON -> send(ControlMessage.of(ControlMessage.LOGON_RESULT, m.u32(0), logonStatus));
            case ControlMessage.REFRESH -> {
                if (answerRefresh) {
                    refresh(m.u32(0), m.u32(1), m.u32(2), m.u32(3));
                }
            }
            default -> { }
        }
    }

    synchronized void send(ByteBuffer message) throws IOException {
        while (message.hasRemaining()) {
            conn.write(message);
        }
    }

    /** Writes a BITMAP of the fake framebuffer's area (clipped to it) and a COMPLETE. */
    synchronized void refresh(int x, int y, int w, int h) {
        int l = Math.max(0, x);
        int t = Math.max(0, y);
        int r = Math.min(fbWidth, x + w);
        int b = Math.min(fbHeight, y + h);
        if (r > l && b > t) {
            bitmap32(l, t, r - l, b - t, framebuffer, fbWidth);
        }
        complete();
    }

    /** Sets the fake framebuffer (what REFRESH answers read). */
    synchronized void framebuffer(int w, int h, int[] rgb) {
        fbWidth = w;
        fbHeight = h;
        framebuffer = rgb.clone();
    }

    // ---- records ----

    /** Writes one record as docs/vrde.md says; waits (bounded) for room. */
    synchronized void record(int type, byte[] payload) {
        int len = (RingLayout.RECORD_HEADER + payload.length + 7) & ~7;
        if (len > capacity / 4) {
            throw new IllegalArgumentException("record of " + len + " bytes is over capacity / 4");
        }
        long wp = (long) LONG_VH.get(ring, RingLayout.OFF_WRITE_POS);
        long off = wp & (capacity - 1);
        if (off + len > capacity) {
            long pad = capacity - off;
            awaitRoom(wp, pad + len);
            long base = RingLayout.HEADER_SIZE + off;
            ring.set(INT, base, RingLayout.PAD);
            ring.set(INT, base + 4, (int) pad);
            wp += pad;
            off = 0;
        }
        awaitRoom(wp, len);
        long base = RingLayout.HEADER_SIZE + off;
        ring.set(INT, base, type);
        ring.set(INT, base + 4, len);
        ring.set(LONG, base + 8, System.nanoTime());
        MemorySegment.copy(payload, 0, ring, ValueLayout.JAVA_BYTE, base + 16, payload.length);
        LONG_VH.setRelease(ring, RingLayout.OFF_WRITE_POS, wp + len);
        VarHandle.fullFence();
        if ((int) INT_VH.getVolatile(ring, RingLayout.OFF_CONSUMER_WAITING) == 1) {
            try {
                fifo.write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void awaitRoom(long wp, long need) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wp + need - (long) LONG_VH.getAcquire(ring, RingLayout.OFF_READ_POS) > capacity) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Java side does not drain the ring");
            }
            Thread.onSpinWait();
        }
    }

    void resize(int w, int h, int bpp) {
        record(RingLayout.RESIZE, le(0, w, h, bpp));
    }

    void complete() {
        record(RingLayout.COMPLETE, new byte[0]);
    }

    /** BITMAP with rows of row_bytes = w × bytes per pixel. */
    void bitmap(int x, int y, int w, int h, int bpp, byte[] rows) {
        ByteBuffer b = ByteBuffer.allocate(16 + rows.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) x).putShort((short) y).putShort((short) w).putShort((short) h).putInt(bpp)
                .putInt(rows.length / Math.max(1, h)).put(rows);
        record(RingLayout.BITMAP, b.array());
    }

    void bitmap32(int x, int y, int w, int h, int[] rgb, int stride) {
        ByteBuffer rows = ByteBuffer.allocate(4 * w * h).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                rows.putInt(rgb[(y + r) * stride + x + c] | 0xAB000000); // X byte set: Java must clear it
            }
        }
        bitmap(x, y, w, h, 32, rows.array());
    }

    void orders(byte[] update) {
        ByteBuffer b = ByteBuffer.allocate(8 + update.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(update.length).put(update);
        record(RingLayout.ORDERS, b.array());
    }

    void pointer(int type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(data.length).put(data);
        record(type, b.array());
    }

    static byte[] le(int... ints) {
        ByteBuffer b = ByteBuffer.allocate(4 * ints.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : ints) {
            b.putInt(v);
        }
        return b.array();
    }

    // ---- control ----

    /** @return the first received message matching, waiting up to 10 s */
    Msg await(Predicate<Msg> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Msg m : received) {
                if (p.test(m)) {
                    return m;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the module never received " + what + "; got types "
                + received.stream().map(Msg::type).toList());
    }

    /** @return received messages of a type */
    List<Msg> ofType(int type) {
        return received.stream().filter(m -> m.type() == type).toList();
    }

    /** Closes the control connection (the VM process "died"). */
    void dropControl() throws IOException {
        SocketChannel c = conn;
        if (c != null) {
            c.close();
        }
    }

    /** Reads the info block under its seqlock. */
    long[] info() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int s1 = (int) INT_VH.getAcquire(ring, RingLayout.OFF_INFO_SEQ);
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long[] v = {ring.get(INT, RingLayout.OFF_ACTIVE), ring.get(INT, RingLayout.OFF_NUMBER_OF_CLIENTS),
                ring.get(INT, RingLayout.OFF_CLIENT_VERSION), ring.get(LONG, RingLayout.OFF_BEGIN_TIME),
                ring.get(LONG, RingLayout.OFF_END_TIME), ring.get(LONG, RingLayout.OFF_BYTES_SENT),
                ring.get(LONG, RingLayout.OFF_BYTES_SENT_TOTAL), ring.get(LONG, RingLayout.OFF_BYTES_RECEIVED),
                ring.get(LONG, RingLayout.OFF_BYTES_RECEIVED_TOTAL)};
            VarHandle.loadLoadFence();
            if ((int) INT_VH.getAcquire(ring, RingLayout.OFF_INFO_SEQ) == s1) {
                return v;
            }
        }
        throw new AssertionError("info_seq never settled");
    }

    String clientIp() {
        return ring.getString(RingLayout.OFF_CLIENT_IP);
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
            dropControl();
            fifo.close();
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            arena.close();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
