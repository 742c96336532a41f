package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * Bounds-checked little-endian reads over one message body. Every short read becomes a
 * {@link PeerProtocolException} naming the message and the offset, never an IndexOutOfBounds.
 * Not thread-safe; one per decode call. Public so that {@link MessageCodec}s of extensions can read
 * their bodies.
 */
public final class BodyReader {
    private final ByteBuffer body;
    private final int command;
    private final int start;

    BodyReader(ByteBuffer body, int command) {
        this.body = body.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.command = command;
        this.start = 0;
    }

    public int command() {
        return command;
    }

    public int offset() {
        return body.position() - start;
    }

    public int remaining() {
        return body.remaining();
    }

    public int size() {
        return body.limit();
    }

    private void need(int n, String what) {
        if (body.remaining() < n) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, command, offset(),
                    "body ends before " + what + " (" + n + " bytes needed, " + body.remaining() + " left)");
        }
    }

    public int u8(String what) {
        need(1, what);
        return body.get() & 0xFF;
    }

    public int i8(String what) {
        need(1, what);
        return body.get();
    }

    public int i16(String what) {
        need(2, what);
        return body.getShort();
    }

    public int u16(String what) {
        need(2, what);
        return body.getShort() & 0xFFFF;
    }

    public int i32(String what) {
        need(4, what);
        return body.getInt();
    }

    public long u32(String what) {
        need(4, what);
        return body.getInt() & 0xFFFFFFFFL;
    }

    public long i64(String what) {
        need(8, what);
        return body.getLong();
    }

    public byte[] bytes(long n, String what) {
        if (n < 0 || n > body.remaining()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, command, offset(),
                    "body ends before " + what + " (" + n + " bytes needed, " + body.remaining() + " left)");
        }
        byte[] b = new byte[(int) n];
        body.get(b);
        return b;
    }

    public void skip(int n, String what) {
        need(n, what);
        body.position(body.position() + n);
    }

    public void position(int p) {
        body.position(p);
    }

    /** Fails unless the body has exactly {@code n} bytes. */
    public void expectSize(int n) {
        if (body.limit() != n) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, command, 0,
                    "expected a " + n + "-byte body, got " + body.limit());
        }
    }

    /** Like {@link #expectSize(int)}, returning this reader for use as a first argument. */
    public BodyReader expectSizeThen(int n) {
        expectSize(n);
        return this;
    }

    /** Fails if bytes are left after the last field. */
    public void expectEnd() {
        if (body.hasRemaining()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, command, offset(),
                    body.remaining() + " unexpected bytes after the last field");
        }
    }

    public PeerProtocolException badField(int at, String detail) {
        return new PeerProtocolException(SvpStatus.BAD_FIELD, command, at, detail);
    }
}
