package org.svp.codec;

import java.util.Arrays;
import org.svp.codec.pixel.Palette;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/** RAW (codec 0, protocol.md §4): RGB32 rows, tightly packed, top row first. */
public final class RawCodec implements BitmapCodec {
    @Override
    public int id() {
        return CodecId.RAW;
    }

    @Override
    public String name() {
        return "RAW";
    }

    @Override
    public Encoder newEncoder() {
        return new Encoder() {
            private byte[] scratch = new byte[0];

            @Override
            public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
                int n = Math.multiplyExact(Math.multiplyExact(w, h), 4);
                if (scratch.length < n) {
                    scratch = new byte[n];
                }
                PixelConverter.fromRgb(rgb, offset, stride, w, h, PixelFormat.RGB32, scratch, 0);
                return EncodedData.of(Arrays.copyOf(scratch, n));
            }
        };
    }

    @Override
    public Decoder newDecoder() {
        return (data, w, h, dst, dstOffset, dstStride, commandId) -> {
            if (data.length != (long) w * h * 4) {
                throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                        "RAW RGB32 " + w + "x" + h + " needs " + (long) w * h * 4 + " bytes, got " + data.length);
            }
            if (w > 0 && h > 0) {
                PixelConverter.toRgb(PixelFormat.RGB32, data, 0, w, h, Palette.DEFAULT, dst, dstOffset, dstStride);
            }
        };
    }
}
