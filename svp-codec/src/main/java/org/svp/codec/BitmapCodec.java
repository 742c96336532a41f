package org.svp.codec;

/**
 * One bitmap codec of the seam (issue 12): an id for {@code pac_bitmap.codec}, and factories for its
 * per-thread encoder and per-connection decoder. One file per codec implements it ({@link RawCodec},
 * {@link Lz4Codec}, {@link org.svp.codec.palette.PaletteCodec}, {@link org.svp.codec.qoi.QoiZstdCodec});
 * {@link CodecRegistry} maps ids to them.
 *
 * <p>Codecs of this seam read and write {@code 0x00RRGGBB} pixels of an {@link org.svp.protocol.PixelFormat#RGB32}
 * bitmap. The v1 codecs RAW and LZ4 also carry the other v1 formats, which {@link BitmapDecoder} reads
 * through its format-generic path.
 */
public interface BitmapCodec {
    /** @return the codec id on the wire ({@link org.svp.protocol.CodecId}) */
    int id();

    /** @return a short name, used in logs and as the key of the per-codec counters */
    String name();

    /** @return true for a lossy codec (JPEG): its pixels are followed by a lossless refresh */
    default boolean lossy() {
        return false;
    }

    /**
     * @return a new encoder; it keeps scratch buffers, so one per encoder thread
     */
    Encoder newEncoder();

    /**
     * @return a new decoder; it may keep per-connection state (the palette cache), so one per connection
     */
    Decoder newDecoder();

    /** Pixels to wire data. Confined to one thread. */
    interface Encoder {
        /**
         * Encodes a rectangle of pixels.
         *
         * @param rgb pixels {@code 0x00RRGGBB} (a top byte is dropped)
         * @param offset index of the top-left pixel
         * @param stride ints from one row to the next
         * @param w columns
         * @param h rows
         * @return the data, or null when this codec declines this content (e.g. too many colours for a
         *     palette)
         */
        EncodedData encode(int[] rgb, int offset, int stride, int w, int h);
    }

    /** Wire data to pixels. Confined to one thread (a client's display channel or a renderer). */
    interface Decoder {
        /**
         * Decodes data from a peer; every length is checked.
         *
         * @param data the bitmap's data bytes
         * @param w columns
         * @param h rows
         * @param dst receives {@code 0x00RRGGBB}
         * @param dstOffset index of the top-left pixel in {@code dst}
         * @param dstStride ints from one row to the next in {@code dst}
         * @param commandId the carrying message's id, for errors
         * @throws org.svp.protocol.error.PeerProtocolException BAD_BITMAP for corrupt data
         */
        void decode(byte[] data, int w, int h, int[] dst, int dstOffset, int dstStride, int commandId);
    }
}
