package org.svp.source.vnc.rfb;

import io.netty.buffer.ByteBuf;

/**
 * Big-endian reads from the bytes received so far (RFB numbers are big-endian), throwing
 * {@link NeedMore} when they run out. Used on the "svp-vnc" event loop thread by the hand-shake and
 * the update decoder; also by tests and the fuzz harness over a wrapped array.
 */
public final class RfbIn {
    private final ByteBuf buf;

    /** @param buf the received bytes; reads advance its reader index */
    public RfbIn(ByteBuf buf) {
        this.buf = buf;
    }

    /** @param n bytes the caller is about to read; throws {@link NeedMore} if fewer are there */
    public void need(long n) {
        if (buf.readableBytes() < n) {
            throw NeedMore.INSTANCE;
        }
    }

    /** @return bytes received and not yet read */
    public int available() {
        return buf.readableBytes();
    }

    public int u8() {
        need(1);
        return buf.readUnsignedByte();
    }

    public int u16() {
        need(2);
        return buf.readUnsignedShort();
    }

    public int s32() {
        need(4);
        return buf.readInt();
    }

    public long u32() {
        need(4);
        return buf.readUnsignedInt();
    }

    /** Reads {@code len} bytes into {@code dst} at {@code off}. */
    public void bytes(byte[] dst, int off, int len) {
        need(len);
        buf.readBytes(dst, off, len);
    }

    /** @return {@code len} bytes as a new array */
    public byte[] bytes(int len) {
        byte[] b = new byte[len];
        bytes(b, 0, len);
        return b;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) {
        need(n);
        buf.skipBytes(n);
    }

    /** @return the reader position, to rewind to with {@link #rewind} */
    public int mark() {
        return buf.readerIndex();
    }

    /** Moves the reader back to a {@link #mark}. */
    public void rewind(int mark) {
        buf.readerIndex(mark);
    }
}
