package org.svp.codec;

import java.util.Arrays;
import org.svp.codec.pixel.Palette;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;

/**
 * LZ4 (codec 1, protocol.md §4): RGB32 rows as one bare LZ4 block. The encoder declines (null) when the
 * block would not be smaller than the rows, so the caller sends RAW ("a sender keeps RAW where LZ4 does
 * not shrink the data").
 */
public final class Lz4Codec implements BitmapCodec {
    @Override
    public int id() {
        return CodecId.LZ4;
    }

    @Override
    public String name() {
        return "LZ4";
    }

    @Override
    public Encoder newEncoder() {
        return new Encoder() {
            private final Lz4BlockCodec lz4 = new Lz4BlockCodec();
            private byte[] rows = new byte[0];
            private byte[] out = new byte[0];

            @Override
            public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
                int n = Math.multiplyExact(Math.multiplyExact(w, h), 4);
                if (n == 0) {
                    return null;
                }
                if (rows.length < n) {
                    rows = new byte[n];
                }
                PixelConverter.fromRgb(rgb, offset, stride, w, h, PixelFormat.RGB32, rows, 0);
                int bound = lz4.maxCompressedLength(n);
                if (out.length < bound) {
                    out = new byte[bound];
                }
                int len = lz4.compress(rows, 0, n, out, 0, bound);
                return len < n ? EncodedData.of(Arrays.copyOf(out, len)) : null;
            }
        };
    }

    @Override
    public Decoder newDecoder() {
        return new Decoder() {
            private final Lz4BlockCodec lz4 = new Lz4BlockCodec();
            private byte[] rows = new byte[0];

            @Override
            public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
                int n = Math.multiplyExact(Math.multiplyExact(w, h), 4);
                if (rows.length < n) {
                    rows = new byte[n];
                }
                if (n > 0) {
                    lz4.decompress(data, 0, data.length, rows, 0, n, commandId);
                    PixelConverter.toRgb(PixelFormat.RGB32, rows, 0, w, h, Palette.DEFAULT, dst, dstOffset, dstStride);
                }
            }
        };
    }
}
