package org.svp.codec.qoi;

import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * The QOI op stream (qoiformat.org spec, ops INDEX/DIFF/LUMA/RUN/RGB; no RGBA op, alpha is always 0)
 * over {@code 0x00RRGGBB} pixels, row after row. It turns runs, repeats and small colour steps into
 * short codes that zstd then squeezes further ({@link QoiZstdCodec}). Stateless between calls; the
 * instance only owns the 64-entry index, so one per thread.
 */
public final class QoiTransform {
    static final int OP_INDEX = 0x00;
    static final int OP_DIFF = 0x40;
    static final int OP_LUMA = 0x80;
    static final int OP_RUN = 0xC0;
    static final int OP_RGB = 0xFE;
    static final int MASK_2 = 0xC0;
    /** The most bytes one pixel can take (OP_RGB). */
    public static final int MAX_BYTES_PER_PIXEL = 4;

    private final int[] index = new int[64];

    /** Creates a transform for the calling thread. */
    public QoiTransform() {
    }

    private static int hash(int p) {
        return ((p >>> 16 & 0xFF) * 3 + (p >>> 8 & 0xFF) * 5 + (p & 0xFF) * 7) & 63;
    }

    /**
     * @param rgb pixels
     * @param offset top-left
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param out at least {@code w*h*4} bytes
     * @return bytes written
     */
    public int encode(int[] rgb, int offset, int stride, int w, int h, byte[] out) {
        java.util.Arrays.fill(index, 0);
        int o = 0;
        int prev = 0;
        int run = 0;
        for (int y = 0; y < h; y++) {
            int row = offset + y * stride;
            for (int x = 0; x < w; x++) {
                int p = rgb[row + x] & 0xFFFFFF;
                if (p == prev) {
                    if (++run == 62) {
                        out[o++] = (byte) (OP_RUN | 61);
                        run = 0;
                    }
                    continue;
                }
                if (run > 0) {
                    out[o++] = (byte) (OP_RUN | (run - 1));
                    run = 0;
                }
                int hi = hash(p);
                if (index[hi] == p) {
                    out[o++] = (byte) (OP_INDEX | hi);
                } else {
                    index[hi] = p;
                    int dr = (byte) ((p >>> 16) - (prev >>> 16));
                    int dg = (byte) ((p >>> 8) - (prev >>> 8));
                    int db = (byte) (p - prev);
                    int drDg = dr - dg;
                    int dbDg = db - dg;
                    if (dr >= -2 && dr <= 1 && dg >= -2 && dg <= 1 && db >= -2 && db <= 1) {
                        out[o++] = (byte) (OP_DIFF | (dr + 2) << 4 | (dg + 2) << 2 | (db + 2));
                    } else if (dg >= -32 && dg <= 31 && drDg >= -8 && drDg <= 7 && dbDg >= -8 && dbDg <= 7) {
                        out[o++] = (byte) (OP_LUMA | (dg + 32));
                        out[o++] = (byte) ((drDg + 8) << 4 | (dbDg + 8));
                    } else {
                        out[o++] = (byte) OP_RGB;
                        out[o++] = (byte) (p >>> 16);
                        out[o++] = (byte) (p >>> 8);
                        out[o++] = (byte) p;
                    }
                }
                prev = p;
            }
        }
        if (run > 0) {
            out[o++] = (byte) (OP_RUN | (run - 1));
        }
        return o;
    }

    /**
     * Decodes exactly {@code w×h} pixels from exactly {@code len} op bytes (from a peer: every op is
     * checked against both ends).
     *
     * @throws PeerProtocolException BAD_BITMAP when the ops end early, overrun the pixels, are left
     *     over, or use the RGBA op
     */
    public void decode(byte[] in, int len, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
        java.util.Arrays.fill(index, 0);
        int i = 0;
        int prev = 0;
        int run = 0;
        for (int y = 0; y < h; y++) {
            int row = dstOffset + y * dstStride;
            for (int x = 0; x < w; x++) {
                if (run > 0) {
                    run--;
                    dst[row + x] = prev;
                    continue;
                }
                if (i >= len) {
                    throw bad(commandId, "ops end at pixel " + ((long) y * w + x) + " of " + (long) w * h);
                }
                int b = in[i++] & 0xFF;
                int p;
                if (b == OP_RGB) {
                    if (i + 3 > len) {
                        throw bad(commandId, "truncated RGB op");
                    }
                    p = (in[i] & 0xFF) << 16 | (in[i + 1] & 0xFF) << 8 | (in[i + 2] & 0xFF);
                    i += 3;
                } else if (b == 0xFF) {
                    throw bad(commandId, "RGBA op (alpha is not carried)");
                } else {
                    switch (b & MASK_2) {
                        case OP_INDEX -> p = index[b];
                        case OP_DIFF -> {
                            int r = ((prev >>> 16) + ((b >> 4) & 3) - 2) & 0xFF;
                            int g = ((prev >>> 8) + ((b >> 2) & 3) - 2) & 0xFF;
                            int bl = (prev + (b & 3) - 2) & 0xFF;
                            p = r << 16 | g << 8 | bl;
                        }
                        case OP_LUMA -> {
                            if (i >= len) {
                                throw bad(commandId, "truncated LUMA op");
                            }
                            int b2 = in[i++] & 0xFF;
                            int dg = (b & 0x3F) - 32;
                            int r = ((prev >>> 16) + dg - 8 + (b2 >> 4)) & 0xFF;
                            int g = ((prev >>> 8) + dg) & 0xFF;
                            int bl = (prev + dg - 8 + (b2 & 0x0F)) & 0xFF;
                            p = r << 16 | g << 8 | bl;
                        }
                        default -> { // OP_RUN
                            run = b & 0x3F; // this pixel plus run more
                            dst[row + x] = prev;
                            continue;
                        }
                    }
                }
                index[hash(p)] = p;
                dst[row + x] = p;
                prev = p;
            }
        }
        if (run > 0 || i != len) {
            throw bad(commandId, run > 0 ? "a run overruns the bitmap by " + run + " pixels"
                    : (len - i) + " op bytes left over after " + (long) w * h + " pixels");
        }
    }

    private static PeerProtocolException bad(int commandId, String detail) {
        return new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "QOIZ: " + detail);
    }
}
