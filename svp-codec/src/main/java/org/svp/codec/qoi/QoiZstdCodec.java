package org.svp.codec.qoi;

import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.codec.ZstdBlock;
import org.svp.protocol.CodecId;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

/**
 * QOIZ (codec 4, protocol.md "Codecs"): the general lossless coder for gradients, photos and anything
 * with many colours. Data: u32 LE length of the QOI op stream, then one zstd frame holding it.
 */
public final class QoiZstdCodec implements BitmapCodec {
    @Override
    public int id() {
        return CodecId.QOIZ;
    }

    @Override
    public String name() {
        return "QOIZ";
    }

    @Override
    public Encoder newEncoder() {
        return new Encoder() {
            private final QoiTransform qoi = new QoiTransform();
            private final ZstdBlock zstd = new ZstdBlock();
            private final byte[] head = new byte[4];
            private byte[] ops = new byte[0];

            @Override
            public EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
                int max = Math.multiplyExact(Math.multiplyExact(w, h), QoiTransform.MAX_BYTES_PER_PIXEL);
                if (ops.length < max) {
                    ops = new byte[max];
                }
                int n = qoi.encode(rgb, offset, stride, w, h, ops);
                head[0] = (byte) n;
                head[1] = (byte) (n >>> 8);
                head[2] = (byte) (n >>> 16);
                head[3] = (byte) (n >>> 24);
                if (n == 0) {
                    return EncodedData.of(head.clone());
                }
                return EncodedData.of(zstd.compress(head, 4, ops, n));
            }
        };
    }

    @Override
    public Decoder newDecoder() {
        return new Decoder() {
            private final QoiTransform qoi = new QoiTransform();
            private byte[] ops = new byte[0];

            @Override
            public void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId) {
                if (data.length < 4) {
                    throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "QOIZ: data shorter than its header");
                }
                long n = (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24;
                long max = (long) w * h * QoiTransform.MAX_BYTES_PER_PIXEL;
                if (n > max || (n == 0 && (long) w * h > 0)) {
                    throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1,
                            "QOIZ: " + n + " op bytes announced for " + w + "x" + h + " pixels (at most " + max + ")");
                }
                if (ops.length < n) {
                    ops = new byte[(int) n];
                }
                if (n > 0) {
                    ZstdBlock.decompress(data, 4, data.length - 4, ops, (int) n, "QOIZ", commandId);
                } else if (data.length != 4) {
                    throw new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, "QOIZ: data after an empty bitmap");
                }
                qoi.decode(ops, (int) n, w, h, dst, dstOffset, dstStride, commandId);
            }
        };
    }
}
