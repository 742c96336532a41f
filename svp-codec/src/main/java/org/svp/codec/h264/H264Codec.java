package org.svp.codec.h264;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.protocol.CodecId;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * H264 (codec 11, feature bit {@link org.svp.protocol.Feature#CODEC_H264}; docs/protocol.md "Codecs"):
 * a region that changes every frame, as one H.264 stream per region. Data: u8 stream id, u8 flags
 * (bit 0: the unit is an IDR), then one Annex-B access unit of exactly the bitmap's w×h (even), or
 * nothing (the encoder skipped the frame: nothing is drawn). Lossy: the server refreshes the region
 * losslessly once it stops moving.
 *
 * <p>The decoder keeps one openh264 decoder per stream id ({@link #MAX_STREAMS} at most, the least
 * recently used is closed); a unit that yields no picture (no IDR seen yet) draws nothing.
 */
public final class H264Codec implements BitmapCodec {
    /** Live decoders per connection; ids beyond evict the least recently used. */
    public static final int MAX_STREAMS = 8;
    /** Flag bit: the access unit is an IDR. */
    public static final int FLAG_IDR = 1;
    /** Bytes before the access unit. */
    public static final int HEADER = 2;

    private static final Cleaner CLEANER = Cleaner.create();

    @Override
    public int id() {
        return CodecId.H264;
    }

    @Override
    public String name() {
        return "H264";
    }

    @Override
    public boolean lossy() {
        return true;
    }

    /**
     * @param streamId the region's stream (0–255)
     * @param f an encoded frame
     * @return the bitmap data
     */
    public static byte[] data(int streamId, H264Stream.Frame f) {
        byte[] out = new byte[HEADER + f.annexB().length];
        out[0] = (byte) streamId;
        out[1] = (byte) (f.idr() ? FLAG_IDR : 0);
        System.arraycopy(f.annexB(), 0, out, HEADER, f.annexB().length);
        return out;
    }

    /**
     * One stream (id 0) at a size-dependent bitrate, recreated when the size changes; declines odd or
     * tiny bitmaps and works without openh264 only by declining. For benchmarks, tests and fuzz seeds:
     * the server's video regions use their own {@link H264Stream}s.
     */
    @Override
    public Encoder newEncoder() {
        return new Encoder() {
            private H264Stream stream;

            @Override
            public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
                if (!H264Stream.available() || (w & 1) != 0 || (h & 1) != 0 || w < 16 || h < 16) {
                    return null;
                }
                if (stream == null || stream.width() != w || stream.height() != h) {
                    if (stream != null) {
                        stream.close();
                    }
                    stream = new H264Stream(w, h, bitrate(w, h, 25), 25f, 25);
                }
                return EncodedData.of(data(0, stream.encode(rgb, offset, stride)));
            }
        };
    }

    /**
     * @param w columns
     * @param h rows
     * @param fps frames per second
     * @return the target bitrate: 0.25 bit per pixel per frame (640×360 at 25 fps: 1.44 Mbit/s), at
     *     most 8 Mbit/s
     */
    public static int bitrate(int w, int h, float fps) {
        return (int) Math.min(8_000_000L, Math.max(200_000L, (long) (w * (long) h * fps / 4)));
    }

    /**
     * @return a connection's decoder; {@link AutoCloseable}: closing frees its native decoders at once
     *     (otherwise the cleaner frees them once the decoder is unreachable)
     */
    @Override
    public Decoder newDecoder() {
        return new StreamDecoder();
    }

    /** The per-connection decoder: one openh264 decoder per stream id. Display channel thread. */
    private static final class StreamDecoder implements Decoder, AutoCloseable {
        private final Streams streams = new Streams();

        StreamDecoder() {
            CLEANER.register(this, streams::close);
        }

        @Override
        public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
            if (data.length < HEADER) {
                throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "H264: data shorter than its header");
            }
            if ((w & 1) != 0 || (h & 1) != 0 || w < 16 || h < 16) {
                throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                        "H264: a " + w + "x" + h + " bitmap (video regions are even and at least 16x16)");
            }
            if (data.length == HEADER) {
                return; // a skipped frame
            }
            OpenH264 lib = OpenH264.get().orElseThrow(() -> new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId,
                    -1, "H264: libopenh264.so.7 is not installed (the codec was not offered)"));
            streams.get(data[0] & 0xFF, lib).decode(data, HEADER, data.length - HEADER, w, h, dst, dstOffset,
                    dstStride, commandId);
        }

        @Override
        public void close() {
            streams.close();
        }
    }

    /** A connection's decoders by stream id; closed with it (by the cleaner). */
    private static final class Streams {
        private final Map<Integer, H264Decoder> byId = new LinkedHashMap<>(16, 0.75f, true);

        synchronized H264Decoder get(int id, OpenH264 lib) {
            H264Decoder d = byId.get(id);
            if (d == null) {
                if (byId.size() >= MAX_STREAMS) {
                    Integer oldest = byId.keySet().iterator().next();
                    byId.remove(oldest).close();
                }
                d = new H264Decoder(lib);
                byId.put(id, d);
            }
            return d;
        }

        synchronized void close() {
            byId.values().forEach(H264Decoder::close);
            byId.clear();
        }
    }
}
