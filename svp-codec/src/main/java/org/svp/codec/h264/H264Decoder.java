package org.svp.codec.h264;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * One stream's openh264 decoder (a client keeps one per stream id). Decodes an access unit and, when
 * a picture comes out, converts it into the client's pixels. A unit that yields no picture (a P frame
 * before the first IDR after joining, a damaged unit) leaves the pixels as they are: the next IDR or
 * the lossless refresh repairs them. Confined to the display channel's thread; {@link #close()} frees it.
 */
final class H264Decoder implements AutoCloseable {
    private final OpenH264 lib;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment decoder;
    private final MemorySegment planes = arena.allocate(ADDRESS, 3);
    private final MemorySegment info = arena.allocate(OpenH264.BI_SIZE, 8);
    private MemorySegment in = MemorySegment.NULL;
    private byte[] y = new byte[0];
    private byte[] u = new byte[0];
    private byte[] v = new byte[0];
    private boolean closed;

    H264Decoder(OpenH264 lib) {
        this.lib = lib;
        MemorySegment pp = arena.allocate(ADDRESS);
        try {
            long rc = (long) lib.createDecoder.invokeExact(pp);
            decoder = pp.get(ADDRESS, 0);
            if (rc != 0 || decoder.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("WelsCreateDecoder failed: " + rc);
            }
            MemorySegment opt = arena.allocate(JAVA_INT);
            opt.set(JAVA_INT, 0, OpenH264.WELS_LOG_QUIET);
            long ignored = (long) lib.objIntPtrLong.invokeExact(OpenH264.slot(decoder, 8), decoder,
                    OpenH264.DEC_OPTION_TRACE_LEVEL, opt);
            MemorySegment param = arena.allocate(OpenH264.DP_SIZE, 8); // zeros: AVC, no concealment
            rc = (long) lib.objPtrLong.invokeExact(OpenH264.slot(decoder, 0), decoder, param);
            if (rc != 0) {
                lib.destroyDecoder.invokeExact(decoder);
                throw new IllegalStateException("openh264 decoder Initialize failed: " + rc);
            }
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException("openh264: " + t, t);
        }
    }

    /**
     * @return true if a picture was drawn into {@code dst}
     * @throws PeerProtocolException BAD_BITMAP when the picture is not the bitmap's size
     */
    boolean decode(byte[] data, int offset, int length, int w, int h, int[] dst, int dstOffset, int dstStride,
                   int commandId) {
        if (in.byteSize() < length + 64L) { // openh264 may read a little past the end
            in = arena.allocate(Math.max(length + 64L, 2 * in.byteSize()), 64);
        }
        in.fill((byte) 0);
        MemorySegment.copy(data, offset, in, JAVA_BYTE, 0, length);
        info.fill((byte) 0);
        planes.fill((byte) 0);
        try {
            int ignored = (int) lib.decodeNoDelay.invokeExact(OpenH264.slot(decoder, 3), decoder, in, length, planes,
                    info);
        } catch (Throwable t) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "H264: " + t);
        }
        if (info.get(JAVA_INT, OpenH264.BI_STATUS) != 1) {
            return false;
        }
        int pw = info.get(JAVA_INT, OpenH264.BI_WIDTH);
        int ph = info.get(JAVA_INT, OpenH264.BI_HEIGHT);
        if (pw != w || ph != h) {
            throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                    "H264: the picture is " + pw + "x" + ph + ", the bitmap " + w + "x" + h);
        }
        int ys = info.get(JAVA_INT, OpenH264.BI_STRIDE);
        int cs = info.get(JAVA_INT, OpenH264.BI_STRIDE + 4);
        int ylen = ys * h;
        int clen = cs * ((h + 1) / 2);
        if (y.length < ylen) {
            y = new byte[ylen];
        }
        if (u.length < clen) {
            u = new byte[clen];
            v = new byte[clen];
        }
        MemorySegment.copy(planes.getAtIndex(ADDRESS, 0).reinterpret(ylen), JAVA_BYTE, 0, y, 0, ylen);
        MemorySegment.copy(planes.getAtIndex(ADDRESS, 1).reinterpret(clen), JAVA_BYTE, 0, u, 0, clen);
        MemorySegment.copy(planes.getAtIndex(ADDRESS, 2).reinterpret(clen), JAVA_BYTE, 0, v, 0, clen);
        I420.toRgb(y, ys, u, v, cs, w, h, dst, dstOffset, dstStride);
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            long ignored = (long) lib.objLong.invokeExact(OpenH264.slot(decoder, 1), decoder);
            lib.destroyDecoder.invokeExact(decoder);
        } catch (Throwable ignored) {
            // nothing more to free
        }
        arena.close();
    }
}
