package org.svp.codec.h264;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One video region's H.264 encoder (openh264, baseline, real-time camera mode, bitrate control):
 * frames of a fixed even w×h in, Annex-B access units out, an IDR every {@code idrInterval} frames so
 * a client that joined or lost frames recovers. Frames must be encoded in the order the client will
 * decode them. Thread-safe by lock (one region's frames come from any encoder worker); {@link #close()}
 * frees the native encoder.
 */
public final class H264Stream implements H264Encoder {
    private final OpenH264 lib;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment encoder;
    private final int w;
    private final int h;
    private final byte[] yuv;
    private final MemorySegment yuvSeg;
    private final MemorySegment picture;
    private final MemorySegment bitstream;
    private long timestampMs;
    private boolean closed;

    /** One encoded frame: Annex-B bytes (empty when the encoder skipped it) and whether it is an IDR. */
    public record Frame(byte[] annexB, boolean idr) {
    }

    /**
     * @param w even columns (≥ 16)
     * @param h even rows (≥ 16)
     * @param bitrate target bits per second
     * @param fps expected frames per second
     * @param idrInterval frames from one IDR to the next
     * @throws IllegalStateException if openh264 is missing or refuses the parameters
     */
    public H264Stream(int w, int h, int bitrate, float fps, int idrInterval) {
        this.lib = OpenH264.get().orElseThrow(() -> new IllegalStateException(
                "libopenh264.so.7 not found (Debian package libopenh264-7)"));
        if ((w & 1) != 0 || (h & 1) != 0 || w < 16 || h < 16) {
            throw new IllegalArgumentException("video regions are even and at least 16x16, not " + w + "x" + h);
        }
        this.w = w;
        this.h = h;
        MemorySegment pp = arena.allocate(ADDRESS);
        try {
            int rc = (int) lib.createEncoder.invokeExact(pp);
            encoder = pp.get(ADDRESS, 0);
            if (rc != 0 || encoder.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("WelsCreateSVCEncoder failed: " + rc);
            }
            MemorySegment opt = arena.allocate(JAVA_INT);
            opt.set(JAVA_INT, 0, OpenH264.WELS_LOG_QUIET);
            int ignored = (int) lib.objIntPtr.invokeExact(OpenH264.slot(encoder, 7), encoder,
                    OpenH264.ENC_OPTION_TRACE_LEVEL, opt);
            MemorySegment p = arena.allocate(OpenH264.EP_SIZE);
            p.set(JAVA_INT, OpenH264.EP_USAGE, OpenH264.CAMERA_VIDEO_REAL_TIME);
            p.set(JAVA_INT, OpenH264.EP_WIDTH, w);
            p.set(JAVA_INT, OpenH264.EP_HEIGHT, h);
            p.set(JAVA_INT, OpenH264.EP_BITRATE, bitrate);
            p.set(JAVA_INT, OpenH264.EP_RC_MODE, OpenH264.RC_BITRATE_MODE);
            p.set(JAVA_FLOAT, OpenH264.EP_FPS, fps);
            rc = (int) lib.objPtr.invokeExact(OpenH264.slot(encoder, 0), encoder, p);
            if (rc != 0) {
                lib.destroyEncoder.invokeExact(encoder);
                throw new IllegalStateException("openh264 Initialize(" + w + "x" + h + ") failed: " + rc);
            }
            opt.set(JAVA_INT, 0, OpenH264.VIDEO_FORMAT_I420);
            ignored = (int) lib.objIntPtr.invokeExact(OpenH264.slot(encoder, 7), encoder,
                    OpenH264.ENC_OPTION_DATAFORMAT, opt);
            opt.set(JAVA_INT, 0, idrInterval);
            ignored = (int) lib.objIntPtr.invokeExact(OpenH264.slot(encoder, 7), encoder,
                    OpenH264.ENC_OPTION_IDR_INTERVAL, opt);
            opt.set(JAVA_BYTE, 0, (byte) 0); // bool false: never skip a frame, lower its quality instead
            ignored = (int) lib.objIntPtr.invokeExact(OpenH264.slot(encoder, 7), encoder,
                    OpenH264.ENC_OPTION_RC_FRAME_SKIP, opt);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException("openh264: " + t, t);
        }
        yuv = new byte[w * h * 3 / 2];
        yuvSeg = arena.allocate(yuv.length, 64);
        picture = arena.allocate(OpenH264.SP_SIZE, 8);
        picture.set(JAVA_INT, OpenH264.SP_FORMAT, OpenH264.VIDEO_FORMAT_I420);
        picture.set(JAVA_INT, OpenH264.SP_STRIDE, w);
        picture.set(JAVA_INT, OpenH264.SP_STRIDE + 4, w / 2);
        picture.set(JAVA_INT, OpenH264.SP_STRIDE + 8, w / 2);
        picture.set(ADDRESS, OpenH264.SP_DATA, yuvSeg);
        picture.set(ADDRESS, OpenH264.SP_DATA + 8, yuvSeg.asSlice((long) w * h));
        picture.set(ADDRESS, OpenH264.SP_DATA + 16, yuvSeg.asSlice((long) w * h + (long) w * h / 4));
        picture.set(JAVA_INT, OpenH264.SP_WIDTH, w);
        picture.set(JAVA_INT, OpenH264.SP_HEIGHT, h);
        bitstream = arena.allocate(OpenH264.BS_SIZE, 8);
    }

    /** @return whether libopenh264 is installed */
    public static boolean available() {
        return OpenH264.get().isPresent();
    }

    @Override
    public int width() {
        return w;
    }

    @Override
    public int height() {
        return h;
    }

    /**
     * Encodes the next frame.
     *
     * @param rgb pixels {@code 0x00RRGGBB}
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @return the access unit
     */
    @Override
    public synchronized Frame encode(int[] rgb, int at, int stride) {
        if (closed) {
            throw new IllegalStateException("stream closed");
        }
        I420.fromRgb(rgb, at, stride, w, h, yuv);
        MemorySegment.copy(yuv, 0, yuvSeg, JAVA_BYTE, 0, yuv.length);
        picture.set(JAVA_LONG, OpenH264.SP_TIMESTAMP, timestampMs);
        timestampMs += 40;
        bitstream.fill((byte) 0);
        int rc;
        try {
            rc = (int) lib.objPtrPtr.invokeExact(OpenH264.slot(encoder, 4), encoder, picture, bitstream);
        } catch (Throwable t) {
            throw new IllegalStateException("openh264 EncodeFrame: " + t, t);
        }
        if (rc != 0) {
            throw new IllegalStateException("openh264 EncodeFrame failed: " + rc);
        }
        int type = bitstream.get(JAVA_INT, OpenH264.BS_FRAME_TYPE);
        if (type == OpenH264.FRAME_TYPE_SKIP) {
            return new Frame(new byte[0], false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        int layers = bitstream.get(JAVA_INT, OpenH264.BS_LAYER_NUM);
        for (int i = 0; i < layers && i < 128; i++) {
            long l = OpenH264.BS_LAYERS + (long) i * OpenH264.BS_LAYER_SIZE;
            int nals = bitstream.get(JAVA_INT, l + OpenH264.LAYER_NAL_COUNT);
            MemorySegment lengths = bitstream.get(ADDRESS, l + OpenH264.LAYER_NAL_LENGTHS).reinterpret(4L * nals);
            long size = 0;
            for (int n = 0; n < nals; n++) {
                size += lengths.getAtIndex(JAVA_INT, n);
            }
            MemorySegment buf = bitstream.get(ADDRESS, l + OpenH264.LAYER_BUF).reinterpret(size);
            out.writeBytes(buf.toArray(JAVA_BYTE));
        }
        return new Frame(out.toByteArray(), type == OpenH264.FRAME_TYPE_IDR);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) lib.obj.invokeExact(OpenH264.slot(encoder, 3), encoder);
            lib.destroyEncoder.invokeExact(encoder);
        } catch (Throwable ignored) {
            // nothing more to free
        }
        arena.close();
    }
}
