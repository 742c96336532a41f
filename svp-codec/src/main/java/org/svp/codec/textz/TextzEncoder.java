package org.svp.codec.textz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.codec.zstream.ZstreamCodec;

/**
 * One connection's TEXTZ encoder: cuts a bitmap into strips, finds the glyphs of text strips, draws
 * the glyphs the client holds from its slots ({@link GlyphTable}), and compresses the program with the
 * connection's zstd stream. The server makes one per display client and encodes as it writes to that
 * socket, on the I/O thread, in wire order (DisplayClient); a frame dropped before it was written never
 * reached the table or the stream, so both ends agree. Not thread-safe; holds a native zstd context.
 *
 * <p>Strips: a run of uniform rows of one colour is a text strip without glyphs; the rows between two
 * such runs (at most 64) are a text strip on the colour of the uniform row above (else below, else its
 * top-left pixel), whose glyphs are the runs of columns not entirely that colour, cut at 64 columns. A
 * strip where no column is background is sent as pixels (a picture, not text).
 */
public final class TextzEncoder implements BitmapCodec.Encoder, AutoCloseable {
    /** Text strips are at most this tall (u8 rows − 1 on the wire); the XY cut separates the lines. */
    static final int TEXT_ROWS = TextzCodec.MAX_STRIP_ROWS;
    /**
     * Scratch kept between bitmaps at most (program bytes, or pixels × 4): typical text bands need far
     * less, and up to 8 stream clients each keep their own (ChannelHandshakeHandler.MAX_STREAM_CLIENTS).
     */
    static final int KEEP_BYTES = 1 << 20;
    /** Recursion depth of the XY cut at most; deeper regions are taken as they are. */
    static final int MAX_DEPTH = 12;

    /** The odd multiplier of {@link #key}'s chains. */
    private static final long KEY_MUL = 0x9E3779B97F4A7C15L;

    /**
     * zstd level of the program stream: 1, with long-distance matching (ZSTREAM's pixel stream keeps
     * level 7). The program is glyph slot references and new glyphs' pixels, compressed on the I/O
     * thread as each frame is written, a few hundred bytes to a few KB at a time. On the recording of the
     * shared workload (`bench replay`, 45 s, one run each) level 7 cost 0.62–0.68 s of TEXTZ CPU for
     * 0.784 MB, level 3 0.60 s for 0.931 MB, level 2 0.51 s for 1.014 MB, level 1 0.51 s for 0.960 MB
     * (the server process 2.90 → 2.61 s), level 1 without long-distance matching 0.46 s for 1.105 MB.
     * In a full `bench x11` run level 1 without long-distance matching sent TEXTZ 2.24 MB where level 7
     * had sent 1.70 (SVP's default-mode bytes 0.18 → 0.22 of TigerVNC's best lossless, against issue
     * 13's 0.25) for 0.09 s less CPU in the minute: long-distance matching stays. {@code
     * -Dsvp.textz.level=N} picks another level for measurements; the decoder does not care.
     */
    static final int LEVEL = Integer.getInteger("svp.textz.level", 1);

    private final ZstreamCodec.StreamEncoder stream = ZstreamCodec.newEncoder(LEVEL, true);
    private final GlyphTable table = new GlyphTable();
    private int[] pixels = new int[0];
    private byte[] prog = new byte[64 * 1024];
    private int len;
    private ByteBuffer direct = ByteBuffer.allocateDirect(64 * 1024);
    /** Per row: true when every pixel of the row has the row's first colour. */
    private boolean[] uniform = new boolean[0];
    /** The XY cut's column/row flags, one array per recursion depth. */
    private final boolean[][] scratch = new boolean[MAX_DEPTH + 1][];
    /** The glyphs of the strip being cut: x, y, width, rows each. */
    private int[] glyphs = new int[256];
    private int nGlyphs;
    /** x + width of the strip's previous glyph (0 before the first). */
    private int prevEnd;

    @Override
    public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
        return EncodedData.of(encodeProgram(rgb, offset, stride, w, h));
    }

    /**
     * Encodes a bitmap the server's encoder workers prepared: its pixels as ints in native byte order.
     *
     * @param ints 4·w·h bytes from its position (not consumed)
     * @param w columns
     * @param h rows
     * @return the bitmap's data
     */
    public byte[] compressPixels(ByteBuffer ints, int w, int h) {
        int n = w * h;
        if (pixels.length < n) {
            pixels = new int[n];
        }
        ints.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().get(pixels, 0, n);
        return encodeProgram(pixels, 0, w, w, h);
    }

    private byte[] encodeProgram(int[] p, int offset, int stride, int w, int h) {
        if (w == 0 || h == 0) {
            return new byte[0];
        }
        len = 0;
        if (uniform.length < h) {
            uniform = new boolean[h];
        }
        for (int y = 0; y < h; y++) {
            int row = offset + y * stride;
            int c = p[row] & 0xFFFFFF;
            boolean u = true;
            for (int x = 1; x < w && u; x++) {
                u = (p[row + x] & 0xFFFFFF) == c;
            }
            uniform[y] = u;
        }
        int y = 0;
        while (y < h) {
            int row = offset + y * stride;
            if (uniform[y]) {
                int c = p[row] & 0xFFFFFF;
                int n = 1;
                while (y + n < h && n < TextzCodec.MAX_STRIP_ROWS && uniform[y + n]
                        && (p[row + n * stride] & 0xFFFFFF) == c) {
                    n++;
                }
                stripHeader(TextzCodec.KIND_TEXT, n);
                rgb(c);
                u16(0);
                y += n;
                continue;
            }
            int n = 1;
            while (y + n < h && n < TEXT_ROWS && !uniform[y + n]) {
                n++;
            }
            int bg = y > 0 && uniform[y - 1] ? p[row - stride] : y + n < h && uniform[y + n] ? p[row + n * stride] : p[row];
            textStrip(p, row, stride, w, n, bg & 0xFFFFFF);
            y += n;
        }
        if (direct.capacity() < len) {
            direct = ByteBuffer.allocateDirect(Math.max(len, direct.capacity() * 2));
        }
        direct.clear();
        direct.put(prog, 0, len).flip();
        byte[] chunk = stream.compress(direct);
        byte[] data = new byte[4 + chunk.length];
        data[0] = (byte) len;
        data[1] = (byte) (len >>> 8);
        data[2] = (byte) (len >>> 16);
        data[3] = (byte) (len >>> 24);
        System.arraycopy(chunk, 0, data, 4, chunk.length);
        if (prog.length > KEEP_BYTES) { // one huge band must not pin megabytes per client for good
            prog = new byte[64 * 1024];
            direct = ByteBuffer.allocateDirect(64 * 1024);
        }
        if (pixels.length > KEEP_BYTES / 4) {
            pixels = new int[0];
        }
        return data;
    }

    /**
     * One strip of n non-uniform rows from {@code row}: its glyphs on bg, or pixels when no column of it
     * is background (a picture, not text). The glyphs are found by a recursive XY cut (runs of columns
     * with ink, then runs of rows with ink inside each, and so on), so lines that touch (a descender
     * meeting the next line's ascender) still come apart into the glyphs seen elsewhere, and each glyph
     * is trimmed to its ink whatever strip it sits in.
     */
    private void textStrip(int[] p, int row, int stride, int w, int n, int bg) {
        nGlyphs = 0;
        if (!cut(p, row, stride, bg, 0, 0, w, n, true, false, 0) || nGlyphs > 0xFFFF) {
            pixelStrip(p, row, stride, w, n);
            return;
        }
        stripHeader(TextzCodec.KIND_TEXT, n);
        rgb(bg);
        u16(nGlyphs);
        prevEnd = 0;
        for (int g = 0; g < nGlyphs; g++) {
            int gx = glyphs[4 * g];
            int gy = glyphs[4 * g + 1];
            glyph(p, row + gy * stride + gx, stride, gx, gy, glyphs[4 * g + 2], glyphs[4 * g + 3]);
        }
    }

    /**
     * Cuts the region [x0, x1) × [y0, y1) of a strip along whole columns (vertical) or rows of
     * background, recursing into each run with ink; a region neither direction cuts is a glyph (cut
     * further into pieces at most {@link TextzCodec#MAX_GLYPH_WIDTH} wide).
     *
     * @return false when the strip's first vertical cut finds no background column at all
     */
    private boolean cut(int[] p, int row, int stride, int bg, int x0, int y0, int x1, int y1, boolean vertical,
            boolean otherFailed, int depth) {
        int len = vertical ? x1 - x0 : y1 - y0;
        if (scratch[depth] == null || scratch[depth].length < len) {
            scratch[depth] = new boolean[Math.max(len, 256)];
        }
        boolean[] has = scratch[depth]; // one per depth: a level's runs are read while deeper levels cut
        if (vertical) {
            // down each column until the first ink: a glyph's column usually has ink within a few rows,
            // so only the gaps between glyphs are read whole. The server runs C1, which neither
            // vectorises nor hoists the bounds checks of the row-major OR this replaced (a load and a
            // store of a per-column accumulator for every pixel): 5.6 % of the server's samples
            int top = row + y0 * stride + x0;
            int down = (y1 - y0) * stride;
            for (int i = 0; i < len; i++) {
                boolean found = false;
                for (int o = top + i, end = o + down; o < end; o += stride) {
                    if (((p[o] ^ bg) & 0xFFFFFF) != 0) {
                        found = true;
                        break;
                    }
                }
                has[i] = found;
            }
        } else {
            Arrays.fill(has, 0, len, false);
            for (int y = y0; y < y1; y++) {
                int r = row + y * stride;
                for (int x = x0; x < x1; x++) {
                    if ((p[r + x] & 0xFFFFFF) != bg) {
                        has[y - y0] = true;
                        break;
                    }
                }
            }
        }
        int first = 0;
        while (first < len && !has[first]) {
            first++;
        }
        int last = len;
        while (last > first && !has[last - 1]) {
            last--;
        }
        if (first == last) {
            return true; // all background
        }
        boolean gap = false;
        for (int i = first; i < last && !gap; i++) {
            gap = !has[i];
        }
        if (depth == 0 && first == 0 && last == len && !gap) {
            return false;
        }
        if (!gap) { // one run: trim it, then try the other direction
            int a = vertical ? x0 + first : x0;
            int b = vertical ? x0 + last : x1;
            int c = vertical ? y0 : y0 + first;
            int d = vertical ? y1 : y0 + last;
            if (otherFailed || depth >= MAX_DEPTH) {
                leaf(a, c, b, d);
            } else {
                cut(p, row, stride, bg, a, c, b, d, !vertical, true, depth + 1);
            }
            return true;
        }
        for (int i = first; i < last; ) {
            int j = i;
            while (j < last && has[j]) {
                j++;
            }
            // a run of a split cannot be split again in the same direction: only the other one is tried,
            // and if that finds one run too (it only trims), the run is a glyph
            if (depth >= MAX_DEPTH) {
                leaf(vertical ? x0 + i : x0, vertical ? y0 : y0 + i, vertical ? x0 + j : x1, vertical ? y1 : y0 + j);
            } else if (vertical) {
                cut(p, row, stride, bg, x0 + i, y0, x0 + j, y1, false, true, depth + 1);
            } else {
                cut(p, row, stride, bg, x0, y0 + i, x1, y0 + j, true, true, depth + 1);
            }
            i = j;
            while (i < last && !has[i]) {
                i++;
            }
        }
        return true;
    }

    /** Records a glyph, cut into pieces at most {@link TextzCodec#MAX_GLYPH_WIDTH} wide. */
    private void leaf(int x0, int y0, int x1, int y1) {
        for (int x = x0; x < x1; x += TextzCodec.MAX_GLYPH_WIDTH) {
            if (4 * nGlyphs + 4 > glyphs.length) {
                glyphs = Arrays.copyOf(glyphs, 2 * glyphs.length);
            }
            glyphs[4 * nGlyphs] = x;
            glyphs[4 * nGlyphs + 1] = y0;
            glyphs[4 * nGlyphs + 2] = Math.min(TextzCodec.MAX_GLYPH_WIDTH, x1 - x);
            glyphs[4 * nGlyphs + 3] = y1 - y0;
            nGlyphs++;
        }
    }

    /**
     * One glyph: its place as the gap after the previous glyph (so a word seen before is the same bytes
     * wherever it stands) and its row in the strip, then a slot, or its size and pixels.
     */
    private void glyph(int[] p, int at, int stride, int x, int y, int gw, int gh) {
        long key = key(p, at, stride, gw, gh);
        u16(x - prevEnd); // mod 2^16: the XY cut may step back to a lower line's left
        prevEnd = x + gw;
        u8(y);
        int slot = table.find(key);
        if (slot >= 0) {
            u8(TextzCodec.OP_CACHED);
            u16(slot);
            return;
        }
        if (gw * gh <= TextzCodec.MAX_GLYPH_PIXELS) {
            u8(TextzCodec.OP_STORE);
            u16(table.store(key));
        } else {
            u8(TextzCodec.OP_LITERAL);
        }
        u8(gw - 1);
        u8(gh - 1);
        for (int r = 0; r < gh; r++) {
            pixels(p, at + r * stride, gw);
        }
    }

    /**
     * A 64-bit content key of a glyph: its size and every pixel (collisions: see protocol.md TEXTZ).
     * The server's alone (the client is told slots, never keys), so its only constraints are speed and
     * spread: four independent multiply chains, one per column mod 4, so the multiplies overlap instead
     * of each waiting for the one before (a single chain was most of {@link #glyph}'s time).
     */
    private static long key(int[] p, int at, int stride, int gw, int n) {
        long h0 = 0x9E3779B97F4A7C15L * (gw * 257L + n);
        long h1 = 0x632BE59BD9B4E019L;
        long h2 = 0x85EBCA77C2B2AE63L;
        long h3 = 0x27D4EB2F165667C5L;
        for (int y = 0; y < n; y++) {
            int r = at + y * stride;
            int x = 0;
            for (; x + 4 <= gw; x += 4) {
                h0 = Long.rotateLeft((h0 ^ (p[r + x] & 0xFFFFFF)) * KEY_MUL, 29);
                h1 = Long.rotateLeft((h1 ^ (p[r + x + 1] & 0xFFFFFF)) * KEY_MUL, 29);
                h2 = Long.rotateLeft((h2 ^ (p[r + x + 2] & 0xFFFFFF)) * KEY_MUL, 29);
                h3 = Long.rotateLeft((h3 ^ (p[r + x + 3] & 0xFFFFFF)) * KEY_MUL, 29);
            }
            for (; x < gw; x++) {
                h0 = Long.rotateLeft((h0 ^ (p[r + x] & 0xFFFFFF) ^ (long) x << 40) * KEY_MUL, 29);
            }
        }
        long h = (h0 ^ Long.rotateLeft(h1, 16)) * KEY_MUL;
        h = (h ^ Long.rotateLeft(h2, 32)) * KEY_MUL;
        h = (h ^ Long.rotateLeft(h3, 48)) * KEY_MUL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private void pixelStrip(int[] p, int row, int stride, int w, int n) {
        stripHeader(TextzCodec.KIND_PIXELS, n);
        for (int y = 0; y < n; y++) {
            pixels(p, row + y * stride, w);
        }
    }

    private void stripHeader(int kind, int rows) {
        u8(kind);
        u8(rows - 1);
    }

    private void pixels(int[] p, int at, int count) {
        room(3 * count);
        for (int i = at, end = at + count; i < end; i++) {
            int c = p[i];
            prog[len] = (byte) (c >>> 16);
            prog[len + 1] = (byte) (c >>> 8);
            prog[len + 2] = (byte) c;
            len += 3;
        }
    }

    private void rgb(int c) {
        room(3);
        prog[len++] = (byte) (c >>> 16);
        prog[len++] = (byte) (c >>> 8);
        prog[len++] = (byte) c;
    }

    private void u16(int v) {
        room(2);
        prog[len++] = (byte) v;
        prog[len++] = (byte) (v >>> 8);
    }

    private void u8(int v) {
        room(1);
        prog[len++] = (byte) v;
    }

    private void room(int n) {
        if (len + n > prog.length) {
            prog = Arrays.copyOf(prog, Math.max(len + n, prog.length * 2));
        }
    }

    /** Frees the native zstd context (the connection closed). */
    @Override
    public void close() {
        stream.close();
    }
}
