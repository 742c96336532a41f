package org.svp.codec.jpeg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import org.svp.codec.BitmapCodec;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * JPEG to pixels through libturbojpeg: the header must announce exactly the bitmap's w×h before
 * anything is decoded (so a hostile stream cannot make us allocate more), then tjDecompress2 into BGRX
 * rows. One thread (a client's display channel).
 */
final class NativeJpegDecoder implements BitmapCodec.Decoder {
    private static final Cleaner CLEANER = Cleaner.create();

    private final TurboJpeg tj;
    private final MemorySegment handle;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment dims = arena.allocate(ValueLayout.JAVA_INT, 4);
    private MemorySegment in = MemorySegment.NULL;
    private MemorySegment dst = MemorySegment.NULL;

    NativeJpegDecoder(TurboJpeg tj) {
        this.tj = tj;
        try {
            handle = (MemorySegment) tj.initDecompress.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("tjInitDecompress failed", t);
        }
        if (handle.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("tjInitDecompress failed");
        }
        MethodCleanup.register(CLEANER, this, tj, handle);
    }

    @Override
    public void decode(byte[] data, int w, int h, int[] out, int outOffset, int outStride, int commandId) {
        if ((long) w * h == 0 || data.length == 0) {
            throw bad(commandId, "an empty JPEG bitmap");
        }
        if (in.byteSize() < data.length) {
            in = arena.allocate(Math.max(data.length, 2 * in.byteSize()));
        }
        MemorySegment.copy(data, 0, in, ValueLayout.JAVA_BYTE, 0, data.length);
        long bytes = (long) w * h * 4;
        try {
            int rc = (int) tj.decompressHeader3.invokeExact(handle, in, (long) data.length, dims,
                    dims.asSlice(4), dims.asSlice(8), dims.asSlice(12));
            if (rc != 0) {
                throw bad(commandId, tj.error(handle));
            }
            int jw = dims.get(ValueLayout.JAVA_INT, 0);
            int jh = dims.get(ValueLayout.JAVA_INT, 4);
            if (jw != w || jh != h) {
                throw bad(commandId, "the stream is " + jw + "x" + jh + ", the bitmap " + w + "x" + h);
            }
            if (dst.byteSize() < bytes) {
                dst = arena.allocate(bytes, 64);
            }
            rc = (int) tj.decompress2.invokeExact(handle, in, (long) data.length, dst, w, w * 4, h,
                    TurboJpeg.TJPF_BGRX, 0);
            if (rc != 0) {
                throw bad(commandId, tj.error(handle));
            }
        } catch (PeerProtocolException e) {
            throw e;
        } catch (Throwable t) {
            throw bad(commandId, t.toString());
        }
        for (int y = 0; y < h; y++) {
            int row = outOffset + y * outStride;
            MemorySegment.copy(dst, ValueLayout.JAVA_INT, (long) y * w * 4, out, row, w);
            for (int x = row; x < row + w; x++) {
                out[x] &= 0xFFFFFF; // X is 0xFF
            }
        }
    }

    static PeerProtocolException bad(int commandId, String why) {
        return new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "JPEG: " + why);
    }
}
