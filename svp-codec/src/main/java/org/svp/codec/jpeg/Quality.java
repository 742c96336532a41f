package org.svp.codec.jpeg;

import java.util.Locale;
import org.svp.protocol.Feature;

/**
 * The lossy quality levels of {@code --quality} (server default) and of a client's override (two
 * feature bits, docs/protocol.md "Lossy quality"). {@link #LOSSLESS} sends no JPEG at all, as before
 * issue 13; {@link #AUTO} lets the server's policy choose per region.
 */
public enum Quality {
    LOSSLESS(0, false, 0),
    // measured on SampleTiles "photo" (192x96, a noisy random walk; QOIZ 25.9 KB): q95 4:4:4 12.6 KB
    // 41.2 dB, q85 4:4:4 ~8.4 KB ~36 dB, q70 4:2:0 ~4 KB ~26 dB (its chroma noise is lost)
    HIGH(95, false, Feature.QUALITY_HIGH),
    MEDIUM(85, false, Feature.QUALITY_MEDIUM),
    LOW(70, true, Feature.QUALITY_MASK),
    AUTO(95, false, 0);

    private final int jpegQuality;
    private final boolean subsample420;
    private final int hintBits;

    Quality(int jpegQuality, boolean subsample420, int hintBits) {
        this.jpegQuality = jpegQuality;
        this.subsample420 = subsample420;
        this.hintBits = hintBits;
    }

    /** @return the libjpeg quality (1–100) of this level */
    public int jpegQuality() {
        return jpegQuality;
    }

    /** @return whether this level halves the chroma resolution (4:2:0) */
    public boolean subsample420() {
        return subsample420;
    }

    /**
     * @return the display-channel feature bits a client sets to ask for this level (0 for AUTO: the
     *     server's default; LOSSLESS is asked by not offering {@link Feature#CODEC_JPEG})
     */
    public int hintBits() {
        return hintBits;
    }

    /**
     * @param features a display channel's negotiated bits
     * @return the level the client asked for, or null when it left it to the server
     */
    public static Quality fromHint(int features) {
        return switch (features & Feature.QUALITY_MASK) {
            case Feature.QUALITY_HIGH -> HIGH;
            case Feature.QUALITY_MEDIUM -> MEDIUM;
            case Feature.QUALITY_MASK -> LOW;
            default -> null;
        };
    }

    /**
     * @param s lossless, high, medium, low or auto (any case)
     * @return the level
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Quality parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("quality must be lossless, high, medium, low or auto, not '" + s + "'");
        }
    }
}
