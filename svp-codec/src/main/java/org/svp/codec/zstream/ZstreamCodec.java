package org.svp.codec.zstream;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.protocol.CodecId;

/**
 * ZSTREAM (codec 8, protocol.md "Codecs"): the bitmap's pixels as RGB24 (R, G, B per pixel, row after
 * row) through <b>one zstd stream per display connection</b>: each bitmap's data is the next flushed
 * chunk of a single never-ending zstd frame, so a bitmap may refer to the bytes of every earlier
 * ZSTREAM bitmap of the connection within the window ({@link #WINDOW_LOG}). Anti-aliased text is where
 * it pays: a new terminal line is mostly glyph rows seen in earlier lines (on the recorded xterm tiles,
 * line by line, 3–5× smaller than compressing each line on its own).
 *
 * <p>State: unlike the other codecs, the <em>encoder</em> is per connection too (the server makes one
 * per display client and compresses as it writes to that socket, in wire order; a frame dropped before
 * it was written never entered the stream), and the decoder must see every ZSTREAM bitmap of its
 * connection in order. Not thread-safe; each instance holds a native zstd context.
 */
public final class ZstreamCodec implements BitmapCodec {
    /**
     * zstd level 7 (lazy2 match search) with long-distance matching, window {@link #WINDOW_LOG}, tables
     * {@link #HASH_LOG}/{@link #CHAIN_LOG}. Issue 13, measured on the ZSTREAM bands of a recorded run of
     * the shared workload (42 s, 5 816 bands, 225 MB of RGB24; CPU of the compressing thread, load
     * 10): level 1 window 2^20 6.63 MB; window 2^23 with 2^20 tables: level 1 6.32 MB 0.38 s, level 7
     * 3.51 MB 0.66–0.77 s, with long-distance matching 3.14 MB 0.84–1.0 s, level 9 3.42 MB 0.9 s, level
     * 12 2.82 MB 1.1–1.3 s. Text re-sent where it was before (a window moved over a terminal, lines
     * exposed again) is found far back only by the deeper search. The compression runs on the I/O
     * thread, so the default stays at level 7; {@code -Dsvp.zstream.level=N} (1–19) picks another
     * level for measurements (the decoder does not care).
     */
    public static final int LEVEL = Integer.getInteger("svp.zstream.level", 7);
    /**
     * Window of the stream: 2^23 = 8 MiB of earlier RGB24 bytes (level 12: 2^22 2.90 MB, 2^23 2.82,
     * 2^24 2.77). Decoders need that much memory per connection (zstd's default decoder limit is 2^27).
     */
    public static final int WINDOW_LOG = 23;
    /**
     * Match-finder tables of 2^20 entries (4 MiB each) whatever the level (level 12 would take 2^23 =
     * 32 MiB each for the same bytes at more CPU): window + tables ≈ 16 MiB per stream client.
     */
    static final int HASH_LOG = 20;
    /** See {@link #HASH_LOG}. */
    static final int CHAIN_LOG = 20;

    /** Largest bitmap in bytes of RGB24 (a 4096 × 4096 screen); larger ones are refused. */
    static final long MAX_BYTES = 3L * 4096 * 4096;

    @Override
    public int id() {
        return CodecId.ZSTREAM;
    }

    @Override
    public String name() {
        return "ZSTREAM";
    }

    @Override
    public StreamEncoder newEncoder() {
        return new StreamEncoder(LEVEL, true);
    }

    /**
     * @param level zstd level
     * @param longDistance long-distance matching on
     * @return a compressing end with that level and this codec's window and tables
     */
    public static StreamEncoder newEncoder(int level, boolean longDistance) {
        return new StreamEncoder(level, longDistance);
    }

    @Override
    public Decoder newDecoder() {
        return new StreamDecoder();
    }

    /**
     * Writes pixels as RGB24 into {@code out} at its position.
     *
     * @param rgb pixels {@code 0x00RRGGBB} (a top byte is dropped)
     * @param offset index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param out room for {@code 3·w·h} bytes
     */
    public static void putRgb24(int[] rgb, int offset, int stride, int w, int h, ByteBuffer out) {
        // one heap row, then one bulk put: three single-byte puts per pixel into a direct buffer (bounds
        // and position checks each) were 30 % of an encoder worker's time in bench x11
        byte[] row = new byte[3 * w];
        for (int y = 0; y < h; y++) {
            int j = 0;
            for (int i = offset + y * stride, end = i + w; i < end; i++) {
                int p = rgb[i];
                row[j] = (byte) (p >>> 16);
                row[j + 1] = (byte) (p >>> 8);
                row[j + 2] = (byte) p;
                j += 3;
            }
            out.put(row, 0, j);
        }
    }

    /** One connection's compressing end. */
    public static final class StreamEncoder implements Encoder, AutoCloseable {
        private final ZstdCompressCtx ctx;
        private ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);

        StreamEncoder(int level, boolean longDistance) {
            ctx = new ZstdCompressCtx().setLevel(level).setWindowLog(WINDOW_LOG).setHashLog(HASH_LOG)
                    .setChainLog(CHAIN_LOG).setEnableLongDistanceMatching(
                            longDistance ? Zstd.ParamSwitch.ENABLE : Zstd.ParamSwitch.DISABLE);
        }

        @Override
        public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
            int n = Math.multiplyExact(3, Math.multiplyExact(w, h));
            if (in.capacity() < n) {
                in = ByteBuffer.allocateDirect(n);
            }
            in.clear();
            putRgb24(rgb, offset, stride, w, h, in);
            in.flip();
            return EncodedData.of(compress(in));
        }

        /**
         * Compresses the next bitmap into the stream.
         *
         * @param rgb24 a direct buffer holding the bitmap's RGB24 bytes from its position to its limit
         *     (consumed)
         * @return the bitmap's data: the flushed chunk
         */
        public byte[] compress(ByteBuffer rgb24) {
            int bound = (int) Math.min(Integer.MAX_VALUE - 1024, Zstd.compressBound(rgb24.remaining()) + 1024);
            if (out.capacity() < bound) {
                out = ByteBuffer.allocateDirect(bound);
            }
            out.clear();
            while (!ctx.compressDirectByteBufferStream(out, rgb24, EndDirective.FLUSH)) {
                if (!out.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocateDirect(out.capacity() * 2);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
            }
            out.flip();
            byte[] data = new byte[out.remaining()];
            out.get(data);
            return data;
        }

        /** Frees the native context (the connection closed). */
        @Override
        public void close() {
            ctx.close();
        }
    }

    /** One connection's decompressing end. */
    private static final class StreamDecoder implements Decoder {
        private final StreamInflater inflater = new StreamInflater("ZSTREAM");

        @Override
        public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
            long n = 3L * w * h;
            if (n > MAX_BYTES) {
                throw inflater.bad(commandId, w + "x" + h + " is too large");
            }
            if (n == 0) {
                if (data.length != 0) {
                    throw inflater.bad(commandId, "data for an empty bitmap");
                }
                return;
            }
            ByteBuffer out = inflater.inflate(data, (int) n, commandId);
            for (int y = 0; y < h; y++) {
                int row = dstOffset + y * dstStride;
                for (int x = 0; x < w; x++) {
                    dst[row + x] = (out.get() & 0xFF) << 16 | (out.get() & 0xFF) << 8 | (out.get() & 0xFF);
                }
            }
        }
    }
}
