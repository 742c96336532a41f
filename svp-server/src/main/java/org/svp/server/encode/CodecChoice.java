package org.svp.server.encode;

import org.svp.protocol.CodecId;

/**
 * What a display client decodes, as the encoders need it: its v1 codec (RAW or LZ4, from
 * GRAPHIC_CONFIG) and the v2 codec feature bits it negotiated (0 for a v1 client). Updates are
 * encoded once per distinct choice among the connected clients, not once per client.
 *
 * @param v1Codec {@link CodecId#RAW} or {@link CodecId#LZ4}
 * @param features the negotiated v2 codec bits ({@link org.svp.protocol.Feature#CODEC_PALETTE}, ...)
 */
public record CodecChoice(int v1Codec, int features) {
    /** A v1 client that asked for RAW. */
    public static final CodecChoice V1_RAW = new CodecChoice(CodecId.RAW, 0);
    /** A v1 client that asked for LZ4 or AUTO. */
    public static final CodecChoice V1_LZ4 = new CodecChoice(CodecId.LZ4, 0);

    /**
     * @param preferCodec the client's GRAPHIC_CONFIG prefercodec
     * @param features its negotiated v2 codec bits
     * @return the normalised choice (with v2 codecs, bitmaps they decline go as LZ4/RAW)
     */
    public static CodecChoice of(int preferCodec, int features) {
        if (features != 0) {
            return new CodecChoice(CodecId.LZ4, features);
        }
        return preferCodec == CodecId.RAW ? V1_RAW : V1_LZ4;
    }

    /** @return whether this client gets v2 codecs (the encode manager's bands) */
    public boolean v2() {
        return features != 0;
    }

    /**
     * @param other another choice
     * @return whether frames made for {@code other} are decodable by this client (every client
     *     decodes RAW and LZ4; v2 frames need their codecs negotiated)
     */
    public boolean canTake(CodecChoice other) {
        return (other.features & ~features) == 0;
    }
}
