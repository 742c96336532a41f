package org.svp.codec.palette;

import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.codec.ZstdBlock;
import org.svp.protocol.CodecId;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * PALETTE (codec 3, protocol.md "Codecs"): for tiles of at most 256 colours (text, UI). Data:
 * <pre>
 *   u8  flags       1 = PAL_CACHE_ME (palette follows; the client caches it), 2 = PAL_FROM_CACHE
 *   u32 palette id  LE
 *   [u8 count-1, count × {u8 R, u8 G, u8 B}]   unless PAL_FROM_CACHE
 *   zstd frame      the indices, row by row, each row padded to a byte, MSB first, at
 *                   1 bit (count ≤ 2), 2 (≤ 4), 4 (≤ 16) or 8 bits per pixel
 * </pre>
 * The palette is sorted by colour, so a colour set always has the same id; zstd turns runs of
 * indices into a few bytes (the run-length part). The encoder declines tiles with more than 256
 * colours. The decoder keeps the connection's {@link PaletteCache}.
 */
public final class PaletteCodec implements BitmapCodec {
    /** Flag: the palette follows and goes into the client's cache. */
    public static final int PAL_CACHE_ME = 1;
    /** Flag: no palette follows; use the cached one with this id. */
    public static final int PAL_FROM_CACHE = 2;
    /** The most colours a palette holds. */
    public static final int MAX_COLOURS = 256;

    @Override
    public int id() {
        return CodecId.PALETTE;
    }

    @Override
    public String name() {
        return "PALETTE";
    }

    /**
     * @param count colours in the palette (1–256)
     * @return bits per index
     */
    static int bitsFor(int count) {
        return count <= 2 ? 1 : count <= 4 ? 2 : count <= 16 ? 4 : 8;
    }

    /**
     * @param colours sorted colours
     * @return the palette's id (a hash of its colours)
     */
    static int paletteId(int[] colours) {
        int h = Arrays.hashCode(colours) * 0x9E3779B9;
        return h ^ (h >>> 15) ^ colours.length;
    }

    @Override
    public Encoder newEncoder() {
        return new PaletteEncoder();
    }

    @Override
    public Decoder newDecoder() {
        return new PaletteDecoder();
    }

    /** Per-thread encoder: a colour table, the packed indices and the header, all reused. */
    private static final class PaletteEncoder implements Encoder {
        /** The region's colours; values[slot] is a colour's palette index. */
        private final ColourTable table = new ColourTable();
        private final int[] values = new int[ColourTable.SLOTS];
        private final int[] found = new int[MAX_COLOURS];
        private final ZstdBlock zstd = new ZstdBlock();
        private final byte[] head = new byte[6 + 3 * MAX_COLOURS];
        private byte[] packed = new byte[0];

        @Override
        public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
            int count = table.collect(rgb, offset, stride, w, h, MAX_COLOURS, found);
            if (count <= 0) { // more than MAX_COLOURS, or an empty region
                return null;
            }
            int[] colours = Arrays.copyOf(found, count);
            Arrays.sort(colours);
            for (int i = 0; i < count; i++) {
                values[table.slot(colours[i] | 1 << 24)] = i;
            }
            int bits = bitsFor(count);
            int rowBytes = (w * bits + 7) >>> 3;
            int n = rowBytes * h;
            if (packed.length < n) {
                packed = new byte[n];
            }
            Arrays.fill(packed, 0, n, (byte) 0);
            int perByte = 8 / bits;
            for (int y = 0; y < h; y++) {
                int row = offset + y * stride;
                int o = y * rowBytes;
                int last = -1;
                int idx = 0;
                for (int x = 0; x < w; x++) {
                    int p = rgb[row + x] & 0xFFFFFF;
                    if (p != last) {
                        last = p;
                        idx = values[table.slot(p | 1 << 24)];
                    }
                    int shift = 8 - bits * (x % perByte + 1);
                    packed[o + x / perByte] |= (byte) (idx << shift);
                }
            }
            int id = paletteId(colours);
            head[0] = PAL_CACHE_ME;
            putInt(head, 1, id);
            head[5] = (byte) (count - 1);
            for (int i = 0; i < count; i++) {
                head[6 + 3 * i] = (byte) (colours[i] >>> 16);
                head[7 + 3 * i] = (byte) (colours[i] >>> 8);
                head[8 + 3 * i] = (byte) colours[i];
            }
            int fullHead = 6 + 3 * count;
            byte[] full = zstd.compress(head, fullHead, packed, n);
            byte[] ref = new byte[5 + full.length - fullHead];
            ref[0] = PAL_FROM_CACHE;
            putInt(ref, 1, id);
            System.arraycopy(full, fullHead, ref, 5, full.length - fullHead);
            return new EncodedData(full, ref, id, colours);
        }

        private static void putInt(byte[] b, int off, int v) {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
            b[off + 2] = (byte) (v >>> 16);
            b[off + 3] = (byte) (v >>> 24);
        }
    }

    /** Per-connection decoder: the client's palette cache and an index buffer. */
    private static final class PaletteDecoder implements Decoder {
        private final PaletteCache cache = new PaletteCache();
        private byte[] packed = new byte[0];

        @Override
        public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
            if (data.length < 5) {
                throw bad(commandId, "data shorter than its header (" + data.length + " bytes)");
            }
            int flags = data[0] & 0xFF;
            int id = (data[1] & 0xFF) | (data[2] & 0xFF) << 8 | (data[3] & 0xFF) << 16 | (data[4] & 0xFF) << 24;
            int[] colours;
            int pos;
            if (flags == PAL_FROM_CACHE) {
                colours = cache.get(id);
                if (colours == null) {
                    throw bad(commandId, "palette " + Integer.toHexString(id) + " is not in the cache");
                }
                pos = 5;
            } else if (flags == PAL_CACHE_ME) {
                if (data.length < 6) {
                    throw bad(commandId, "no palette size");
                }
                int count = (data[5] & 0xFF) + 1;
                pos = 6 + 3 * count;
                if (data.length < pos) {
                    throw bad(commandId, count + " colours announced, " + (data.length - 6) + " bytes follow");
                }
                colours = new int[count];
                for (int i = 0; i < count; i++) {
                    colours[i] = (data[6 + 3 * i] & 0xFF) << 16 | (data[7 + 3 * i] & 0xFF) << 8 | (data[8 + 3 * i] & 0xFF);
                }
            } else {
                throw bad(commandId, "flags " + flags + " (want PAL_CACHE_ME 1 or PAL_FROM_CACHE 2)");
            }
            int count = colours.length;
            int bits = bitsFor(count);
            long rowBytes = ((long) w * bits + 7) >>> 3;
            long n = rowBytes * h;
            if (n > Integer.MAX_VALUE - 8) {
                throw bad(commandId, w + "x" + h + " is too large");
            }
            if (packed.length < n) {
                packed = new byte[(int) n];
            }
            if (n > 0) {
                ZstdBlock.decompress(data, pos, data.length - pos, packed, (int) n, "PALETTE", commandId);
            } else if (data.length != pos) {
                throw bad(commandId, "data after an empty bitmap");
            }
            int perByte = 8 / bits;
            int mask = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                int o = (int) (y * rowBytes);
                int row = dstOffset + y * dstStride;
                for (int x = 0; x < w; x++) {
                    int shift = 8 - bits * (x % perByte + 1);
                    int idx = (packed[o + x / perByte] >> shift) & mask;
                    if (idx >= count) {
                        throw bad(commandId, "index " + idx + " outside a palette of " + count);
                    }
                    dst[row + x] = colours[idx];
                }
            }
            if (flags == PAL_CACHE_ME) {
                // only once the whole bitmap decoded: a corrupt message leaves the cache as it was
                cache.put(id, colours);
            }
        }

        private static PeerProtocolException bad(int commandId, String detail) {
            return new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "PALETTE: " + detail);
        }
    }
}
