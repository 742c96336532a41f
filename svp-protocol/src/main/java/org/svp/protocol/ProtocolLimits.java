package org.svp.protocol;

/** Framing constants and the limits every receiver enforces (protocol.md §1, §4, §6). */
public final class ProtocolLimits {
    /** The header magic {@code 0x7F5A}, bytes {@code 5A 7F} on the wire. */
    public static final int MAGIC = 0x7F5A;
    /** Header length in bytes: int16 magic, int16 cmd, int32 size. */
    public static final int HEADER_LENGTH = 8;
    /** The v1 body limit: 10 MiB. A larger size closes that connection. */
    public static final int MAX_BODY = 10 * 1024 * 1024;
    /** CLIP_DRAW carries at most this many rects. */
    public static final int MAX_CLIP_RECTS = 64;
    /** POLYLINE always carries this many point slots. */
    public static final int POLYLINE_SLOTS = 16;
    /** CHANNEL_LIST always carries this many slots (38-byte body). */
    public static final int CHANNEL_LIST_SLOTS = 8;
    /** The largest cursor our client accepts. */
    public static final int MAX_CURSOR_SIDE = 256;
    /** The first v1 client read the cursor channel into a buffer this large (header included). */
    public static final int V1_CURSOR_MESSAGE_LIMIT = 8 * 1024;
    /** The protocol version this implementation speaks. */
    public static final int VERSION_1 = 1;
    /** Protocol v2: capabilities, sessions, authentication (docs/protocol.md "protocol v2"). */
    public static final int VERSION_2 = 2;

    private ProtocolLimits() {
    }
}
