package org.svp.source.vnc.rfb;

/**
 * Tight (encoding 7) without JPEG: fill, or basic compression with the copy, palette or gradient
 * filter through one of four zlib streams that live as long as the connection; the control byte's low
 * four bits reset streams 0–3 before the rectangle is decoded. TPIXELs are 3 bytes R, G, B with
 * {@link PixelFormat32}. Data shorter than {@value #MIN_TO_COMPRESS} bytes comes uncompressed.
 *
 * <p>A rectangle is decoded only once all its bytes have arrived ({@link #decode} throws
 * {@link NeedMore} before it changes any state), so the caller can rewind and retry. Decoder thread
 * only.
 */
final class TightDecoder {
    static final int MIN_TO_COMPRESS = 12;
    /** The longest compact length (three bytes: 22 bits). */
    private static final int MAX_COMPACT = (1 << 22) - 1;
    private static final int FILL = 8;
    private static final int JPEG = 9;
    private static final int FILTER_COPY = 0;
    private static final int FILTER_PALETTE = 1;
    private static final int FILTER_GRADIENT = 2;

    private final ZlibStream[] streams = {
        new ZlibStream("Tight stream 0"), new ZlibStream("Tight stream 1"),
        new ZlibStream("Tight stream 2"), new ZlibStream("Tight stream 3"),
    };

    /** @return w × h pixels, B, G, R, X */
    byte[] decode(RfbIn in, int w, int h) {
        int control = in.u8();
        int type = control >>> 4;
        if (type == FILL) {
            in.need(3);
            resetStreams(control);
            byte[] out = new byte[w * h * 4];
            PixelFormat32.fill(out, w, 0, 0, w, h, tpixel(in.bytes(3), 0));
            return out;
        }
        if (type == JPEG) {
            throw Malformed.of("Tight JPEG rectangle, though no JPEG quality level was requested");
        }
        if (type > JPEG) {
            throw Malformed.of("Tight compression type " + type + " is not defined");
        }
        int filter = (type & 4) != 0 ? in.u8() : FILTER_COPY;
        int[] palette = null;
        int size;
        switch (filter) {
            case FILTER_COPY, FILTER_GRADIENT -> size = w * h * 3;
            case FILTER_PALETTE -> {
                int n = in.u8() + 1;
                byte[] p = in.bytes(n * 3);
                palette = new int[n];
                for (int i = 0; i < n; i++) {
                    palette[i] = tpixel(p, i * 3);
                }
                size = n == 2 ? (w + 7) / 8 * h : w * h;
            }
            default -> throw Malformed.of("Tight filter " + filter + " is not defined");
        }
        byte[] data;
        if (size < MIN_TO_COMPRESS) {
            data = in.bytes(size);
            resetStreams(control);
        } else {
            int len = compactLength(in);
            byte[] compressed = in.bytes(len);
            resetStreams(control);
            data = new byte[size];
            ZlibStream z = streams[type & 3];
            z.feed(compressed);
            z.read(data, 0, size);
            z.endRect();
        }
        return switch (filter) {
            case FILTER_PALETTE -> palette(data, palette, w, h);
            case FILTER_GRADIENT -> gradient(data, w, h);
            default -> copy(data, w, h);
        };
    }

    private void resetStreams(int control) {
        for (int i = 0; i < 4; i++) {
            if ((control & (1 << i)) != 0) {
                streams[i].reset();
            }
        }
    }

    private static int compactLength(RfbIn in) {
        int b = in.u8();
        int len = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = in.u8();
            len |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                len |= in.u8() << 14;
            }
        }
        if (len > MAX_COMPACT) {
            throw Malformed.of("Tight length " + len);
        }
        return len;
    }

    private static int tpixel(byte[] b, int off) {
        return (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF);
    }

    private static byte[] copy(byte[] data, int w, int h) {
        byte[] out = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            PixelFormat32.put(out, i * 4, tpixel(data, i * 3));
        }
        return out;
    }

    private static byte[] palette(byte[] data, int[] palette, int w, int h) {
        byte[] out = new byte[w * h * 4];
        if (palette.length == 2) {
            int rowBytes = (w + 7) / 8;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int bit = (data[y * rowBytes + x / 8] >>> (7 - (x & 7))) & 1;
                    PixelFormat32.put(out, (y * w + x) * 4, palette[bit]);
                }
            }
            return out;
        }
        for (int i = 0; i < w * h; i++) {
            int index = data[i] & 0xFF;
            if (index >= palette.length) {
                throw Malformed.of("Tight palette index " + index + " of a " + palette.length + "-colour palette");
            }
            PixelFormat32.put(out, i * 4, palette[index]);
        }
        return out;
    }

    /** The gradient filter: each component is predicted as left + above − above-left, clamped to 0..255. */
    private static byte[] gradient(byte[] data, int w, int h) {
        byte[] out = new byte[w * h * 4];
        int[] prevRow = new int[w * 3];
        int[] row = new int[w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int left = x > 0 ? row[(x - 1) * 3 + c] : 0;
                    int up = prevRow[x * 3 + c];
                    int upLeft = x > 0 ? prevRow[(x - 1) * 3 + c] : 0;
                    int predicted = Math.clamp(left + up - upLeft, 0, 255);
                    row[x * 3 + c] = (predicted + data[(y * w + x) * 3 + c]) & 0xFF;
                }
                int o = (y * w + x) * 4;
                out[o] = (byte) row[x * 3 + 2];
                out[o + 1] = (byte) row[x * 3 + 1];
                out[o + 2] = (byte) row[x * 3];
            }
            int[] t = prevRow;
            prevRow = row;
            row = t;
        }
        return out;
    }

    void close() {
        for (ZlibStream s : streams) {
            s.close();
        }
    }
}
