package org.svp.protocol;

/**
 * Feature bits of CHANNEL_INIT / CHANNEL_READY (protocol.md §2, §9). They count only when the
 * negotiated version is at least 2: a v1 server echoes whatever it is sent.
 */
public final class Feature {
    public static final int GDI = 0x1;
    public static final int LZ4 = 0x2;
    public static final int YUV = 0x100;
    public static final int JPEG = 0x200;
    /** v2 display channel: the client decodes codec PALETTE (3) and keeps a palette cache. */
    public static final int CODEC_PALETTE = 0x400;
    /** v2 display channel: the client decodes codec QOIZ (4). */
    public static final int CODEC_QOIZ = 0x800;
    /**
     * v2 display channel: the server-driven screen cache (CACHE_SAVE / CACHE_DRAW); the client then
     * sends DISPLAY_CACHE_INIT with its byte budget.
     */
    public static final int BITMAP_CACHE = 0x1000;
    /**
     * v2 display channel: the client decodes codec TEXTZ (6), text as cached glyphs through a zstd stream
     * per display connection; the server uses it only for a client that also has {@link #CODEC_ZSTREAM},
     * in place of it.
     */
    public static final int CODEC_TEXTZ = 0x2000;
    /** v2 display channel: the client decodes codec MEDZ (5), the lossless photo coder (issue 13). */
    public static final int CODEC_MEDZ = 0x4000;
    /**
     * v2 display channel: the client decodes codec ZSTREAM (8), one zstd stream per display connection
     * (0x8000: the bits below are left to the lossy codecs).
     */
    public static final int CODEC_ZSTREAM = 0x8000;
    /** v2 display channel: the client decodes codec JPEG (10), lossy with a lossless refresh. */
    public static final int CODEC_JPEG = 0x10000;
    /** v2 display channel: the client decodes codec H264 (11), video regions. */
    public static final int CODEC_H264 = 0x20000;
    /**
     * v2 display channel: the client's quality override, two bits (docs/protocol.md "Lossy quality"):
     * 0 = the server's default, {@link #QUALITY_HIGH}, {@link #QUALITY_MEDIUM}, both = low.
     */
    public static final int QUALITY_HIGH = 0x40000;
    /** See {@link #QUALITY_HIGH}. */
    public static final int QUALITY_MEDIUM = 0x80000;
    /** Both quality bits. */
    public static final int QUALITY_MASK = QUALITY_HIGH | QUALITY_MEDIUM;
    /**
     * v2 display channel: flow control. The server sends FLOW_PING after updates and the client answers
     * each with FLOW_PONG once it has processed everything before it (docs/protocol.md "Flow control").
     */
    public static final int FLOW_CONTROL = 0x100000;
    /** What a v1 client sends in CHANNEL_INIT. */
    public static final int V1_CLIENT_ALL = 0xFFFFFFFF;

    private Feature() {
    }
}
