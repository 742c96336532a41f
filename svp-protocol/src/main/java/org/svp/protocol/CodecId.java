package org.svp.protocol;

/**
 * Bitmap codec ids ({@code pac_bitmap.codec}, protocol.md §2). Kept as int constants because the field
 * is open: ids 3–99 are for negotiated extension codecs, which a v1 decoder must report, not crash on.
 */
public final class CodecId {
    /** Uncompressed rows. */
    public static final int RAW = 0;
    /** One bare LZ4 block, no frame, no stored length. */
    public static final int LZ4 = 1;
    /** JPEG (defined by v1, used by nobody). */
    public static final int JPEG = 2;
    /** Indexed colour + zstd with a client palette cache (v2, protocol.md "Codecs"). */
    public static final int PALETTE = 3;
    /** QOI op stream + zstd, the general lossless coder (v2, protocol.md "Codecs"). */
    public static final int QOIZ = 4;
    /** LOCO-I's median predictor per colour plane + zstd, the lossless photo coder (v2, protocol.md "Codecs"). */
    public static final int MEDZ = 5;
    /**
     * Text as glyph references: a program of background strips, cached glyphs and pixels through one
     * zstd stream per display connection (v2, protocol.md "Codecs"; used together with ZSTREAM).
     */
    public static final int TEXTZ = 6;
    /**
     * RGB24 through one zstd stream per display connection, with memory across bitmaps (v2, protocol.md
     * "Codecs"; 8, clear of the lossy codecs' ids).
     */
    public static final int ZSTREAM = 8;
    /** JPEG of photographic regions, refreshed losslessly later (v2, protocol.md "Codecs"). */
    public static final int JPEG_LOSSY = 10;
    /** H.264 access units of a video region (v2, protocol.md "Codecs"). */
    public static final int H264 = 11;
    /** A user codec plug-in of the first implementation. */
    public static final int USER = 100;
    /** A request for the sender's choice; never in a bitmap on the wire. */
    public static final int AUTO = 255;

    private CodecId() {
    }

    /**
     * @param codec a codec id
     * @return a short name for logs and errors
     */
    public static String name(int codec) {
        return switch (codec) {
            case RAW -> "RAW";
            case LZ4 -> "LZ4";
            case JPEG -> "JPEG";
            case PALETTE -> "PALETTE";
            case QOIZ -> "QOIZ";
            case MEDZ -> "MEDZ";
            case TEXTZ -> "TEXTZ";
            case ZSTREAM -> "ZSTREAM";
            case JPEG_LOSSY -> "JPEG10";
            case H264 -> "H264";
            case USER -> "USER";
            case AUTO -> "AUTO";
            default -> "codec#" + codec;
        };
    }
}
