package org.svp.codec;

import org.svp.codec.pixel.Palette;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Bitmap;

/**
 * Turns a wire {@link Bitmap} (RAW or LZ4, any v1 pixel format; protocol.md §4; or a v2 codec of the
 * {@link CodecRegistry} in RGB32, protocol.md "Codecs") into
 * {@code 0x00RRGGBB} pixels. Everything it reads comes from a peer, so every size is checked and every
 * failure is a {@link PeerProtocolException} with {@link SvpStatus#BAD_BITMAP}.
 *
 * <p>One instance per client channel thread (or per renderer); it keeps a decompression scratch buffer
 * that only grows, so steady-state decoding allocates nothing ({@link #decode} allocates its result).
 */
public final class BitmapDecoder {
    /**
     * The largest decoded bitmap accepted, in bytes of wire pixels: 256 MiB, an 8192×8192 RGB32 screen.
     * A 10 MiB LZ4 block could otherwise claim gigabytes.
     */
    public static final long MAX_DECODED_BYTES = 256L * 1024 * 1024;

    private final Lz4BlockCodec lz4 = new Lz4BlockCodec();
    /** Decompressed wire rows of the last LZ4 bitmap; grows only. */
    private byte[] scratch = new byte[0];
    private Palette palette = Palette.DEFAULT;
    /** Decoders of the v2 codecs, made on first use; they keep per-connection state (the palette cache). */
    private final java.util.Map<Integer, BitmapCodec.Decoder> v2 = new java.util.HashMap<>();

    /** Creates a decoder for the calling thread, with {@link Palette#DEFAULT}. */
    public BitmapDecoder() {
    }

    /**
     * Sets what RGB8 and MONO pixels mean from now on. Called by the owner thread (v1 never changes it).
     *
     * @param palette
     *     the palette; null restores {@link Palette#DEFAULT}
     */
    public void setPalette(Palette palette) {
        this.palette = palette == null ? Palette.DEFAULT : palette;
    }

    /** @return the palette in use */
    public Palette palette() {
        return palette;
    }

    /**
     * Decodes into a new array.
     *
     * @param b
     *     the bitmap as received
     * @param commandId
     *     the id of the message that carried it, for errors
     * @return {@code b.width() × b.height()} pixels, row-major, {@code 0x00RRGGBB}
     * @throws PeerProtocolException
     *     BAD_BITMAP for an unsupported codec or format, a wrong data size or a corrupt LZ4 block
     */
    public int[] decode(Bitmap b, int commandId) {
        check(b, commandId);
        int[] out = new int[b.width() * b.height()];
        decodeInto(b, commandId, out, 0, b.width());
        return out;
    }

    /**
     * Decodes into a caller's pixel array, e.g. straight into a surface at the bitmap's position. On an
     * error nothing has been written.
     *
     * @param b
     *     the bitmap as received
     * @param commandId
     *     the id of the message that carried it, for errors
     * @param dst
     *     receives {@code 0x00RRGGBB} pixels; must hold the whole bitmap at {@code dstOffset}/{@code dstStride}
     * @param dstOffset
     *     index of the bitmap's top-left pixel in {@code dst}
     * @param dstStride
     *     ints from one row to the next in {@code dst}
     * @throws PeerProtocolException
     *     BAD_BITMAP for an unsupported codec or format, a wrong data size or a corrupt LZ4 block
     */
    public void decodeInto(Bitmap b, int commandId, int[] dst, int dstOffset, int dstStride) {
        if (CodecRegistry.isV2(b.codec())) {
            // v2 codecs (RGB32 only, checked): they decode straight into dst and may have written part
            // of it when they find an error (the connection is dropped then)
            check(b, commandId);
            v2.computeIfAbsent(b.codec(), id -> CodecRegistry.byId(id).newDecoder())
                    .decode(b.data(), b.width(), b.height(), dst, dstOffset, dstStride, commandId);
            return;
        }
        byte[] rows = wireRows(b, commandId);
        if (b.width() == 0 || b.height() == 0) {
            return;
        }
        PixelConverter.toRgb(b.format(), rows, 0, b.width(), b.height(), palette, dst, dstOffset, dstStride);
    }

    /**
     * The bitmap's uncompressed wire rows, checked: {@code b.data()} itself for RAW, this decoder's
     * scratch buffer for LZ4 (valid until the next call). Used by {@link BitmapEncoder#transcode} on the
     * same thread.
     *
     * @param b
     *     the bitmap as received
     * @param commandId
     *     the id of the message that carried it, for errors
     * @return an array whose first {@code b.format().dataLength(w, h)} bytes are the rows
     * @throws PeerProtocolException
     *     BAD_BITMAP as for {@link #decode}
     */
    byte[] wireRows(Bitmap b, int commandId) {
        int expected = check(b, commandId);
        if (CodecRegistry.isV2(b.codec())) {
            throw bad(commandId, CodecId.name(b.codec()) + " has no wire rows; decode it to pixels");
        }
        if (b.codec() == CodecId.RAW) {
            return b.data();
        }
        if (scratch.length < expected) {
            scratch = new byte[expected];
        }
        if (expected > 0) {
            lz4.decompress(b.data(), 0, b.data().length, scratch, 0, expected, commandId);
        }
        return scratch;
    }

    /**
     * Checks everything about {@code b} that does not need decompression.
     *
     * @return the decoded wire length in bytes
     */
    private static int check(Bitmap b, int commandId) {
        PixelFormat format = b.format();
        if (format == null) {
            throw bad(commandId, "unknown pixel format");
        }
        if (CodecRegistry.isV2(b.codec())) {
            if (format != PixelFormat.RGB32) {
                throw bad(commandId, CodecId.name(b.codec()) + " carries RGB32 only, not " + format);
            }
        } else if (b.codec() != CodecId.RAW && b.codec() != CodecId.LZ4) {
            throw bad(commandId, "unsupported codec " + CodecId.name(b.codec())
                    + " (decodes RAW, LZ4, PALETTE, QOIZ and ZSTREAM)");
        }
        if (b.width() < 0 || b.height() < 0) {
            throw bad(commandId, "negative bitmap size " + b.width() + "x" + b.height());
        }
        if (b.data() == null) {
            throw bad(commandId, "bitmap without data");
        }
        long expected = format.dataLength(b.width(), b.height());
        if (expected > MAX_DECODED_BYTES || (long) b.width() * b.height() > Integer.MAX_VALUE - 8) {
            throw bad(commandId, "bitmap " + b.width() + "x" + b.height() + " " + format + " is larger than "
                    + MAX_DECODED_BYTES + " bytes");
        }
        if (b.codec() == CodecId.RAW && b.data().length != expected) {
            throw bad(commandId, "RAW " + format + " " + b.width() + "x" + b.height() + " needs " + expected
                    + " bytes, got " + b.data().length);
        }
        return (int) expected;
    }

    private static PeerProtocolException bad(int commandId, String detail) {
        return new PeerProtocolException(SvpStatus.BAD_BITMAP, commandId, -1, detail);
    }
}
