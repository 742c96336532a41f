package org.svp.codec.h264;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The optional libx264 encoder ({@code libx264.so.164}, Debian libx264-164, GPL-2+: loaded only when
 * present and asked for, never linked or shipped): ultrafast + zerolatency, baseline profile (openh264
 * decodes it), one thread, an SPS/PPS with every IDR. Build-164 layout (checked with a C program
 * against libx264-dev): {@code x264_param_t} 1024 bytes, i_width @28, i_height @32, i_csp @36;
 * {@code x264_picture_t} 240 bytes, b_keyframe @12, i_pts @16, img.i_stride[] @48, img.plane[] @64;
 * {@code x264_nal_t} 40 bytes, i_payload @20, p_payload @24. Thread-safe by lock.
 */
public final class X264Stream implements H264Encoder {
    private static final int CSP_I420 = 2;
    private static final Optional<Lib> LIB = Lib.load();

    /** The symbols, loaded once. */
    private record Lib(MethodHandle defaultPreset, MethodHandle parse, MethodHandle applyProfile, MethodHandle open,
                       MethodHandle pictureAlloc, MethodHandle pictureClean, MethodHandle encode, MethodHandle close) {
        static Optional<Lib> load() {
            try {
                SymbolLookup l = SymbolLookup.libraryLookup("libx264.so.164", Arena.global());
                Linker k = Linker.nativeLinker();
                return Optional.of(new Lib(
                        k.downcallHandle(l.find("x264_param_default_preset").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)),
                        k.downcallHandle(l.find("x264_param_parse").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)),
                        k.downcallHandle(l.find("x264_param_apply_profile").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                        k.downcallHandle(l.find("x264_encoder_open_164").orElseThrow(),
                                FunctionDescriptor.of(ADDRESS, ADDRESS)),
                        k.downcallHandle(l.find("x264_picture_alloc").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT)),
                        k.downcallHandle(l.find("x264_picture_clean").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS)),
                        k.downcallHandle(l.find("x264_encoder_encode").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                        k.downcallHandle(l.find("x264_encoder_close").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS))));
            } catch (IllegalArgumentException | UnsatisfiedLinkError | IllegalCallerException
                     | java.util.NoSuchElementException e) {
                return Optional.empty();
            }
        }
    }

    private final Lib lib;
    private final Arena arena = Arena.ofShared();
    private final int w;
    private final int h;
    private final MemorySegment encoder;
    private final MemorySegment picIn;
    private final MemorySegment picOut;
    private final MemorySegment nals;
    private final MemorySegment nalCount;
    private final byte[] yuv;
    private long pts;
    private boolean closed;

    /** @return whether libx264.so.164 is installed */
    public static boolean available() {
        return LIB.isPresent();
    }

    /**
     * @param w even columns
     * @param h even rows
     * @param bitrate bits per second
     * @param fps frames per second
     * @param idrInterval frames between IDRs
     */
    public X264Stream(int w, int h, int bitrate, float fps, int idrInterval) {
        this.lib = LIB.orElseThrow(() -> new IllegalStateException("libx264.so.164 not found (Debian package libx264-164)"));
        this.w = w;
        this.h = h;
        try {
            MemorySegment param = arena.allocate(1024, 8);
            check((int) lib.defaultPreset.invokeExact(param, arena.allocateFrom("ultrafast"),
                    arena.allocateFrom("zerolatency")), "x264_param_default_preset");
            param.set(JAVA_INT, 28, w);
            param.set(JAVA_INT, 32, h);
            param.set(JAVA_INT, 36, CSP_I420);
            int kbps = Math.max(50, bitrate / 1000);
            String[][] opts = {{"threads", "1"}, {"fps", Float.toString(fps)}, {"bitrate", Integer.toString(kbps)},
                {"vbv-maxrate", Integer.toString(kbps)}, {"vbv-bufsize", Integer.toString(kbps)},
                {"keyint", Integer.toString(idrInterval)}, {"repeat-headers", "1"}, {"annexb", "1"}, {"log", "-1"}};
            for (String[] o : opts) {
                check((int) lib.parse.invokeExact(param, arena.allocateFrom(o[0]), arena.allocateFrom(o[1])),
                        "x264_param_parse " + o[0]);
            }
            check((int) lib.applyProfile.invokeExact(param, arena.allocateFrom("baseline")), "x264_param_apply_profile");
            encoder = (MemorySegment) lib.open.invokeExact(param);
            if (encoder.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("x264_encoder_open(" + w + "x" + h + ") failed");
            }
            picIn = arena.allocate(240, 8);
            check((int) lib.pictureAlloc.invokeExact(picIn, CSP_I420, w, h), "x264_picture_alloc");
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException("x264: " + t, t);
        }
        picOut = arena.allocate(240, 8);
        nals = arena.allocate(ADDRESS);
        nalCount = arena.allocate(JAVA_INT);
        yuv = new byte[w * h * 3 / 2];
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException(what + " failed: " + rc);
        }
    }

    @Override
    public int width() {
        return w;
    }

    @Override
    public int height() {
        return h;
    }

    @Override
    public synchronized H264Stream.Frame encode(int[] rgb, int at, int stride) {
        if (closed) {
            throw new IllegalStateException("stream closed");
        }
        I420.fromRgb(rgb, at, stride, w, h, yuv);
        int ySize = w * h;
        int cSize = ySize / 4;
        copyPlane(0, 0, w, h);
        copyPlane(1, ySize, w / 2, h / 2);
        copyPlane(2, ySize + cSize, w / 2, h / 2);
        picIn.set(JAVA_LONG, 16, pts++);
        int size;
        try {
            size = (int) lib.encode.invokeExact(encoder, nals, nalCount, picIn, picOut);
        } catch (Throwable t) {
            throw new IllegalStateException("x264_encoder_encode: " + t, t);
        }
        if (size < 0) {
            throw new IllegalStateException("x264_encoder_encode failed: " + size);
        }
        if (size == 0) {
            return new H264Stream.Frame(new byte[0], false);
        }
        // annexb: the NALs' payloads lie one after the other, starting at the first one's
        MemorySegment first = nals.get(ADDRESS, 0).reinterpret(40);
        byte[] out = first.get(ADDRESS, 24).reinterpret(size).toArray(JAVA_BYTE);
        return new H264Stream.Frame(out, picOut.get(JAVA_INT, 12) != 0);
    }

    private void copyPlane(int i, int offset, int pw, int ph) {
        int planeStride = picIn.get(JAVA_INT, 48 + 4L * i);
        MemorySegment plane = picIn.get(ADDRESS, 64 + 8L * i).reinterpret((long) planeStride * ph);
        for (int y = 0; y < ph; y++) {
            MemorySegment.copy(yuv, offset + y * pw, plane, JAVA_BYTE, (long) y * planeStride, pw);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lib.close.invokeExact(encoder);
            lib.pictureClean.invokeExact(picIn);
        } catch (Throwable ignored) {
            // nothing more to free
        }
        arena.close();
    }
}
