package org.svp.codec.jpeg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;

/** {@link JpegEncoder} through libturbojpeg (tjCompress2 from BGRX rows). One thread. */
final class NativeJpegEncoder implements JpegEncoder {
    private static final Cleaner CLEANER = Cleaner.create();

    private final TurboJpeg tj;
    private final MemorySegment handle;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment outPtr = arena.allocate(ValueLayout.ADDRESS);
    private final MemorySegment outSize = arena.allocate(ValueLayout.JAVA_LONG);
    private MemorySegment src = MemorySegment.NULL;
    private MemorySegment out = MemorySegment.NULL;

    NativeJpegEncoder(TurboJpeg tj) {
        this.tj = tj;
        try {
            handle = (MemorySegment) tj.initCompress.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("tjInitCompress failed", t);
        }
        if (handle.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("tjInitCompress failed");
        }
        MemorySegment h = handle;
        MethodCleanup.register(CLEANER, this, tj, h);
    }

    @Override
    public byte[] encode(int[] rgb, int offset, int stride, int w, int h, int quality, boolean subsample420) {
        long bytes = (long) w * h * 4;
        if (src.byteSize() < bytes) {
            src = arena.allocate(bytes, 64);
        }
        for (int y = 0; y < h; y++) {
            MemorySegment.copy(rgb, offset + y * stride, src, ValueLayout.JAVA_INT, (long) y * w * 4, w);
        }
        int samp = subsample420 ? TurboJpeg.TJSAMP_420 : TurboJpeg.TJSAMP_444;
        try {
            long max = (long) tj.bufSize.invokeExact(w, h, samp);
            if (out.byteSize() < max) {
                out = arena.allocate(max, 64);
            }
            outPtr.set(ValueLayout.ADDRESS, 0, out);
            outSize.set(ValueLayout.JAVA_LONG, 0, out.byteSize());
            int rc = (int) tj.compress2.invokeExact(handle, src, w, w * 4, h, TurboJpeg.TJPF_BGRX, outPtr, outSize,
                    samp, quality, TurboJpeg.TJFLAG_NOREALLOC);
            if (rc != 0) {
                throw new IllegalStateException("tjCompress2: " + tj.error(handle));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("tjCompress2 failed", t);
        }
        return out.asSlice(0, outSize.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
    }
}
