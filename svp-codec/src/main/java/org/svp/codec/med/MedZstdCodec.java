package org.svp.codec.med;

import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.codec.ZstdBlock;
import org.svp.protocol.CodecId;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * MEDZ (codec 5, protocol.md "Codecs"): the lossless coder for photos and other many-colour content
 * (issue 13). Data: one zstd frame that decodes to exactly 3·w·h bytes, the {@link MedPredictor}
 * residuals plane by plane; no data at all for an empty bitmap. On the photo tiles of a recorded run of
 * the shared workload (3 620 tiles and strips, 19.6 Mpx): QOIZ 12.68 MB, MEDZ 9.21 MB (MED interleaved
 * 10.33, with G subtracted from R and B 9.81; zstd level 3 or 6 no smaller than level 1).
 */
public final class MedZstdCodec implements BitmapCodec {
    /** Largest bitmap in pixels (a 4096 × 4096 screen); larger ones are refused. */
    static final long MAX_PIXELS = 4096L * 4096;

    @Override
    public int id() {
        return CodecId.MEDZ;
    }

    @Override
    public String name() {
        return "MEDZ";
    }

    @Override
    public Encoder newEncoder() {
        return new Encoder() {
            private final ZstdBlock zstd = new ZstdBlock();
            private byte[] res = new byte[0];

            @Override
            public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
                int n = Math.multiplyExact(3, Math.multiplyExact(w, h));
                if (n == 0) {
                    return EncodedData.of(new byte[0]);
                }
                if (res.length < n) {
                    res = new byte[n];
                }
                MedPredictor.forward(rgb, offset, stride, w, h, res);
                return EncodedData.of(zstd.compress(res, 0, res, n));
            }
        };
    }

    @Override
    public Decoder newDecoder() {
        return new Decoder() {
            private byte[] res = new byte[0];

            @Override
            public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
                long pixels = (long) w * h;
                if (pixels > MAX_PIXELS) {
                    throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "MEDZ: " + w + "x" + h + " is too large");
                }
                if (pixels == 0) {
                    if (data.length != 0) {
                        throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "MEDZ: data for an empty bitmap");
                    }
                    return;
                }
                int n = (int) (3 * pixels);
                if (res.length < n) {
                    res = new byte[n];
                }
                ZstdBlock.decompress(data, 0, data.length, res, n, "MEDZ", commandId);
                MedPredictor.inverse(res, w, h, dst, dstOffset, dstStride);
            }
        };
    }
}
