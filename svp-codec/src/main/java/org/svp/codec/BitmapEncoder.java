package org.svp.codec;

import java.util.Arrays;
import org.svp.codec.pixel.Palette;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Bitmap;

/**
 * Makes wire {@link Bitmap}s in {@link PixelFormat#RGB32} from pixels or from other bitmaps, compressed
 * with LZ4 where that shrinks the data and RAW otherwise (protocol.md §4: "a sender keeps RAW where LZ4
 * does not shrink the data").
 *
 * <p>One instance per encoder worker thread: it owns its scratch buffers (they only grow) and keeps no
 * global counters, so any number of workers can encode in parallel. The only allocation per call is
 * the returned bitmap's data array.
 *
 * <p>Codec requests: {@link CodecId#RAW}, {@link CodecId#LZ4}, and {@link CodecId#AUTO}, which this v1
 * encoder treats as LZ4 (with the RAW fallback).
 */
public final class BitmapEncoder {
    private final Lz4BlockCodec lz4 = new Lz4BlockCodec();
    /** Decodes source bitmaps in {@link #transcode}; its scratch holds decompressed rows. */
    private final BitmapDecoder decoder = new BitmapDecoder();
    /** RGB32 wire rows of the bitmap being encoded; grows only. */
    private byte[] rawScratch = new byte[0];
    /** LZ4 output of the bitmap being encoded; grows only. */
    private byte[] lz4Scratch = new byte[0];
    /** Decoded pixels of a non-RGB32 source in {@link #transcode}; grows only. */
    private int[] pixelScratch = new int[0];

    /** Creates an encoder for the calling thread. */
    public BitmapEncoder() {
    }

    /**
     * Sets the palette used to read RGB8/MONO sources in {@link #transcode}. Owner thread only.
     *
     * @param palette
     *     the palette; null restores {@link Palette#DEFAULT}
     */
    public void setPalette(Palette palette) {
        decoder.setPalette(palette);
    }

    /**
     * Encodes a rectangle of pixels as an RGB32 bitmap.
     *
     * @param rgb
     *     pixels {@code 0x00RRGGBB} (a top byte is dropped)
     * @param offset
     *     index in {@code rgb} of the rectangle's top-left pixel
     * @param stride
     *     ints from one row to the next in {@code rgb}
     * @param x
     *     the bitmap's x (screen position for DIRTY_RECT)
     * @param y
     *     the bitmap's y
     * @param w
     *     columns
     * @param h
     *     rows
     * @param codec
     *     {@link CodecId#RAW}, {@link CodecId#LZ4} or {@link CodecId#AUTO}
     * @return a bitmap owning a fresh data array; LZ4 only when the block is smaller than the raw rows
     * @throws IllegalArgumentException
     *     for another codec or a negative size
     */
    public Bitmap encode(int[] rgb, int offset, int stride, int x, int y, int w, int h, int codec) {
        checkCodec(codec);
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("negative size " + w + "x" + h);
        }
        int rawLength = Math.multiplyExact(Math.multiplyExact(w, h), 4);
        if (rawScratch.length < rawLength) {
            rawScratch = new byte[rawLength];
        }
        PixelConverter.fromRgb(rgb, offset, stride, w, h, PixelFormat.RGB32, rawScratch, 0);
        return pack(rawScratch, rawLength, x, y, w, h, codec);
    }

    /**
     * Re-encodes a bitmap from a peer or a display source as RGB32 in the wanted codec, keeping its x, y,
     * w, h. Returns {@code in} itself when it is already RGB32 in that codec.
     *
     * @param in
     *     a v1 bitmap (RAW or LZ4, any format)
     * @param codec
     *     {@link CodecId#RAW}, {@link CodecId#LZ4} or {@link CodecId#AUTO}
     * @return the bitmap in RGB32; LZ4 only when that is smaller than the raw rows
     * @throws PeerProtocolException
     *     BAD_BITMAP when {@code in} is malformed
     * @throws IllegalArgumentException
     *     for an unsupported wanted codec
     */
    public Bitmap transcode(Bitmap in, int codec) {
        return transcode(in, codec, -1);
    }

    /**
     * As {@link #transcode(Bitmap, int)}, naming the message that carried {@code in} in errors.
     *
     * @param in
     *     a v1 bitmap (RAW or LZ4, any format)
     * @param codec
     *     {@link CodecId#RAW}, {@link CodecId#LZ4} or {@link CodecId#AUTO}
     * @param commandId
     *     the id of the message that carried {@code in}, -1 if none
     * @return the bitmap in RGB32
     * @throws PeerProtocolException
     *     BAD_BITMAP when {@code in} is malformed
     */
    public Bitmap transcode(Bitmap in, int codec, int commandId) {
        checkCodec(codec);
        int wanted = codec == CodecId.AUTO ? CodecId.LZ4 : codec;
        if (in.format() == PixelFormat.RGB32 && in.codec() == wanted) {
            return in;
        }
        if (CodecRegistry.isV2(in.codec())) {
            int[] px = decoder.decode(in, commandId);
            return encode(px, 0, in.width(), in.x(), in.y(), in.width(), in.height(), wanted);
        }
        byte[] rows = decoder.wireRows(in, commandId);
        int w = in.width();
        int h = in.height();
        if (in.format() == PixelFormat.RGB32) {
            Bitmap out = pack(rows, w * h * 4, in.x(), in.y(), w, h, wanted);
            boolean unchanged = out.codec() == CodecId.RAW && in.codec() == CodecId.RAW;
            return unchanged ? in : out;
        }
        int pixels = w * h;
        if (pixelScratch.length < pixels) {
            pixelScratch = new int[pixels];
        }
        decoder.decodeInto(in, commandId, pixelScratch, 0, w);
        return encode(pixelScratch, 0, w, in.x(), in.y(), w, h, wanted);
    }

    /** Wraps RGB32 rows as LZ4 (if wanted and smaller) or RAW, copying them into a fresh array. */
    private Bitmap pack(byte[] raw, int rawLength, int x, int y, int w, int h, int codec) {
        if (codec != CodecId.RAW && rawLength > 0) {
            int bound = lz4.maxCompressedLength(rawLength);
            if (lz4Scratch.length < bound) {
                lz4Scratch = new byte[bound];
            }
            int n = lz4.compress(raw, 0, rawLength, lz4Scratch, 0, bound);
            if (n < rawLength) {
                return new Bitmap(PixelFormat.RGB32, CodecId.LZ4, x, y, w, h, Arrays.copyOf(lz4Scratch, n));
            }
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, Arrays.copyOf(raw, rawLength));
    }

    private static void checkCodec(int codec) {
        if (codec != CodecId.RAW && codec != CodecId.LZ4 && codec != CodecId.AUTO) {
            throw new IllegalArgumentException("cannot encode with codec " + CodecId.name(codec));
        }
    }
}
